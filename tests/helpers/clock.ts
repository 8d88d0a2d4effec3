// The one clock tests give Folio when they use the sample content: fixed, so no expected value moves with the calendar.

/**
 * 2026-12-01 12:00 UTC: after every sample article except "Evaluating LLM applications" (dated 2027-09-01,
 * so it stays scheduled), and before the sample courses' start dates in 2027 (so they stay upcoming).
 */
export const SAMPLE_NOW = Date.parse('2026-12-01T12:00:00Z');

/** A clock that always answers `ms`. */
export function fixedClock(ms: number): () => number {
  return () => ms;
}
