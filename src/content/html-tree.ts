// The stored body as a browser builds it: the sanitised fragment parsed by parse5 (the HTML5 tree builder,
// as for a div's innerHTML), repaired where even that tree is invalid HTML, and serialised.
import { defaultTreeAdapter as tree, html, parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';
import type { ImageLookup } from './image-variants.js';
import { outlineLevels } from './outline.js';
import { upgradeImage } from './picture-markup.js';

type Node = DefaultTreeAdapterMap['childNode'];
type Parent = DefaultTreeAdapterMap['parentNode'];
type Element = DefaultTreeAdapterMap['element'];

export interface RebuiltBody {
  html: string;
  /** Served heading level by id, after the outline is normalised. */
  headingLevels: Map<string, number>;
  /** Sources of images that had no alt attribute (now served with alt=""). */
  imagesWithoutAlt: string[];
}

const LISTS = new Set(['ul', 'ol', 'menu']);

const isElement = (n: Node): n is Element => tree.isElementNode(n);
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const dropAttr = (e: Element, name: string) => {
  e.attrs = e.attrs.filter((a) => a.name !== name);
};

/**
 * Parses as browsers do, so the string stored is the tree readers get (no differential between the
 * sanitiser's parser and a browser's for mutation XSS to live in), then fixes what parsing leaves invalid.
 * `reservedIds` are ids the page itself uses around the body; `images` knows the local images' variants.
 */
export function rebuildBody(
  sanitised: string,
  reservedIds: readonly string[],
  images?: ImageLookup,
): RebuiltBody {
  const context = tree.createElement('div', html.NS.HTML, []);
  const fragment = parseFragment(context, sanitised, {});
  const ids = new Set(reservedIds);
  const headings: Element[] = [];
  const imagesWithoutAlt: string[] = [];

  const visit = (parent: Parent): void => {
    for (const node of [...parent.childNodes]) {
      if (!isElement(node)) continue;
      const name = node.tagName;
      // The sanitiser drops an image whose src it refused; this also covers a src left blank.
      if (name === 'img' && !attr(node, 'src')?.trim()) {
        tree.detachNode(node);
        continue;
      }
      // A stray </p> leaves an empty paragraph wherever it stood, even inside a list or table.
      if (name === 'p' && node.childNodes.length === 0) {
        tree.detachNode(node);
        continue;
      }
      const id = attr(node, 'id');
      if (id !== undefined) {
        if (ids.has(id)) dropAttr(node, 'id');
        else ids.add(id);
      }
      if (name === 'img' && attr(node, 'alt') === undefined) {
        node.attrs.splice(node.attrs.findIndex((a) => a.name === 'src') + 1, 0, { name: 'alt', value: '' });
        imagesWithoutAlt.push(attr(node, 'src') ?? '');
      }
      if (name === 'img' && images) upgradeImage(node, images);
      if (/^h[1-6]$/.test(name)) headings.push(node);
      // An iframe's content is never shown and must be empty.
      if (name === 'iframe') node.childNodes = [];
      // A browser drops a newline right after <pre>, so a kept one would be lost on the next parse.
      const first = node.childNodes[0];
      if (name === 'pre' && first && tree.isTextNode(first) && first.value.startsWith('\n'))
        first.value = first.value.slice(1);
      visit(node);
      // Markdown turns the part of a raw <pre> after a blank line into a paragraph: keep its text, not the <p>.
      if (name === 'p' && 'tagName' in parent && parent.tagName === 'pre') unwrap(node);
    }
    if (!('tagName' in parent && LISTS.has(parent.tagName))) wrapStrayItems(parent);
  };
  visit(fragment);

  const levels = outlineLevels(headings.map((h) => Number(h.tagName.slice(1))));
  const headingLevels = new Map<string, number>();
  headings.forEach((h, i) => {
    const level = levels[i] ?? 2;
    h.tagName = `h${level}`;
    h.nodeName = h.tagName;
    const id = attr(h, 'id');
    if (id !== undefined) headingLevels.set(id, level);
  });
  return { html: serialize(fragment), headingLevels, imagesWithoutAlt };
}

function unwrap(node: Element): void {
  const parent = node.parentNode;
  if (!parent) return;
  for (const child of [...node.childNodes]) {
    tree.detachNode(child);
    tree.insertBefore(parent, child, node);
  }
  tree.detachNode(node);
}

/** List items outside a list (a pasted fragment, a paragraph holding them) are put in a ul of their own. */
function wrapStrayItems(parent: Parent): void {
  let list: Element | null = null;
  for (const node of [...parent.childNodes]) {
    const item = isElement(node) && node.tagName === 'li';
    const blank = tree.isTextNode(node) && node.value.trim() === '';
    if (item && !list) {
      list = tree.createElement('ul', html.NS.HTML, []);
      tree.insertBefore(parent, list, node);
    }
    if (list && (item || blank)) {
      tree.detachNode(node);
      tree.appendChild(list, node);
    } else list = null;
  }
}
