import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, StoreError, type DecisionStore } from "../../src/store/index.js";
import { projectRoot } from "../../src/paths.js";
import { listed, newDecision, tempFolder } from "./new-decision.js";

const HOLD_MS = 15_000;

let folder: ReturnType<typeof tempFolder>;
let holder: ChildProcess | undefined;
const stores: DecisionStore[] = [];

beforeEach(() => {
  folder = tempFolder();
});
afterEach(async () => {
  holder?.kill("SIGKILL");
  holder = undefined;
  for (const store of stores.splice(0)) await store.close();
  folder.remove();
});

/** Another process (a backup, a long CLI command) that takes the write lock and keeps it for `ms`. */
async function holdWriteLock(path: string, ms: number): Promise<{ exited: Promise<unknown> }> {
  const script = `
    const db = require("better-sqlite3")(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    db.prepare("UPDATE decision SET notes = 'held' WHERE number = 1").run();
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("ROLLBACK"); db.close(); process.exit(0); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ["-e", script, path, String(ms)], { cwd: projectRoot() });
  holder = child;
  const exited = once(child, "exit"); // listened for now: it may end before the test looks
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  expect(chunk.toString()).toBe("locked\n");
  return { exited };
}

describe("a database another process keeps locked", () => {
  it("keeps the event loop responsive while saves wait, then saves, or fails clearly with nothing done", async () => {
    const path = folder.path("locked.db");
    const patient = await openStore(path, { lockWaitMs: 60_000 });
    const hasty = await openStore(path, { lockWaitMs: 2_000 });
    stores.push(patient, hasty);
    await patient.saveDecision(newDecision({ title: "before the lock" }));
    const lock = await holdWriteLock(path, HOLD_MS);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const waiting = patient.saveDecision(newDecision({ title: "waited for the lock" }));
    const refused = hasty.saveDecision(newDecision({ title: "gave up" })).catch((error: unknown) => error);
    // Reads go on meanwhile (WAL): the Home tab and history do not wait for the writer.
    expect((await listed(hasty, "T1")).items.map((d) => d.title)).toEqual(["before the lock"]);

    const error = await refused;
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      code: "busy",
      message: expect.stringContaining("nothing was changed") as unknown,
    });
    const saved = await waiting;
    delay.disable();
    await lock.exited;

    expect(saved.decision.id).toBe("EA-2");
    expect((await listed(patient, "T1")).items.map((d) => d.title)).toEqual([
      "waited for the lock",
      "before the lock",
    ]);
    // With a synchronous busy wait the loop stalled for the whole lock (10 s); here it never stalls for long.
    expect(delay.max / 1e6).toBeLessThan(1_000);
  }, 60_000);
});
