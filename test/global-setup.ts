import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import type { TestProject } from "vitest/node";
import { startPostgres } from "../bench/postgres-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The throwaway PostgreSQL database the contract suite runs against. */
    postgresUrl: string;
  }
}

/**
 * Builds dist/ once before the tests, so the command-line tests run the current code as a child process
 * exactly as `node dist/src/cli/bin.js` would; starts a throwaway PostgreSQL server for the store's
 * contract suite, and stops it afterwards whatever failed.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
  const postgres = await startPostgres();
  project.provide("postgresUrl", postgres.url);
  return () => postgres.stop();
}
