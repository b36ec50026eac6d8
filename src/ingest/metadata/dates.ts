/**
 * Publication dates as written in bylines ("December 28, 2021", "Jan. 12, 2022", "12 January 2022")
 * or in a URL path (/2022/01/12/ or /2021-12-28/), returned as YYYY-MM-DD.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export const WRITTEN_DATE = String.raw`(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})`;

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function monthNumber(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index === -1 ? undefined : index + 1;
}

export function parseWrittenDate(text: string): string | undefined {
  const monthFirst = /([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})/.exec(text);
  const dayFirst = /(\d{1,2}) ([A-Z][a-z]{2,8}) (\d{4})/.exec(text);
  const [monthName, day, year] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : [dayFirst?.[2], dayFirst?.[1], dayFirst?.[3]];
  const month = monthName ? monthNumber(monthName) : undefined;
  if (!month || !day || !year) return undefined;
  return isoDate(Number(year), month, Number(day));
}

export function dateFromUrl(url: string): string | undefined {
  const match = /\/(\d{4})[/-](\d{2})[/-](\d{2})(?:\/|$)/.exec(url);
  if (!match) return undefined;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}
