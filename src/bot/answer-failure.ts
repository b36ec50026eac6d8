import type { RepliableInteraction } from "discord.js";
import type { Logger } from "pino";
import { toLoggableError } from "../interaction/loggable-error.ts";
import { sendNotice } from "../interaction/reply.ts";
import { UserError } from "../user-error.ts";

export const APOLOGY = "Something went wrong on our side — it has been logged.";

/**
 * The one place a thrown error becomes what the member sees. A UserError is their mistake and its
 * message tells them what to change; anything else is our bug: logged with the interaction's context,
 * answered with an apology, never with a stack trace.
 */
export async function answerFailure(
  interaction: RepliableInteraction,
  error: unknown,
  logger: Logger,
  secrets: readonly string[],
): Promise<void> {
  if (error instanceof UserError) {
    logger.debug({ code: error.code }, "answered a user error");
  } else {
    logger.error({ error: toLoggableError(error, [...secrets, interaction.token]) }, "interaction failed");
  }
  const text = error instanceof UserError ? error.message : APOLOGY;
  try {
    await sendNotice(interaction, text);
  } catch (replyError) {
    // The interaction may have expired or Discord may be unreachable: nothing more can reach the member.
    logger.warn(
      { error: toLoggableError(replyError, [...secrets, interaction.token]) },
      "could not report the failure",
    );
  }
}
