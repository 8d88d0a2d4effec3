// Another engine's Markdown body → Folio Markdown, line by line and never inside code: shortcodes, Liquid
// highlight/raw, Docusaurus admonitions (as labelled quotes), MDX statements and JSX removed, summary markers
// (<!--more-->, <!--truncate-->) taken out and remembered, and local image references handed to `image`.
import { esStatementAt, multiLineTagAt, stripJsx } from './mdx.js';
import { convertShortcodes, type Verbatim } from './shortcodes.js';

export interface BodyWarning {
  /** 1-based line in the source file. */
  line: number;
  message: string;
}

export interface BodyResult {
  markdown: string;
  /** The Markdown before a summary marker, when the body has one. */
  summary: string | null;
  warnings: BodyWarning[];
}

/** Maps an image reference as written (`./photo.png`, `images/a.jpg`, `/img/b.png`) to its new site path, or null to keep it. */
export type ImageResolver = (ref: string, line: number) => string | null;

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const SUMMARY = /^\s*(?:<!--\s*(?:more|truncate)\s*-->|\{\/\*\s*truncate\s*\*\/\})\s*$/i;
const ADMONITION_OPEN = /^\s*:::\s*([a-z]+)(?:\[([^\]]*)\]|\s+(.+?))?\s*(?:\{[^}]*\})?\s*$/i;
const ADMONITION_CLOSE = /^\s*:::\s*$/;
const MD_IMAGE = /(!\[[^\]\n]*\]\()(<[^>\n]+>|[^\s()]+)((?:\s+"[^"\n]*")?\))/g;
const HTML_IMAGE = /(<img\b[^>]*?\bsrc=)(["'])([^"']+)\2/gi;

const LOCAL = (ref: string) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref);

function rewriteImages(text: string, line: number, image: ImageResolver): string {
  const swap = (ref: string) => (LOCAL(ref) ? image(ref, line) : null);
  return text
    .replace(MD_IMAGE, (whole, open: string, ref: string, close: string) => {
      const local = swap(ref.replace(/^<|>$/g, ''));
      return local ? `${open}${local}${close}` : whole;
    })
    .replace(HTML_IMAGE, (whole, open: string, q: string, ref: string) => {
      const local = swap(ref);
      return local ? `${open}${q}${local}${q}` : whole;
    });
}

/** MDX code that spans whole lines (an import/export statement, a component's multi-line opening tag). */
function mdxStatementAt(lines: readonly string[], i: number): { lines: number; message: string } | null {
  const line = lines[i] ?? '';
  const statement = esStatementAt(lines, i);
  if (statement > 0) {
    const kind = line.startsWith('import') ? 'import' : 'export';
    return { lines: statement, message: `removed MDX ${kind} (never run): ${line.trim().slice(0, 80)}` };
  }
  const openTag = multiLineTagAt(lines, i);
  return openTag > 0 ? { lines: openTag, message: `removed JSX component ${line.trim()}…>` } : null;
}

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** Everything outside fenced code goes through here, one source line at a time. */
export function convertBody(body: string, bodyLine: number, image: ImageResolver): BodyResult {
  const lines = body.split('\n');
  const out: string[] = [];
  const warnings: BodyWarning[] = [];
  let summaryAt: number | null = null;
  let fence: string | null = null;
  let verbatim: Verbatim | null = null;
  let quoteDepth = 0;
  const emit = (text: string) => {
    for (const l of text.split('\n')) out.push(quoteDepth ? `${'> '.repeat(quoteDepth)}${l}`.trimEnd() : l);
  };
  const warn = (i: number, message: string) => warnings.push({ line: bodyLine + i, message });

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (verbatim) {
      if (verbatim.close.test(line)) {
        if (verbatim.end) emit(verbatim.end);
        verbatim = null;
      } else emit(line);
      continue;
    }
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = null;
      emit(line);
      continue;
    }
    if (marker) {
      fence = marker;
      emit(line);
      continue;
    }
    const removed = mdxStatementAt(lines, i);
    if (removed) {
      warn(i, removed.message);
      i += removed.lines - 1;
      continue;
    }
    if (SUMMARY.test(line)) {
      summaryAt ??= out.length;
      continue;
    }
    const open = ADMONITION_OPEN.exec(line);
    if (open) {
      const title = open[2] ?? open[3];
      emit('');
      quoteDepth++;
      emit(`**${titleCase(open[1] ?? 'note')}${title ? `: ${title}` : ''}**`);
      emit('');
      continue;
    }
    if (quoteDepth > 0 && ADMONITION_CLOSE.test(line)) {
      quoteDepth--;
      emit('');
      continue;
    }
    let text = line;
    const jsx = stripJsx(text);
    if (jsx) {
      for (const r of jsx.removed) warn(i, `removed ${r}`);
      text = jsx.text;
      if (text.trim() === '') continue;
    }
    const converted = convertShortcodes(text);
    for (const w of converted.warnings) warn(i, w);
    verbatim = converted.verbatim ?? null;
    emit(rewriteImages(converted.text, bodyLine + i, image));
  }
  if (quoteDepth > 0) warn(lines.length - 1, 'an admonition (:::) is never closed; it runs to the end');
  const markdown = `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
  return { markdown, summary: summaryAt === null ? null : out.slice(0, summaryAt).join('\n'), warnings };
}
