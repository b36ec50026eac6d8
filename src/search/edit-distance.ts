/**
 * The three rows of the table, kept from one comparison to the next: a typo is compared with hundreds
 * of the knowledge's words, and arrays made anew for each comparison were slow to make and to collect.
 */
let table = new Int32Array(0);

/**
 * Edit distance with a swap of neighbouring letters as one edit ("ukriane" is one from "ukraine"),
 * as typists make it (optimal string alignment); stopping early once it exceeds `max` (then returns
 * max + 1).
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (table.length < 3 * width) table = new Int32Array(6 * width);
  const rows = table;
  const at = (k: number) => rows[k] as number;
  // Where the row before the previous one, the previous one and the current one start.
  let beforePrevious = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    const letter = a.charCodeAt(i - 1);
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const other = b.charCodeAt(j - 1);
      const substitution = at(previous + j - 1) + (letter === other ? 0 : 1);
      let value = Math.min(at(previous + j) + 1, at(current + j - 1) + 1, substitution);
      if (i > 1 && j > 1 && letter === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === other)
        value = Math.min(value, at(beforePrevious + j - 2) + 1);
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    // A row can be at most one more than the row before it, so a swap reaching back two rows
    // cannot bring a later row back under `max` either.
    if (rowMin > max) return max + 1;
    const reused = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = reused;
  }
  return at(previous + b.length);
}

/** Typos tolerated in a name of this length: none in short ones, where one letter changes a name. */
export function allowedTypos(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}
