import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command line as a user would: `node dist/src/cli/bin.js …` (built by the global setup). */
export function cli(args: string[], stdin = ""): CliRun {
  const result = spawnSync(process.execPath, [join("dist", "src", "cli", "bin.js"), ...args], {
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes `content` (JSON-encoded unless a string) to a fresh temp file and returns its path. */
export function tempFile(content: unknown, name = "answers.json"): string {
  const path = join(mkdtempSync(join(tmpdir(), "endpoint-advice-")), name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}
