import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Child processes (kill -9, two writers) and the fake Discord need more than the default 5 s on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
