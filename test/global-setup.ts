import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

/**
 * Builds dist/ once before the tests, so the command-line tests run the current code as a child process
 * exactly as `node dist/src/cli/bin.js` would.
 */
export default function buildOnce(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
