// MDX is code: its import/export statements and JSX components are removed (each reported), never run.
// Text between a component's opening and closing tags stays, so tab and detail contents are not lost.

const IMPORT = /^import\s+(?:[\w*{}\s,]+\s+from\s+)?['"][^'"]+['"];?\s*$/;
const IMPORT_START = /^import\s+[\w*{\s,]/;
const EXPORT = /^export\s+(?:default\b|const\b|let\b|var\b|function\b|async\b|class\b|\{)/;
/** A capitalised tag: a component, never an HTML element (`<Tabs>`, `</TabItem>`, `<Chart data={x} />`). */
const JSX_TAG = /<\/?[A-Z][\w.]*(?:\s+(?:[^<>{}]|\{[^{}]*\})*)?\/?>/g;
const JSX_COMMENT = /\{\/\*.*?\*\/\}/g;

export interface Removal {
  /** Index into the lines given. */
  index: number;
  message: string;
}

/** How many lines, from `start`, an ES statement spans (until its closing line or a blank line). */
function statementLength(lines: readonly string[], start: number, isImport: boolean): number {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (i > start && line.trim() === '') return i - start;
    for (const c of line)
      depth += c === '{' || c === '(' || c === '[' ? 1 : c === '}' || c === ')' || c === ']' ? -1 : 0;
    if (
      isImport
        ? /['"];?\s*$/.test(line) && depth <= 0
        : depth <= 0 && /[;})\]]\s*$|^export\s+\{[^}]*\}/.test(line)
    )
      return i - start + 1;
  }
  return lines.length - start;
}

/** An import or export statement starting at `index`: how many lines it takes, or 0. */
export function esStatementAt(lines: readonly string[], index: number): number {
  const line = lines[index] ?? '';
  if (IMPORT.test(line)) return 1;
  if (IMPORT_START.test(line)) return statementLength(lines, index, true);
  if (EXPORT.test(line)) return statementLength(lines, index, false);
  return 0;
}

/** A line with its JSX components (and MDX comments) taken out; null when nothing was there. */
export function stripJsx(line: string): { text: string; removed: string[] } | null {
  const removed: string[] = [];
  const text = line
    .replace(JSX_COMMENT, () => {
      removed.push('an MDX comment');
      return '';
    })
    .replace(JSX_TAG, (tag) => {
      const name = /^<\/?([\w.]+)/.exec(tag)?.[1] ?? '';
      if (!tag.startsWith('</')) removed.push(`JSX component <${name}>`);
      return '';
    });
  return text === line ? null : { text, removed };
}

/** A component's opening tag spread over lines (`<Tabs` … `>`): how many lines until it closes, or 0. */
export function multiLineTagAt(lines: readonly string[], index: number): number {
  const line = lines[index] ?? '';
  if (!/^\s*<[A-Z][\w.]*\s*$/.test(line) && !/^\s*<[A-Z][\w.]*\s[^>]*$/.test(line)) return 0;
  for (let i = index + 1; i < Math.min(lines.length, index + 50); i++)
    if (/>\s*$/.test(lines[i] ?? '')) return i - index + 1;
  return 0;
}
