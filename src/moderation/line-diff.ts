export interface DiffLine {
  op: "+" | "-";
  text: string;
}

/**
 * The lines removed from `before` and added in `after`, in reading order, through a longest common
 * subsequence: unchanged lines are left out, so a one-word fix in a ten-line list shows two lines.
 * Entries are small (a question, a few sentences, up to ten citations), so the quadratic table is cheap.
 */
export function lineDiff(before: readonly string[], after: readonly string[]): DiffLine[] {
  const rows = before.length + 1;
  const cols = after.length + 1;
  // common[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const common: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const at = (i: number, j: number) => common[i]?.[j] ?? 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const row = common[i];
    if (row === undefined) continue;
    for (let j = after.length - 1; j >= 0; j--) {
      row[j] = before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const removed = before[i];
    const added = after[j];
    if (removed !== undefined && added !== undefined && removed === added) {
      i++;
      j++;
    } else if (added === undefined || (removed !== undefined && at(i + 1, j) >= at(i, j + 1))) {
      lines.push({ op: "-", text: removed ?? "" });
      i++;
    } else {
      lines.push({ op: "+", text: added });
      j++;
    }
  }
  return lines;
}
