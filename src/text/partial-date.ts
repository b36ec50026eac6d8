import { UserError } from "../user-error.ts";

/** The calendar's names, as dates are written: no topic of their own (see Semantic.isTopical). */
export const MONTH_NAMES = [
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
export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

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
  const longName = month === undefined ? undefined : MONTH_NAMES[Number(month) - 1];
  if (longName === undefined) return year ?? date;
  const monthName = style === "short" ? longName.slice(0, 3) : longName;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** A date of year, month or day precision as the first and last day it may mean (ISO strings). */
export interface DateSpan {
  first: string;
  last: string;
}

const ACCEPTED = 'Use a year, a month or a day: "2014", "2021-12" or "2022-01-10".';

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2014" → 2014-01-01…2014-12-31; "2021-12" → the month; "2022-01-10" → that day. */
export function spanOfDate(date: string): DateSpan | undefined {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(date.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { first: `${year}-01-01`, last: `${year}-12-31` };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const prefix = `${year}-${pad(month)}`;
  if (match[3] === undefined) return { first: `${prefix}-01`, last: `${prefix}-${pad(daysIn(year, month))}` };
  const day = Number(match[3]);
  if (day < 1 || day > daysIn(year, month)) return undefined;
  return { first: `${prefix}-${pad(day)}`, last: `${prefix}-${pad(day)}` };
}

/** Reads a `from`/`to` bound typed by a member; a UserError says which formats work. */
export function readDateBound(value: string, name: "from" | "to"): DateSpan {
  const span = spanOfDate(value);
  if (!span)
    throw new UserError(
      "bad-date",
      `"${value.trim().slice(0, 40)}" is not a date for "${name}". ${ACCEPTED}`,
    );
  return span;
}
