import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { openStore } from "../../src/store/index.js";
import { newDecision, storageQuestion, tempFolder } from "../store/new-decision.js";
import { cli, type CliRun } from "./run.js";

const answers = {
  target: "cloud-service",
  service: "azure-key-vault",
  onPremisesAccess: true,
  title: `Vault for "payments", from the DC`,
};

let folder: ReturnType<typeof tempFolder>;
let db: string;
beforeEach(() => {
  folder = tempFolder();
  db = folder.path("history/decisions.db");
});
afterEach(() => folder.remove());

function run(args: string[], stdin = ""): CliRun {
  return cli([...args, "--db", db], stdin);
}

function ok(result: CliRun): string {
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

// Each test runs the command line a dozen times, one process after another: seconds each on a busy
// machine. Nothing here waits on a clock, so the limit is wide.
describe("the decision history on the command line", { timeout: 120_000 }, () => {
  it("saves advice, lists it, shows it, exports it and re-checks it", () => {
    const saved = run(["advise", "--answers", "-", "--save"], JSON.stringify(answers));
    expect(saved.status).toBe(0);
    expect(saved.stderr).toBe("Saved as EA-1 in workspace local.\n");
    const again = run(["advise", "--answers", "-", "--save", "--json"], JSON.stringify(answers));
    expect(again.stderr).toBe("Already saved as EA-1 in workspace local; nothing new was stored.\n");
    expect(JSON.parse(again.stdout)).toHaveProperty("recommendation.option", "private-endpoint");

    expect(ok(run(["history"]))).toMatch(
      /^EA-1 {2}\d{4}-\d\d-\d\d {2}proposed {2}Azure Private Endpoint \(Azure Private Link\) {2}Azure Key Vault {2}Vault/,
    );
    expect(ok(run(["history", "vault", "--status", "proposed"]))).toContain("EA-1");
    expect(ok(run(["history", "cosmos"]))).toBe("No decisions match.\n");
    const page = JSON.parse(ok(run(["history", "--json"]))) as { items: { id: string }[]; nextCursor: null };
    expect(page.items.map((d) => d.id)).toEqual(["EA-1"]);
    expect(page.nextCursor).toBeNull();

    expect(ok(run(["show", "ea-1"]))).toMatch(/^EA-1 {2}proposed\n/);
    expect(ok(run(["show", "EA-1", "--format", "markdown"]))).toMatch(
      /^# EA-1: Vault for "payments", from the DC\n/,
    );
    const shown = JSON.parse(ok(run(["show", "EA-1", "--format", "json"]))) as { history: unknown[] };
    expect(shown).toMatchObject({
      id: "EA-1",
      workspace: "local",
      status: "proposed",
      service: "azure-key-vault",
      versions: { questionnaire: loadKnowledge().versions.questionnaire },
    });
    expect(shown.history).toHaveLength(1);

    expect(ok(run(["export", "--format", "markdown"]))).toContain("# EA-1: Vault");
    expect(JSON.parse(ok(run(["export", "--format", "json"])))).toEqual([shown]);
    const csv = ok(run(["export", "--format", "csv"]))
      .trimEnd()
      .split("\n");
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(
      /^"EA-1","local","[^"]+","[^"]+",,"Vault for ""payments"", from the DC","proposed","private-endpoint"/,
    );

    expect(ok(run(["recheck"]))).toMatch(/^Nothing changed: the one decision gets the same answer/);
    expect(JSON.parse(ok(run(["recheck", "--json"])))).toMatchObject({ checked: 1, drifted: [] });
  });

  it("re-check lists a decision saved with older knowledge whose answer changed", async () => {
    const { advice } = storageQuestion();
    const store = await openStore(db);
    await store.saveDecision(
      newDecision({
        workspace: "local",
        advice: {
          ...advice,
          recommendation: { ...advice.recommendation, option: "service-endpoint", monthlyCostUsd: 0 },
          versions: {
            tree: "2025-01-01",
            catalog: "2025-01-01",
            pricing: "2025-01-01",
            options: "2025-01-01",
          },
        },
      }),
    );
    await store.close();

    const text = ok(run(["recheck"]));
    expect(text).toContain("1 of 1 decisions would now be answered differently");
    expect(text).toContain("recommendation: service-endpoint → private-endpoint");
    expect(text).toContain("saved with decision tree 2025-01-01, catalog 2025-01-01, pricing 2025-01-01");
    const report = JSON.parse(ok(run(["recheck", "--json"]))) as {
      drifted: { id: string; changes: string[] }[];
    };
    expect(report.drifted).toEqual([expect.objectContaining({ id: "EA-1", changes: ["option", "cost"] })]);
    // Saved before the questionnaire was versioned: still shown, with the versions it has.
    expect(ok(run(["show", "EA-1"]))).toContain(
      "Knowledge versions: decision tree 2025-01-01, catalog 2025-01-01, pricing 2025-01-01, options 2025-01-01\n",
    );
    expect(ok(run(["show", "EA-1", "--format", "markdown"]))).toMatch(/options 2025-01-01\n*$/);
  });

  it("keeps workspaces apart", () => {
    run(["advise", "--answers", "-", "--save", "--workspace", "T1"], JSON.stringify(answers));
    expect(ok(run(["history", "--workspace", "T2"]))).toBe("No decisions match.\n");
    const show = run(["show", "EA-1", "--workspace", "T2"]);
    expect(show.status).toBe(2);
    expect(show.stderr).toBe("No decision EA-1 in workspace T2.\n");
  });

  it("refuses bad input with exit code 2 and a clear message", () => {
    run(["advise", "--answers", "-", "--save"], JSON.stringify(answers));
    const cases: [string[], RegExp][] = [
      [["history", "--status", "done"], /done/],
      [["history", "--limit", "0"], /1 to 500/],
      [["history", "--from", "last spring"], /not a date/],
      [["history", "--cursor", "x"], /not a page marker of this listing/],
      [["export", "--format", "xml"], /xml/],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it("reads no history where there is none, and creates no file", () => {
    const result = run(["history"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${db} does not exist`);
    expect(existsSync(db)).toBe(false);
    writeFileSync(folder.path("empty.db"), "");
    const empty = cli(["history", "--db", folder.path("empty.db")]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/empty\.db is an empty file \(0 bytes\)/);
    expect(readFileSync(folder.path("empty.db"))).toHaveLength(0);
  });

  it("refuses a file that is not a decision history and leaves it alone", () => {
    const notes = folder.path("notes.txt");
    writeFileSync(notes, "not a database\n");
    const result = cli(["history", "--db", notes]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/notes\.txt is not an endpoint-advice database/);
    expect(readFileSync(notes, "utf8")).toBe("not a database\n");
  });
});
