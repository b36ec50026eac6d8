/** The moderators' Q&A store: what the rest of the bot imports. */

export { CITATIONS_FORMAT_HINT, parseCitationsText } from "./citations-text.ts";
export { toQaEntry } from "./export-entries.ts";
export { QA_LIMITS } from "./qa-limits.ts";
export type * from "./qa-records.ts";
export type { QaStore } from "./qa-store.ts";
export type * from "./quiz-rounds.ts";
export type { QuizRank, QuizRoundRecord, QuizScoreStore, QuizStanding } from "./quiz-scores.ts";
export { BACKUP_FILE, damagedDatabase } from "./sqlite/database-health.ts";
export { DATABASE_FILE, databaseError } from "./sqlite/open-database.ts";
export { openSqliteQaStore, type SqliteStoreOptions } from "./sqlite/open-sqlite-store.ts";
export { memoryQuizRounds } from "./sqlite/quiz-round-queries.ts";
export { EntryValidationError, StoreError } from "./store-error.ts";
export { validateEntry, validateRemovalReason } from "./validate-entry.ts";
