// Parses the YAML side of content/ (site, authors, categories, course areas) into validated values or problems.
import { parseYaml, yamlToData, normaliseText, YAML_SYNTAX_HINT } from '../content/front-matter.js';
import { formatZod, PARSE_OPTIONS } from '../content/zod-problems.js';
import { isSlug } from '../lib/slug.js';
import type { z } from 'zod';
import type { ContentProblem } from '../errors.js';

export type YamlResult<T> = { ok: true; value: T } | { ok: false; problems: ContentProblem[] };

export function loadYamlFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  knownKeys: readonly string[] = [],
): YamlResult<z.infer<S>> {
  const { doc, lineOf, error } = parseYaml(normaliseText(text), 1);
  const err = (line: number, code: string, message: string, hint: string): YamlResult<never> => ({
    ok: false,
    problems: [{ file, line, code, message, hint, severity: 'error' }],
  });
  if (error) return err(error.line, 'yaml-syntax', `not valid YAML: ${error.message}`, YAML_SYNTAX_HINT);
  const data = yamlToData(doc);
  if (!data.ok)
    return err(
      1,
      'yaml-aliases',
      `refused: ${data.message}`,
      'write values out instead of using many YAML aliases',
    );
  const parsed = schema.safeParse(data.data ?? undefined, PARSE_OPTIONS);
  if (!parsed.success)
    return { ok: false, problems: formatZod(file, parsed.error.issues, lineOf, knownKeys) };
  return { ok: true, value: parsed.data };
}

/**
 * The `slug:` values of a list file (authors.yml, categories.yml) even when the file fails validation, so
 * one typo in it is reported once instead of as an unknown author or category in every article.
 */
export function listedSlugs(text: string | undefined): string[] {
  if (text === undefined) return [];
  const data = yamlToData(parseYaml(normaliseText(text), 1).doc);
  if (!data.ok || !Array.isArray(data.data)) return [];
  return data.data.flatMap((item: unknown) => {
    const slug = (item as { slug?: unknown } | null)?.slug;
    return typeof slug === 'string' && isSlug(slug) ? [slug] : [];
  });
}
