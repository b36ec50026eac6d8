/**
 * How emphasis looks in a terminal. Bold ANSI only for a terminal that asked for no NO_COLOR;
 * otherwise plain words, so piped output and logs stay greppable and free of markup.
 */
export interface TerminalStyle {
  bold(text: string): string;
  dim(text: string): string;
}

export const plainStyle: TerminalStyle = {
  bold: (text) => text,
  dim: (text) => text,
};

export const ansiStyle: TerminalStyle = {
  bold: (text) => `\u001b[1m${text}\u001b[22m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
};

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === "");
}

export function styleFor(color: boolean): TerminalStyle {
  return color ? ansiStyle : plainStyle;
}
