import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { newDecision } from "../store/new-decision.js";
import { cli } from "./run.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "endpoint-advice-dbfile-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// The commands that open the history, reading and writing.
const answers = join("examples", "onprem-storage.json");
const COMMANDS: [string, string[]][] = [
  ["history", ["history"]],
  ["advise --save", ["advise", "--answers", answers, "--save"]],
];

function expectOneLineRefusal(run: { status: number | null; stderr: string; stdout: string }, path: string) {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr.trimEnd().split("\n"), run.stderr).toHaveLength(1);
  expect(run.stderr).toContain(path);
  expect(run.stderr).not.toMatch(/\bat .*\.js:\d+|Something went wrong/);
}

describe("a --db that cannot be a database file: one line naming it, exit 2, nothing written beside it", () => {
  describe.each(COMMANDS)("%s", (_name, args) => {
    it("a folder", () => {
      const folder = join(dir, "folder");
      mkdirSync(folder);
      expectOneLineRefusal(cli([...args, "--db", folder]), folder);
      expect(readdirSync(folder)).toEqual([]);
      expect(readdirSync(dir)).toEqual(["folder"]);
    });

    it.each(["/proc/self/status", "/proc/endpoint-advice.db"])("a path under /proc: %s", (path) => {
      const run = cli([...args, "--db", path]);
      expectOneLineRefusal(run, path);
      expect(run.stderr).toContain("/proc");
    });

    it("a path whose parent is a file", () => {
      writeFileSync(join(dir, "notes.txt"), "notes");
      const path = join(dir, "notes.txt", "decisions.db");
      const run = cli([...args, "--db", path]);
      expectOneLineRefusal(run, path);
      expect(run.stderr).toContain("is a file, not a folder");
      expect(readdirSync(dir)).toEqual(["notes.txt"]);
    });

    it("a device", () => {
      expectOneLineRefusal(cli([...args, "--db", "/dev/null"]), "/dev/null");
    });

    it("a file that cannot be read", () => {
      const path = join(dir, "locked.db");
      writeFileSync(path, "");
      chmodSync(path, 0o000);
      // Permissions do not stop root: then the command runs as an unprivileged user, as a person would.
      chmodSync(dir, 0o755);
      const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const result = spawnSync(
        process.execPath,
        [join("dist", "src", "cli", "bin.js"), ...args, "--db", path],
        {
          encoding: "utf8",
          env: { ...process.env, NO_COLOR: "1" },
          ...asUser,
        },
      );
      const run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
      expectOneLineRefusal(run, path);
      expect(run.stderr).toContain("cannot be read");
      expect(readdirSync(dir)).toEqual(["locked.db"]);
    });
  });
});

describe("a closed pipe", () => {
  it("history --json | head -1 prints one line and no stack trace", async () => {
    const path = join(dir, "decisions.db");
    const store = await openStore(path);
    try {
      // Enough output to outgrow a pipe's buffer, so the writes meet the closed end.
      await store.saveDecisions(Array.from({ length: 200 }, () => newDecision({ workspace: "local" })));
    } finally {
      await store.close();
    }
    const bin = join("dist", "src", "cli", "bin.js");
    const result = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" ${bin} history --json --limit 500 --db "${path}" | head -1`],
      { encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")).toHaveLength(2);
  });
});
