// Local images in a stored body become what the browser should fetch: a <picture> with AVIF and WebP
// variants and an <img> with srcset and the real size (raster), or the SVG with its own size. The
// markup is generated here, after sanitising, so no editor-written <source> or srcset is ever accepted.
import { defaultTreeAdapter as tree, html, type DefaultTreeAdapterMap } from 'parse5';
import { BODY_SIZES, pictureParts, type ImageLookup } from './image-variants.js';

type Element = DefaultTreeAdapterMap['element'];

const attrOf = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

function setAttr(e: Element, name: string, value: string): void {
  const found = e.attrs.find((a) => a.name === name);
  if (found) found.value = value;
  else e.attrs.push({ name, value });
}

/** The site path an img's src names, or null for remote and protocol-relative sources. */
function localPath(src: string): string | null {
  if (!src.startsWith('/') || src.startsWith('//')) return null;
  const bare = src.split(/[?#]/)[0] ?? src;
  try {
    return decodeURIComponent(bare);
  } catch {
    return null;
  }
}

/**
 * Rewrites one <img> in place (and wraps it in a <picture> for a raster image). Images the lookup knows
 * nothing about (remote, missing, broken) stay as they were: the original file, lazy.
 */
export function upgradeImage(img: Element, lookup: ImageLookup): void {
  const path = localPath(attrOf(img, 'src') ?? '');
  const facts = path ? lookup(path) : null;
  if (!facts) return;
  const sized = attrOf(img, 'width') !== undefined && attrOf(img, 'height') !== undefined;
  if (facts.kind === 'svg') {
    if (!sized) {
      setAttr(img, 'width', String(facts.width));
      setAttr(img, 'height', String(facts.height));
    }
    return;
  }
  const parts = pictureParts(facts);
  setAttr(img, 'src', parts.img.src);
  setAttr(img, 'srcset', parts.img.srcset);
  setAttr(img, 'sizes', BODY_SIZES);
  // An editor's own width and height (a smaller display size) are kept; otherwise the real ones.
  if (!sized) {
    setAttr(img, 'width', String(parts.img.width));
    setAttr(img, 'height', String(parts.img.height));
  }
  const parent = img.parentNode;
  if (!parent) return;
  // An editor's own <picture> (allowed, without sources) gets the sources; otherwise one is made.
  const own = 'tagName' in parent && parent.tagName === 'picture';
  const picture = own ? parent : tree.createElement('picture', html.NS.HTML, []);
  for (const s of parts.sources) {
    const source = tree.createElement('source', html.NS.HTML, [
      { name: 'type', value: s.type },
      { name: 'srcset', value: s.srcset },
      { name: 'sizes', value: BODY_SIZES },
    ]);
    if (own) tree.insertBefore(picture, source, img);
    else tree.appendChild(picture, source);
  }
  if (own) return;
  tree.insertBefore(parent, picture, img);
  tree.detachNode(img);
  tree.appendChild(picture, img);
}
