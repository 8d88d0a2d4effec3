// Hugo shortcodes and Liquid tags → what Folio's Markdown allows: youtube/vimeo → the privacy-preserving
// players Folio embeds, figure → an image with a caption, highlight → a fenced code block, raw → its text.
// Anything else stays as text and is reported, so nothing silently disappears.

/** A block whose lines are copied as they are until `close` matches; that line becomes `end`. */
export interface Verbatim {
  close: RegExp;
  end: string;
}

export interface LineResult {
  text: string;
  warnings: string[];
  verbatim?: Verbatim;
}

const HUGO = /\{\{([<%])\s*(\/?)([\w-]+)((?:"[^"]*"|'[^']*'|[^"'])*?)\s*[>%]\}\}/g;
/** Not the `{{% name %}}` form of a Hugo shortcode. */
const LIQUID = /(?<!\{)\{%-?\s*(\w+)(.*?)-?%\}(?!\})/g;
const HUGO_HIGHLIGHT = /^\s*\{\{[<%]\s*highlight\s+([\w+#.-]+)?[^>%]*[>%]\}\}\s*$/;
const LIQUID_HIGHLIGHT = /^\s*\{%-?\s*highlight\s+([\w+#.-]+)?[^%]*%\}\s*$/;

/** `youtube abc title="A talk"` → positional ["abc"] and named {title: "A talk"}. */
export function shortcodeArgs(text: string): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const m of text.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|'([^']*)'|(\S+)/g)) {
    if (m[1]) named[m[1]] = m[2] ?? m[3] ?? m[4] ?? '';
    else positional.push(m[5] ?? m[6] ?? m[7] ?? '');
  }
  return { positional, named };
}

const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function embed(src: string, title: string): string {
  return `\n<iframe src="${attr(src)}" title="${attr(title)}" width="560" height="315" allowfullscreen></iframe>\n`;
}

function hugoShortcode(name: string, args: string, warnings: string[]): string | null {
  const { positional, named } = shortcodeArgs(args);
  const id = named.id ?? positional[0] ?? '';
  if (name === 'youtube' && /^[\w-]{6,20}$/.test(id))
    return embed(`https://www.youtube-nocookie.com/embed/${id}`, named.title ?? 'YouTube video');
  if (name === 'vimeo' && /^\d{3,12}$/.test(id))
    return embed(`https://player.vimeo.com/video/${id}`, named.title ?? 'Vimeo video');
  if (name === 'figure' && named.src) {
    const alt = named.alt ?? named.title ?? named.caption ?? '';
    if (!alt) warnings.push(`figure ${named.src} has no alt text: describe it for readers who cannot see it`);
    const caption = named.caption ?? named.title;
    const image = `![${alt.replace(/[[\]]/g, '')}](${named.src.replace(/ /g, '%20')})`;
    return caption ? `${image}\n\n_${caption}_` : image;
  }
  return null;
}

/** One line outside code: shortcodes converted, unknown ones kept and reported; may open a verbatim block. */
export function convertShortcodes(line: string): LineResult {
  const hl = HUGO_HIGHLIGHT.exec(line) ?? LIQUID_HIGHLIGHT.exec(line);
  if (hl) {
    const close = line.includes('{%')
      ? /^\s*\{%-?\s*endhighlight\s*-?%\}\s*$/
      : /^\s*\{\{[<%]\s*\/highlight\s*[>%]\}\}\s*$/;
    return { text: `\`\`\`${hl[1] ?? ''}`, warnings: [], verbatim: { close, end: '```' } };
  }
  if (/^\s*\{%-?\s*raw\s*-?%\}\s*$/.test(line))
    return { text: '', warnings: [], verbatim: { close: /^\s*\{%-?\s*endraw\s*-?%\}\s*$/, end: '' } };
  const warnings: string[] = [];
  const raw: string[] = [];
  // Inline {% raw %}…{% endraw %}: its text is kept as written and hidden from the Liquid pass below.
  let text = line.replace(
    /\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}/g,
    (_m, inner: string) => `\u0000${raw.push(inner) - 1}\u0000`,
  );
  text = text.replace(HUGO, (whole, _d: string, closing: string, name: string, args: string) => {
    if (closing) return whole;
    const converted = hugoShortcode(name, args, warnings);
    if (converted === null) warnings.push(`Hugo shortcode "${name}" has no Folio equivalent; kept as text`);
    return converted ?? whole;
  });
  text = text.replace(LIQUID, (whole, name: string) => {
    warnings.push(`Liquid tag "${name}" has no Folio equivalent; kept as text`);
    return whole;
  });
  text = text.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => raw[Number(i)] ?? '');
  return { text, warnings };
}
