// A body as it is stored: Markdown rendered, sanitised by the one allowlist, rebuilt as the tree a browser
// builds (valid images, lists, tables and outline), with the table of contents at the levels served.
import { rebuildBody } from './html-tree.js';
import type { ImageLookup } from './image-variants.js';
import { PAGE_IDS, renderMarkdown, type RenderFacts, type RenderOptions, type TocEntry } from './markdown.js';
import { sanitize } from './sanitize.js';

export interface BodyFacts extends Omit<RenderFacts, 'headings'> {
  /** The h2 and h3 headings of the served body, with the levels they are served at. */
  toc: TocEntry[];
  /** Sources of images written without alt text: served with alt="" and reported to the editor. */
  imagesWithoutAlt: string[];
}

export function renderBody(markdown: string, options: RenderOptions & { images?: ImageLookup }): BodyFacts {
  const { headings, html, ...facts } = renderMarkdown(markdown, options);
  const body = rebuildBody(sanitize(html), PAGE_IDS, options.images);
  const toc = headings.flatMap((h) => {
    const depth = body.headingLevels.get(h.id);
    return depth === 2 || depth === 3 ? [{ ...h, depth }] : [];
  });
  return { ...facts, html: body.html, toc, imagesWithoutAlt: body.imagesWithoutAlt };
}
