// Heading levels of a body under the page's h1: the body starts at h2 and never skips a level.
/**
 * The level each heading is served at, from the levels written. Nesting is kept as written (a heading
 * deeper than the one before goes one level deeper, a shallower one returns to the level of the last
 * heading written at most as deep), so a body written with `#` sections and `##` subsections moves down
 * as a whole, and an outline that is already right is left alone.
 */
export function outlineLevels(written: readonly number[]): number[] {
  const open: { written: number; level: number }[] = [];
  return written.map((w) => {
    while ((open.at(-1)?.written ?? 0) > w) open.pop();
    const top = open.at(-1);
    if (top && top.written === w) return top.level;
    const level = Math.min(6, (top?.level ?? 1) + 1);
    open.push({ written: w, level });
    return level;
  });
}
