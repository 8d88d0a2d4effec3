// Front matter as other engines write it: YAML between --- lines (Jekyll, Eleventy, Astro, Docusaurus,
// Gatsby, Hugo) or TOML between +++ lines (Hugo), or none at all. Errors carry the file line.
import { parse as parseToml, TomlError } from 'smol-toml';
import { normaliseText, parseYaml, yamlToData } from '../../content/front-matter.js';

export type ForeignFrontMatter =
  | {
      ok: true;
      format: 'yaml' | 'toml' | 'none';
      data: Record<string, unknown>;
      body: string;
      bodyLine: number;
    }
  | { ok: false; line: number; message: string };

function block(text: string, fence: '---' | '+++'): { inner: string; bodyStart: number } | null {
  const close = new RegExp(`\\n${fence.replace(/\+/g, '\\+')}[ \\t]*(?:\\n|$)`).exec(
    text.slice(fence.length),
  );
  if (!close) return null;
  const end = fence.length + close.index;
  return { inner: text.slice(fence.length + 1, end + 1), bodyStart: end + close[0].length };
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function splitForeign(raw: string): ForeignFrontMatter {
  const text = normaliseText(raw);
  const fence = text.startsWith('---\n') ? '---' : text.startsWith('+++\n') ? '+++' : null;
  if (fence === null) return { ok: true, format: 'none', data: {}, body: text, bodyLine: 1 };
  const found = block(text, fence);
  if (!found) return { ok: false, line: 1, message: `the front matter opened with ${fence} is never closed` };
  const bodyLine = text.slice(0, found.bodyStart).split('\n').length;
  const body = text.slice(found.bodyStart);
  if (fence === '+++') {
    try {
      return { ok: true, format: 'toml', data: parseToml(found.inner), body, bodyLine };
    } catch (error) {
      const line = error instanceof TomlError ? error.line + 1 : 1;
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      return {
        ok: false,
        line,
        message: `front matter is not valid TOML: ${message.replace(/^Invalid TOML document: /, '')}`,
      };
    }
  }
  const { doc, error } = parseYaml(found.inner, 2);
  if (error)
    return { ok: false, line: error.line, message: `front matter is not valid YAML: ${error.message}` };
  const data = yamlToData(doc);
  if (!data.ok) return { ok: false, line: 2, message: `front matter refused: ${data.message}` };
  if (data.data === null || data.data === undefined)
    return { ok: true, format: 'yaml', data: {}, body, bodyLine };
  if (!isMap(data.data))
    return { ok: false, line: 2, message: 'front matter must be a set of key: value lines' };
  return { ok: true, format: 'yaml', data: data.data, body, bodyLine };
}
