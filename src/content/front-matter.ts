// Splits a Markdown file into YAML front matter and body, and maps YAML paths back to file lines.
import { LineCounter, isMap, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';

export interface FrontMatter {
  data: unknown;
  /** 1-based file line of the value at `path` (falls back to the key, then the front matter start). */
  lineOf: (path: readonly PropertyKey[]) => number;
  /** 1-based file line where the body starts. */
  bodyLine: number;
  body: string;
}

export type SplitResult = { ok: true; value: FrontMatter } | { ok: false; line: number; code: string; message: string; hint: string };

/** Normalises what editors' tools produce: a BOM, CRLF or CR line ends. */
export function normaliseText(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

const MAX_ALIASES = 50;

/** What usually fixes a YAML syntax error in a hand-written file (`title: SQL: the basics` is the classic). */
export const YAML_SYNTAX_HINT =
  'check the indentation on this line, and put the value in quotes if it contains ": " or starts with [, {, *, & or !';

export function parseYaml(text: string, firstLine = 1): { doc: Document; lineOf: (path: readonly PropertyKey[]) => number; error?: { line: number; message: string } } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, strict: true });
  const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as YamlNode | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        // For a key inside a map, point at the key's own line.
        if (n > 0 && n === path.length) {
          const parent = doc.getIn(path.slice(0, n - 1) as unknown[], true);
          if (isMap(parent)) {
            const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[n - 1]);
            const keyNode = pair?.key as YamlNode | undefined;
            if (keyNode?.range) return lineAt(keyNode.range[0]);
          }
          if (isSeq(parent)) return lineAt(node.range[0]);
        }
        return lineAt(node.range[0]);
      }
      if (n > 0) {
        const parent = doc.getIn(path.slice(0, n - 1) as unknown[], true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[n - 1]);
          const keyNode = pair?.key as YamlNode | undefined;
          if (keyNode?.range) return lineAt(keyNode.range[0]);
        }
      }
    }
    return firstLine;
  };
  const err = doc.errors[0];
  if (err) {
    let line = lineAt(err.pos[0]);
    // An unclosed quote or bracket is noticed where the text runs out; the editor needs the line that opened it.
    if ((err.code === 'MISSING_CHAR' || /end with an? [\]}]/.test(err.message)) && isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        const key = pair.key as YamlNode | null;
        const value = pair.value as YamlNode | null;
        if (key?.range && value?.range && value.range[0] <= err.pos[0] && err.pos[0] <= value.range[2])
          line = Math.min(line, lineAt(key.range[0]));
      }
    }
    return { doc, lineOf, error: { line, message: err.message.split('\n')[0] ?? err.message } };
  }
  return { doc, lineOf };
}

/** Converts a parsed document to plain data, refusing alias bombs. */
export function yamlToData(doc: Document): { ok: true; data: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export function splitFrontMatter(raw: string): SplitResult {
  const text = normaliseText(raw);
  if (text.trim() === '') {
    return { ok: false, line: 1, code: 'empty-file', message: 'the file is empty', hint: 'start with a front matter block between two --- lines' };
  }
  const foreign = text.startsWith('+++') ? 'TOML (between +++ lines)' : /^\s*[{[]/.test(text) ? 'JSON' : null;
  if (foreign) {
    return {
      ok: false,
      line: 1,
      code: 'front-matter-not-yaml',
      message: `the front matter is ${foreign}; Folio reads YAML front matter only`,
      hint: 'start the file with a --- line, write each field as key: value, like title: My article, and close it with ---',
    };
  }
  if (!text.startsWith('---\n')) {
    return {
      ok: false,
      line: 1,
      code: 'front-matter-missing',
      message: 'the file does not start with a front matter block',
      hint: 'the first line must be --- followed by YAML keys (title, date, category, author) and a closing ---',
    };
  }
  const end = text.indexOf('\n---', 3);
  const closeOk = end !== -1 && (text[end + 4] === '\n' || end + 4 === text.length);
  if (!closeOk) {
    return {
      ok: false,
      line: 1,
      code: 'front-matter-unclosed',
      message: 'the front matter block is never closed (the file may be half-saved)',
      hint: 'end the YAML block with a line containing only ---',
    };
  }
  const yamlText = text.slice(4, end + 1);
  const { doc, lineOf, error } = parseYaml(yamlText, 2);
  if (error) {
    return { ok: false, line: error.line, code: 'yaml-syntax', message: `front matter is not valid YAML: ${error.message}`, hint: YAML_SYNTAX_HINT };
  }
  const converted = yamlToData(doc);
  if (!converted.ok) {
    return { ok: false, line: 2, code: 'yaml-aliases', message: `front matter refused: ${converted.message}`, hint: 'write values out instead of using many YAML aliases' };
  }
  if (converted.data === null || typeof converted.data !== 'object' || Array.isArray(converted.data)) {
    return { ok: false, line: 2, code: 'front-matter-not-map', message: 'front matter must be a set of key: value lines', hint: 'for example: title: My article' };
  }
  const bodyStart = end + 5;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  return { ok: true, value: { data: converted.data, lineOf, bodyLine, body: text.slice(bodyStart) } };
}
