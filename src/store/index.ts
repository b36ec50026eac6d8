/** The moderators' Q&A store: what the rest of the bot imports. */

export { CITATIONS_FORMAT_HINT, parseCitationsText } from "./citations-text.ts";
export { EntryValidationError, StoreError } from "./errors.ts";
export { toQaEntry } from "./export-entries.ts";
export { QA_LIMITS } from "./qa-limits.ts";
export type { QaStore } from "./qa-store.ts";
export type * from "./quiz-rounds.ts";
export type { QuizRank, QuizRoundRecord, QuizScoreStore, QuizStanding } from "./quiz-scores.ts";
export { BACKUP_FILE, damagedDatabase } from "./sqlite/database-health.ts";
export { DATABASE_FILE, databaseError } from "./sqlite/open-database.ts";
export { openSqliteQaStore, type SqliteStoreOptions } from "./sqlite/open-store.ts";
export { memoryQuizRounds } from "./sqlite/quiz-round-queries.ts";
export type * from "./types.ts";
export { validateEntry, validateRemovalReason } from "./validate-entry.ts";
