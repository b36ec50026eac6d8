import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CommandOutput, CommandRequest } from "../../answer-commands.ts";
import { UserError } from "../../user-error.ts";
import { renderTimelinePng } from "./timeline-png.ts";

/**
 * `dossier timeline --png file` and the console's `/timeline png:file`: the same picture /timeline
 * attaches in Discord, written to a file. Returns the sentence to print, or undefined when the
 * request asked for no picture.
 */
export function writeRequestedPicture(request: CommandRequest, output: CommandOutput): string | undefined {
  if (request.command !== "timeline" || request.png === undefined || output.kind !== "answer")
    return undefined;
  const picture = renderTimelinePng(output.answer, {
    ...(request.from === undefined ? {} : { from: request.from }),
    ...(request.to === undefined ? {} : { to: request.to }),
  });
  const path = resolve(request.png);
  try {
    writeFileSync(path, picture.png);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "its folder does not exist"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : (code ?? "unknown error");
    throw new UserError(
      "picture-not-written",
      `Could not write the picture to ${request.png} (${reason}): give a file name in a folder you can write to.`,
    );
  }
  return `Timeline picture (${picture.width}×${picture.height} PNG) written to ${request.png}.`;
}
