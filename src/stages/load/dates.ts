/**
 * Publication dates as the input states them → `YYYY-MM-DD`, the calendar date where the article was
 * published (the date part of an ISO timestamp is kept as written, not shifted to UTC, because relative
 * dates in the text are relative to the publisher's day).
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

export function normaliseDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim().slice(0, 100);
  if (!s) return null;
  // ISO 8601 / RFC 3339 and the W3C-DTF of Dublin Core: 2024-03-05, 2024-03-05T23:30:00-05:00, 20240305.
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s])/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  // RFC 822 / 1123 as in RSS: "Tue, 05 Mar 2024 23:30:00 -0500" (also "5 March 2024").
  m = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2,4})\b/.exec(s);
  if (m) return ymd(year(+m[3]), MONTHS[m[2].toLowerCase()], +m[1]);
  // "March 5, 2024", "Mar 5 2024".
  m = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m) return ymd(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  return null;
}

const year = (y: number): number => (y < 100 ? (y < 50 ? 2000 + y : 1900 + y) : y);

function ymd(y: number, mo: number | undefined, d: number): string | null {
  if (!mo || mo < 1 || mo > 12 || d < 1 || y < 1000 || y > 9999) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
