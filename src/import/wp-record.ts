// The WordPress REST post record as exported by /wp-json/wp/v2/posts (one object or an array), validated
// loosely: only what the importer uses is required; everything else WordPress or plugins add is ignored.
import { z } from 'zod';

const rendered = z.looseObject({ rendered: z.string() });
const term = z.looseObject({ id: z.number(), name: z.string(), slug: z.string(), taxonomy: z.string() });

export const wpPostSchema = z.looseObject({
  id: z.number().int(),
  date: z.string().nullish(),
  date_gmt: z.string().nullish(),
  modified: z.string().nullish(),
  modified_gmt: z.string().nullish(),
  slug: z.string().default(''),
  status: z.string().default('publish'),
  type: z.string().default('post'),
  link: z.string().nullish(),
  title: rendered,
  content: z.looseObject({ rendered: z.string(), protected: z.boolean().optional() }),
  excerpt: rendered.nullish(),
  author: z.number().int().nullish(),
  featured_media: z.number().int().nullish(),
  categories: z.array(z.number().int()).default([]),
  tags: z.array(z.number().int()).default([]),
  // WordPress sends a list; some filters turn it into an object with numeric keys.
  class_list: z.union([z.array(z.string()), z.record(z.string(), z.string())]).nullish(),
  _embedded: z
    .looseObject({
      author: z
        .array(
          z.looseObject({
            id: z.number().optional(),
            name: z.string().optional(),
            slug: z.string().optional(),
            description: z.string().optional(),
          }),
        )
        .optional(),
      'wp:featuredmedia': z
        .array(z.looseObject({ source_url: z.string().optional(), alt_text: z.string().optional() }))
        .optional(),
      'wp:term': z.array(z.array(term)).optional(),
    })
    .optional(),
});
export type WpPostRecord = z.infer<typeof wpPostSchema>;

export interface ParsedExport {
  records: WpPostRecord[];
  problems: string[];
}

/** Reads one export file's text: a post object, or an array of them. */
export function parseWpExport(text: string, source: string): ParsedExport {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return {
      records: [],
      problems: [`${source}: not JSON (${error instanceof Error ? error.message : String(error)})`],
    };
  }
  const items = Array.isArray(data) ? data : [data];
  const records: WpPostRecord[] = [];
  const problems: string[] = [];
  items.forEach((item, i) => {
    const where = Array.isArray(data) ? `${source}[${i}]` : source;
    const parsed = wpPostSchema.safeParse(item);
    if (parsed.success) records.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      problems.push(
        `${where}: not a WordPress post record (${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid'})`,
      );
    }
  });
  return { records, problems };
}

export function classList(record: WpPostRecord): string[] {
  const list = record.class_list;
  if (!list) return [];
  return Array.isArray(list) ? list : Object.values(list);
}
