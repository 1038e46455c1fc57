import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";
import { spawnTs } from "./support/run-ts.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "endpoint-advice-safety-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// A script that rejects a promise nobody awaits, as Bolt's receivers can, then goes on working.
async function runRejecting(withSafetyNet: boolean) {
  const safetyNet = pathToFileURL(join(process.cwd(), "src/safety-net.ts")).href;
  const script = join(dir, "reject.ts");
  writeFileSync(
    script,
    [
      `import { keepServingOnUnhandledRejection } from ${JSON.stringify(safetyNet)};`,
      withSafetyNet ? `keepServingOnUnhandledRejection((message) => console.error(message));` : "",
      `void (async () => { throw new TypeError("Cannot read properties of null (reading 'ssl_check')"); })();`,
      `setTimeout(() => console.log("still serving"), 50);`,
    ].join("\n"),
  );
  const child = spawnTs(script, [], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number];
  return { code, stdout, stderr };
}

it("a rejection nobody handles is logged with its stack and the process keeps serving", async () => {
  const { code, stdout, stderr } = await runRejecting(true);
  expect(code).toBe(0);
  expect(stdout).toContain("still serving");
  expect(stderr).toMatch(
    /nothing handled it; the app keeps running: TypeError: Cannot read properties of null/,
  );
});

it("without it Node ends the process (what the safety net is for)", async () => {
  const { code, stdout } = await runRejecting(false);
  expect(code).not.toBe(0);
  expect(stdout).not.toContain("still serving");
});
