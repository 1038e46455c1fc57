import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // One worker per core: the slowest files wait on the child processes they spawn (the CLI, the app),
    // and vitest's default of one core fewer ran them one after another on a two-core machine.
    maxWorkers: "100%",
  },
});
