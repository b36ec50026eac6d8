import { defineConfig } from "vitest/config";

/**
 * Two projects. `sqlite` is every test, the store contract (tests/store/contract) on SQLite among
 * them. `postgres` runs the same contract again on a real Postgres, with the tests that need one
 * (tests/postgres); its global setup starts the server, and fails the run when it cannot.
 */
const STORE_CONTRACT = "tests/store/contract/**/*.test.ts";

export default defineConfig({
  test: {
    // Child processes (kill -9, two writers) and the fake Discord need more than the default 5 s on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/postgres/**"],
          provide: { storeEngine: "sqlite", postgresAdminUrl: undefined },
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: [STORE_CONTRACT, "tests/postgres/**/*.test.ts"],
          globalSetup: ["tests/postgres/global-setup.ts"],
          provide: { storeEngine: "postgres" },
        },
      },
    ],
  },
});
