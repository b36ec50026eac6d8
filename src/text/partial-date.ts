const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * How dates read in both renderers. The knowledge files give a year, a month or a day; Discord's
 * narrow embeds take "Jan", the terminal spells "January" out.
 */
export type MonthStyle = "long" | "short";

/** "2022-01-12" → "12 January 2022" (short: "12 Jan 2022"), "2021-12" → "December 2021", "2008" → "2008"; anything else as is. */
export function formatPartialDate(date: string, style: MonthStyle): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (match === null) return date;
  const [, year, month, day] = match;
  const longName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (longName === undefined) return year ?? date;
  const monthName = style === "short" ? longName.slice(0, 3) : longName;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}
