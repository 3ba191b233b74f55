/**
 * ISO-8601 calendar dates as spans use them: `YYYY-MM-DD`, optionally followed by `T` (or a space)
 * and `hh:mm`, `hh:mm:ss` or `hh:mm:ss.fraction`, optionally followed by `Z` or a `±hh:mm` offset.
 * `Date.parse` alone is not enough: it accepts `2024-02-30` (rolling it over to March) and many
 * non-ISO shapes, so the calendar fields are range-checked here.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `text` is an ISO-8601 date or date-time with every field in range. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (match[4] !== undefined && (Number(match[4]) > 23 || Number(match[5]) > 59)) return false;
  if (match[6] !== undefined && Number(match[6]) > 59) return false;
  if (match[8] !== undefined && (Number(match[8]) > 23 || Number(match[9]) > 59)) return false;
  return true;
}
