import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DecisionStore, StatusChangeRequest } from "../../src/store/index.js";
import { ENGINES, testDatabase, type TestDatabase } from "./engines.js";
import { listed, newDecision, steppingClock } from "./new-decision.js";

// The contract: every test here runs on SQLite and on PostgreSQL alike.
describe.each(ENGINES)("status changes on %s", (engine) => {
  let database: TestDatabase;
  let store: DecisionStore;

  beforeEach(async () => {
    database = await testDatabase(engine);
    store = await database.open({ now: steppingClock("2026-03-01T09:00:00Z") });
    await store.saveDecision(newDecision({ author: "U-author", title: "Old plan" }));
    await store.saveDecision(newDecision({ author: "U-other", title: "New plan" }));
  });
  afterEach(async () => {
    await store.close();
    await database.remove();
  });

  const byAuthor = (change: Omit<StatusChangeRequest, "actor">): StatusChangeRequest => ({
    ...change,
    actor: "U-author",
  });

  describe("changeStatus", () => {
    it("lets the author accept and records who, when and why", async () => {
      const result = await store.changeStatus(
        "T1",
        "ea-1",
        byAuthor({ status: "accepted", comment: "Agreed in review" }),
      );

      expect(result).toMatchObject({
        ok: true,
        value: { id: "EA-1", status: "accepted", notes: "Agreed in review" },
      });
      expect(await store.history("T1", "EA-1")).toEqual([
        { status: "proposed", actor: "U-author", at: "2026-03-01T09:00:00.000Z", comment: "" },
        {
          status: "accepted",
          actor: "U-author",
          at: "2026-03-01T09:02:00.000Z",
          comment: "Agreed in review",
        },
      ]);
    });

    it("records whoever the caller names as the actor: who may change a decision is decided before the store", async () => {
      const change = await store.changeStatus("T1", "EA-1", { status: "rejected", actor: "U-x" });
      expect(change).toMatchObject({ ok: true, value: { status: "rejected" } });
      expect((await store.history("T1", "EA-1")).at(-1)).toMatchObject({ status: "rejected", actor: "U-x" });
    });

    it("lets a proposed replacement saved with `supersedes` take over its original once asked", async () => {
      await store.saveDecision(newDecision({ author: "U-author", supersedes: "EA-1", dedupeKey: "rerun" }));
      expect(await store.getDecision("T1", "EA-3")).toMatchObject({ status: "proposed", supersedes: "EA-1" });
      expect(await store.getDecision("T1", "EA-1")).toMatchObject({ status: "proposed", supersededBy: null });
      const change = await store.changeStatus(
        "T1",
        "EA-1",
        byAuthor({ status: "superseded", supersededBy: "EA-3" }),
      );
      expect(change).toMatchObject({ ok: true, value: { status: "superseded", supersededBy: "EA-3" } });
    });

    it("supersedes the original in the same transaction as it accepts the replacement", async () => {
      expect((await store.changeStatus("T1", "EA-1", byAuthor({ status: "accepted" }))).ok).toBe(true);
      await store.saveDecision(newDecision({ author: "U-author", supersedes: "EA-1", dedupeKey: "rerun" }));
      const change = await store.changeStatus("T1", "EA-3", byAuthor({ status: "accepted" }));
      expect(change).toMatchObject({ ok: true, value: { status: "accepted", supersedes: "EA-1" } });
      expect(await store.getDecision("T1", "EA-1")).toMatchObject({
        status: "superseded",
        supersededBy: "EA-3",
      });
      expect((await store.history("T1", "EA-1")).at(-1)).toMatchObject({
        status: "superseded",
        actor: "U-author",
      });
    });

    it("leaves an original that became final alone when its replacement is accepted", async () => {
      expect((await store.changeStatus("T1", "EA-1", byAuthor({ status: "rejected" }))).ok).toBe(true);
      await store.saveDecision(newDecision({ author: "U-author", supersedes: "EA-1", dedupeKey: "rerun" }));
      expect(await store.changeStatus("T1", "EA-3", byAuthor({ status: "accepted" }))).toMatchObject({
        ok: true,
      });
      expect(await store.getDecision("T1", "EA-1")).toMatchObject({ status: "rejected", supersededBy: null });
    });

    it.each([
      ["accepted", "accepted", "EA-1 is accepted and cannot become accepted; allowed: superseded"],
      ["accepted", "rejected", "EA-1 is accepted and cannot become rejected; allowed: superseded"],
      ["rejected", "accepted", "EA-1 is rejected and cannot become accepted; allowed: none, it is final"],
    ] as const)("refuses %s → %s", async (first, next, message) => {
      expect((await store.changeStatus("T1", "EA-1", byAuthor({ status: first }))).ok).toBe(true);
      expect(await store.changeStatus("T1", "EA-1", byAuthor({ status: next }))).toEqual({
        ok: false,
        errors: [{ field: "status", message }],
      });
      expect(await store.history("T1", "EA-1")).toHaveLength(2);
    });

    it("refuses an unknown decision", async () => {
      expect(await store.changeStatus("T1", "EA-9", byAuthor({ status: "accepted" }))).toEqual({
        ok: false,
        errors: [{ field: "id", message: "no decision EA-9 in this workspace" }],
      });
    });
  });

  describe("superseding", () => {
    it("links both records and keeps the old one", async () => {
      await store.changeStatus("T1", "EA-1", byAuthor({ status: "accepted" }));
      const result = await store.changeStatus(
        "T1",
        "EA-1",
        byAuthor({ status: "superseded", supersededBy: "ea-2" }),
      );

      expect(result).toMatchObject({ ok: true, value: { status: "superseded", supersededBy: "EA-2" } });
      expect(await store.getDecision("T1", "EA-2")).toMatchObject({ status: "proposed", supersedes: "EA-1" });
      expect((await store.getDecision("T1", "EA-1"))?.title).toBe("Old plan");
      expect((await listed(store, "T1", { status: "superseded" })).items.map((d) => d.id)).toEqual(["EA-1"]);
      expect((await store.history("T1", "EA-1")).map((c) => c.status)).toEqual([
        "proposed",
        "accepted",
        "superseded",
      ]);
    });

    it.each([
      [{ status: "superseded" }, "is required with status superseded: name the decision that replaces it"],
      [{ status: "superseded", supersededBy: "EA-7" }, "no decision EA-7 in this workspace"],
      [{ status: "superseded", supersededBy: "EA-1" }, "a decision cannot supersede itself"],
      [{ status: "accepted", supersededBy: "EA-2" }, "is only allowed with status superseded"],
    ] as const)("refuses %j", async (change, message) => {
      expect(await store.changeStatus("T1", "EA-1", byAuthor(change))).toEqual({
        ok: false,
        errors: [{ field: "supersededBy", message }],
      });
      expect(await store.getDecision("T1", "EA-1")).toMatchObject({ status: "proposed", supersededBy: null });
    });

    it("refuses a successor that is itself rejected or already replaces another decision", async () => {
      await store.saveDecision(newDecision({ author: "U-author" }));
      await store.changeStatus("T1", "EA-2", { status: "rejected", actor: "U-other" });
      expect(
        await store.changeStatus("T1", "EA-1", byAuthor({ status: "superseded", supersededBy: "EA-2" })),
      ).toEqual({
        ok: false,
        errors: [
          { field: "supersededBy", message: "EA-2 is rejected; the successor must be proposed or accepted" },
        ],
      });

      await store.saveDecision(newDecision({ author: "U-author" }));
      expect(
        (await store.changeStatus("T1", "EA-1", byAuthor({ status: "superseded", supersededBy: "EA-4" }))).ok,
      ).toBe(true);
      expect(
        await store.changeStatus("T1", "EA-3", byAuthor({ status: "superseded", supersededBy: "EA-4" })),
      ).toEqual({
        ok: false,
        errors: [{ field: "supersededBy", message: "EA-4 already replaces EA-1" }],
      });
    });
  });
});
