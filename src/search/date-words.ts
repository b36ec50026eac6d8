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

/** "2021-12" → "December 2021", so "what happened in December 2021?" finds the month's events. */
export function describeDateInWords(date: string): string {
  const [year, month, day] = date.split("-");
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  return [day === undefined ? undefined : String(Number(day)), monthName, year].filter(Boolean).join(" ");
}
