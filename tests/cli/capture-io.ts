import type { CliIo } from "../../src/render/terminal/terminal.ts";

/** A CliIo that keeps what a command printed, as a terminal would show it (plain, no wrapping by default). */
export function captureIo(options: { color?: boolean; width?: number } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => {
      out.push(line);
    },
    err: (line) => {
      err.push(line);
    },
    color: options.color ?? false,
    width: options.width,
  };
  return {
    io,
    stdout: () => out.join("\n"),
    stderr: () => err.join("\n"),
  };
}
