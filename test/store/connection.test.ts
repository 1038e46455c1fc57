import { existsSync, readFileSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, SCHEMA_VERSION } from "../../src/store/migrations/index.js";
import { openStore, StoreError } from "../../src/store/index.js";
import { listed, newDecision, tempFolder } from "./new-decision.js";

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

function pragmas(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return {
      journal: db.pragma("journal_mode", { simple: true }),
      version: db.pragma("user_version", { simple: true }),
      applicationId: db.pragma("application_id", { simple: true }),
      integrity: db.pragma("integrity_check", { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe("openStore on a new or empty file", () => {
  it.each([false, true])("creates the schema (file already exists, empty: %s)", async (exists) => {
    const path = folder.path("a/b/decisions.db");
    if (exists) {
      await (await openStore(folder.path("a/b/other.db"))).close(); // creates the folder
      writeFileSync(path, "");
    }
    const store = await openStore(path);
    await store.saveDecision(newDecision());
    await store.close();

    expect(pragmas(path)).toEqual({
      journal: "wal",
      version: SCHEMA_VERSION,
      applicationId: 0x45416476,
      integrity: "ok",
    });
  });

  it("reopens its own file without migrating again", async () => {
    const path = folder.path("decisions.db");
    await (await openStore(path)).close();
    const store = await openStore(path);
    expect((await store.saveDecision(newDecision())).decision.id).toBe("EA-1");
    await store.close();
  });
});

describe("migrations from every earlier version", () => {
  it.each(Array.from({ length: SCHEMA_VERSION }, (_, version) => version))(
    "upgrades a file at version %i and keeps its decisions searchable",
    async (version) => {
      const path = folder.path("old.db");
      const db = new Database(path);
      migrate(db, version);
      if (version >= 1) insertVersion1Decision(db);
      db.close();

      const store = await openStore(path);
      try {
        expect(pragmas(path).version).toBe(SCHEMA_VERSION);
        if (version >= 1) {
          expect((await listed(store, "T1", { text: "legacy" })).items.map((d) => d.id)).toEqual(["EA-1"]);
          expect(await store.history("T1", "EA-1")).toEqual([
            { status: "proposed", actor: "U-old", at: "2025-06-01T08:00:00.000Z", comment: "" },
          ]);
        }
        expect((await store.saveDecision(newDecision({ title: "legacy follow-up" }))).decision.id).toBe(
          version >= 1 ? "EA-2" : "EA-1",
        );
        expect((await listed(store, "T1", { text: "legacy" })).items).toHaveLength(version >= 1 ? 2 : 1);
      } finally {
        await store.close();
      }
    },
  );
});

/** A decision as the first schema version stored it, written the way that version's code did. */
function insertVersion1Decision(db: Database.Database): void {
  const { requirements, advice } = newDecision();
  db.prepare(
    `INSERT INTO decision (workspace, number, dedupe_key, channel, author, created_at, title, requirements, advice,
       option, service, monthly_cost_usd, rendered)
     VALUES ('T1', 1, 'k1', 'C1', 'U-old', '2025-06-01T08:00:00.000Z', 'Legacy storage', ?, ?,
       'private-endpoint', 'azure-storage-blob', 7.3, 'text')`,
  ).run(JSON.stringify(requirements), JSON.stringify(advice));
}

async function expectRefusedUntouched(
  path: string,
  code: StoreError["code"],
  message: RegExp,
): Promise<void> {
  const before = readFileSync(path);
  let error: unknown;
  try {
    await (await openStore(path)).close();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  expect((error as StoreError).message).toMatch(message);
  expect(readFileSync(path).equals(before)).toBe(true);
  expect(existsSync(`${path}-wal`)).toBe(false);
}
describe("files that are not ours", () => {
  it("refuses a text file", async () => {
    const path = folder.path("notes.db");
    writeFileSync(path, "meeting notes: use private endpoints\n".repeat(200));
    await expectRefusedUntouched(
      path,
      "foreign-file",
      /notes\.db is not an endpoint-advice database \(not SQLite/,
    );
  });

  it("refuses another application's SQLite database", async () => {
    const path = folder.path("other.db");
    const db = new Database(path);
    db.exec(
      "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)",
    );
    db.close();
    await expectRefusedUntouched(
      path,
      "foreign-file",
      /other\.db is not an endpoint-advice database; choose another/,
    );
  });

  it("refuses an empty SQLite database that another application has claimed", async () => {
    const path = folder.path("claimed.db");
    const db = new Database(path);
    db.pragma("application_id = 42");
    db.close();
    await expectRefusedUntouched(path, "foreign-file", /is not an endpoint-advice database/);
  });

  it("refuses a file from a newer version", async () => {
    const path = folder.path("newer.db");
    await (await openStore(path)).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    await expectRefusedUntouched(
      path,
      "newer-schema",
      new RegExp(
        `newer endpoint-advice \\(schema version ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION}\\)`,
      ),
    );
  });

  it("refuses a damaged file", async () => {
    const path = folder.path("damaged.db");
    const store = await openStore(path);
    await store.saveDecision(newDecision());
    await store.close();
    const bytes = readFileSync(path);
    bytes.fill(0xff, 100, 4096); // the schema page, after the 100-byte header
    writeFileSync(path, bytes);
    await expectRefusedUntouched(
      path,
      "corrupt",
      /damaged\.db is damaged .*nothing was written\. Restore it from a backup/,
    );
  });
});

describe("opening only to read", () => {
  it("refuses a missing file, naming it, and creates nothing", async () => {
    const path = folder.path("none/decisions.db");
    await expect(openStore(path, { readOnly: true })).rejects.toMatchObject({
      code: "missing",
      message: expect.stringContaining(`${path} does not exist`) as unknown,
    });
    expect(existsSync(folder.path("none"))).toBe(false);
  });

  it("refuses a zero-byte file and leaves it at zero bytes", async () => {
    const path = folder.path("empty.db");
    writeFileSync(path, "");
    await expect(openStore(path, { readOnly: true })).rejects.toMatchObject({
      code: "empty",
      message: expect.stringContaining(`${path} is an empty file (0 bytes)`) as unknown,
    });
    expect(readFileSync(path)).toHaveLength(0);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it("reads a history without changing its file", async () => {
    const path = folder.path("decisions.db");
    const writer = await openStore(path);
    await writer.saveDecision(newDecision({ title: "kept as it is" }));
    await writer.close();
    const before = readFileSync(path);
    const reader = await openStore(path, { readOnly: true });
    try {
      expect((await listed(reader, "T1", { text: "kept" })).items).toHaveLength(1);
      await expect(reader.saveDecision(newDecision())).rejects.toMatchObject({ code: "read-only" });
    } finally {
      await reader.close();
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe("a damaged page", () => {
  it("is found when opening for writing, and nothing is written", async () => {
    const path = folder.path("damaged-page.db");
    const store = await openStore(path);
    await store.saveDecisions(Array.from({ length: 300 }, (_, n) => newDecision({ title: `decision ${n}` })));
    await store.close();
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    // An index leaf page (type 0x0a) in the middle of the file: its header kept, its cells ruined.
    const pages = Array.from({ length: bytes.length / pageSize }, (_, n) => n * pageSize);
    const leaves = pages.filter((start) => start > 0 && bytes[start] === 0x0a);
    const page = leaves[Math.floor(leaves.length / 2)] as number;
    bytes.fill(0x5a, page + 8, page + pageSize);
    writeFileSync(path, bytes);
    await expectRefusedUntouched(path, "corrupt", /damaged-page\.db is damaged .*nothing was written/);
  });
});
