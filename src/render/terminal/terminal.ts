/** Where a sub-command writes, so tests can capture it without touching process.stdout. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Bold emphasis allowed (a terminal, NO_COLOR unset); plain text when absent. */
  readonly color?: boolean;
  /** Columns to wrap excerpts at; undefined = no wrapping (pipes and files). */
  readonly width?: number | undefined;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  get color() {
    return wantsColor(process.stdout, process.env);
  },
  get width() {
    return terminalWidth(process.stdout);
  },
};

/**
 * Output piped into a reader that stops early (`dossier ask … | head`, the console into `head`): the
 * rest has nowhere to go, so the program ends as a pipe's other commands do, quietly, not with a
 * stack trace. Installed by the entry points (src/main.ts, src/cli.ts) only.
 */
export function endQuietlyWhenOutputCloses(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

/** Wrap width for a terminal: its columns, capped for readability; none for a pipe or an unknown size. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }): number | undefined {
  const columns = stream.isTTY === true ? (stream.columns ?? 0) : 0;
  return columns >= MIN_WRAP_COLUMNS ? Math.min(columns, MAX_WRAP_COLUMNS) : undefined;
}

const MIN_WRAP_COLUMNS = 40;
const MAX_WRAP_COLUMNS = 100;

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
