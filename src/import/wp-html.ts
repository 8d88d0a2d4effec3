// Cleans WordPress post HTML before conversion: drops styling noise (style and script blocks, also when
// escaped, Gutenberg comments), expands common shortcodes, and adds the paragraphs WordPress's `wpautop`
// would have added to text separated by blank lines.

export interface CleanResult {
  html: string;
  notes: string[];
}

const BLOCK =
  'address|article|aside|blockquote|details|dialog|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|li|main|nav|ol|p|pre|section|table|thead|tbody|tfoot|tr|td|th|ul|caption|colgroup|col|iframe|video|audio|svg|math|summary';
const BLOCK_START = new RegExp(`^<\\/?(?:${BLOCK})\\b`, 'i');
const OPEN_BLOCK = new RegExp(`(<(?:${BLOCK})\\b[^>]*>)`, 'gi');
const CLOSE_BLOCK = new RegExp(`(<\\/(?:${BLOCK})>)`, 'gi');

/** Shortcodes whose output is lost; anything else in [brackets] that looks like one is reported. */
const DROPPED_SHORTCODES =
  /\[\/?(gallery|audio|video|playlist|contact-form-7|contact-form|elementor-template|vc_[a-z_]+|et_pb_[a-z_]+|su_[a-z_]+)\b[^\]]*\]/gi;

/** WordPress's automatic paragraphs: text between blank lines, outside block elements, becomes <p>. */
export function autop(html: string): string {
  const kept: string[] = [];
  const protect = (m: string) => {
    kept.push(m);
    return `\n\n\u0000${kept.length - 1}\u0000\n\n`;
  };
  let text = html.replace(/\r\n?/g, '\n').replace(/<(pre|table)\b[\s\S]*?<\/\1>/gi, protect);
  text = text.replace(OPEN_BLOCK, '\n\n$1').replace(CLOSE_BLOCK, '\n\n$1\n\n');
  const chunks = text
    .split(/\n\s*\n/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const out = chunks.map((c) => (BLOCK_START.test(c) || /^\u0000\d+\u0000$/.test(c) ? c : `<p>${c}</p>`));
  return out
    .join('\n')
    .replace(new RegExp(`\\n(<\\/(?:${BLOCK})>)`, 'gi'), '$1')
    .replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)] ?? '');
}

export function cleanWpHtml(html: string): CleanResult {
  const notes: string[] = [];
  let text = html;
  const count = (re: RegExp) => (text.match(re) ?? []).length;

  const styles = count(/<style\b[^>]*>[\s\S]*?<\/style>/gi) + count(/&lt;style\b[\s\S]*?&lt;\/style&gt;/gi);
  text = text
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '')
    .replace(/&lt;style\b[\s\S]*?&lt;\/style&gt;/gi, '');
  if (styles) notes.push(`dropped ${styles} inline <style> block${styles > 1 ? 's' : ''}`);

  const scripts = count(/<script\b[^>]*>[\s\S]*?<\/script>/gi);
  text = text
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<noscript\b[^>]*>[\s\S]*?<\/noscript>/gi, '');
  if (scripts)
    notes.push(`dropped ${scripts} <script> block${scripts > 1 ? 's' : ''} (scripts never run in articles)`);

  // Gutenberg block comments and any other HTML comment carry no content.
  text = text.replace(/<!--[\s\S]*?-->/g, '');

  text = text.replace(/\[caption\b[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_m, inner: string) => {
    const m = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    if (!m) return inner;
    const caption = (m[2] ?? '').trim();
    return `<figure>${m[1] ?? ''}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
  });
  text = text.replace(/\[embed\]\s*(https?:\/\/[^\s[]+)\s*\[\/embed\]/gi, '<p><a href="$1">$1</a></p>');
  const dropped = new Set<string>();
  text = text.replace(DROPPED_SHORTCODES, (_m, name: string) => {
    dropped.add(name.toLowerCase());
    return '';
  });
  for (const name of dropped)
    notes.push(`dropped the [${name}] shortcode: its output cannot be rebuilt from the export`);
  const leftover = new Set(text.match(/\[[a-z][a-z0-9_-]*(?:\s[^\]]*)?\]/gi) ?? []);
  for (const s of leftover)
    if (!/^\[(?:&hellip;|…|\d+|sic|[a-z]{1,3})\]$/i.test(s))
      notes.push(`text ${s} looks like a WordPress shortcode and was kept as text`);

  return { html: autop(text), notes };
}
