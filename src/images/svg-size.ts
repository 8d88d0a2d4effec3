// The size an SVG declares for itself: its width and height attributes (in pixels, or unitless), or else
// its viewBox. Read from the opening <svg> tag only.

const number = (v: string | undefined): number | null => {
  if (v === undefined) return null;
  const m = /^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$/.exec(v);
  const n = m ? Number(m[1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
};

export function svgSize(text: string): { width: number; height: number } | null {
  const tag = /<svg\b[^>]*>/i.exec(text.slice(0, 20_000))?.[0];
  if (!tag) return null;
  const attr = (name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i')
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined);
  const width = number(attr('width'));
  const height = number(attr('height'));
  const box = (attr('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const boxW = box.length === 4 && (box[2] ?? 0) > 0 ? (box[2] as number) : null;
  const boxH = box.length === 4 && (box[3] ?? 0) > 0 ? (box[3] as number) : null;
  if (width && height) return { width: Math.round(width), height: Math.round(height) };
  if (boxW && boxH) {
    // One given dimension keeps the viewBox's proportions.
    if (width) return { width: Math.round(width), height: Math.round((width * boxH) / boxW) };
    if (height) return { width: Math.round((height * boxW) / boxH), height: Math.round(height) };
    return { width: Math.round(boxW), height: Math.round(boxH) };
  }
  return null;
}
