import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "./postgres-cluster.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Which engine tests/store/contract runs against in this project. */
    storeEngine: "sqlite" | "postgres";
    /** A superuser URL on the run's Postgres server, for creating a database per test. */
    postgresAdminUrl: string | undefined;
  }
}

/**
 * Starts one Postgres server for the whole run (TEST_DATABASE_URL names an existing one instead).
 * When none can start the run fails here with a sentence saying how to get one: the Postgres half of
 * the store contract is never skipped.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const existing = process.env.TEST_DATABASE_URL;
  if (existing !== undefined && existing !== "") {
    project.provide("postgresAdminUrl", existing);
    return () => undefined;
  }
  const cluster = await startPostgresCluster();
  project.provide("postgresAdminUrl", cluster.adminUrl);
  return () => cluster.destroy();
}
