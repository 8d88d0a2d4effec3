// Strict ISO date parsing: impossible calendar dates are rejected, never rolled over.

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses `YYYY-MM-DD` or an ISO date-time; returns epoch ms or null when the text is not a real moment. */
export function parseIsoDate(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', , tz] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d);
  const hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  let offsetMin = 0;
  if (tz && tz !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2)),
      om = Number(digits.slice(2));
    if (oh > 14 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMin * 60_000;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `2026-03-12T00:00:00` in UTC without the zone, as WordPress's `date_gmt` field shows it. */
export function toWpDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(ms: number, lang: string): string {
  let f = formatters.get(lang);
  if (!f) {
    // Building a formatter costs far more than using one.
    f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    formatters.set(lang, f);
  }
  return f.format(new Date(ms));
}
