import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { spawnTs } from "../support/run-ts.js";
import { collect, tempFolder } from "./new-decision.js";

const writer = fileURLToPath(new URL("./writer.ts", import.meta.url));

let folder: ReturnType<typeof tempFolder>;
const children = new Set<ChildProcess>();
beforeEach(() => {
  folder = tempFolder();
});
// Whatever failed, no writer is left behind (the crash writer would go on to a million decisions).
afterEach(async () => {
  await Promise.all([...children].map(killed));
  folder.remove();
});

/** A writer child, tracked so afterEach can end it. */
function spawnWriter(args: string[]): ChildProcess {
  const child = spawnTs(writer, args);
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

async function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

// The writers start by transpiling the sources: seconds on a busy machine. The tests wait on the children's
// lines and exits, not on a clock, so their limit is wide.
describe("durability", { timeout: 120_000 }, () => {
  it("keeps every decision reported as saved when the writer is killed mid-burst", async () => {
    const path = folder.path("crash.db");
    const child = spawnWriter([path, "1000000", "crash"]);
    // Each save is a synced transaction: on a disk shared with other work, 500 of them took minutes, and 100
    // saves cut off mid-burst test the same thing.
    const reported = await linesUntilKilled(child, 100);

    expect(reported.length).toBeGreaterThanOrEqual(100);
    const db = new Database(path);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    const store = await openStore(path);
    try {
      for (const line of reported) {
        const [id, key] = line.split(" ");
        expect((await store.getDecision("T1", id ?? ""))?.title).toBe(key?.replace("-", " "));
      }
    } finally {
      await store.close();
    }
  });

  it("lets two processes write the same new file at once", async () => {
    const path = folder.path("shared.db");
    const results = await Promise.all(
      ["a", "b"].map((prefix) => finished(spawnWriter([path, "1000", prefix]))),
    );

    expect(results).toEqual([
      { code: 0, stderr: "", lines: 1000 },
      { code: 0, stderr: "", lines: 1000 },
    ]);
    const store = await openStore(path);
    try {
      const ids = (await collect(store.allDecisions("T1"))).map((d) => d.id);
      expect(new Set(ids).size).toBe(2000);
      expect(ids.at(-1)).toBe("EA-2000");
    } finally {
      await store.close();
    }
  });
});

/** Collects the complete lines the child prints, SIGKILLs it once `count` arrived, resolves after it died. */
function linesUntilKilled(child: ChildProcess, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      if (output.split("\n").length > count) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`writer ended before it was killed (code ${code})`));
      else resolve(output.split("\n").slice(0, -1));
    });
  });
}

function finished(child: ChildProcess): Promise<{ code: number | null; stderr: string; lines: number }> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr, lines: stdout.split("\n").length - 1 }));
  });
}
