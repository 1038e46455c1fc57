import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DecisionStore } from "../../src/store/index.js";
import { ENGINES, testDatabase, type TestDatabase } from "./engines.js";
import { collect, listed, newDecision, steppingClock, storageQuestion } from "./new-decision.js";

// The contract: every test here runs on SQLite and on PostgreSQL alike.
describe.each(ENGINES)("the decision store on %s", (engine) => {
  let database: TestDatabase;
  let store: DecisionStore;

  beforeEach(async () => {
    database = await testDatabase(engine);
    store = await database.open({ now: steppingClock("2026-01-30T10:00:00Z") });
  });
  afterEach(async () => {
    await store.close();
    await database.remove();
  });

  describe("saveDecision", () => {
    it("stores every field and numbers decisions per workspace", async () => {
      const first = await store.saveDecision(newDecision({ title: "Blob from the DC", channel: "C9" }));
      const second = await store.saveDecision(newDecision());
      const other = await store.saveDecision(newDecision({ workspace: "T2" }));

      expect(first.created).toBe(true);
      expect([first.decision.id, second.decision.id, other.decision.id]).toEqual(["EA-1", "EA-2", "EA-1"]);
      expect(first.decision).toMatchObject({
        workspace: "T1",
        channel: "C9",
        author: "U1",
        createdAt: "2026-01-30T10:00:00.000Z",
        title: "Blob from the DC",
        option: "private-endpoint",
        service: "azure-storage-blob",
        monthlyCostUsd: 2055.3,
        rendered: "rendered answer",
        versions: storageQuestion().knowledge.versions,
        status: "proposed",
        supersededBy: null,
        supersedes: null,
        notes: "",
        messageTs: null,
      });
      expect(await store.getDecision("T1", "EA-1")).toEqual(first.decision);
      expect(first.decision.advice.recommendation.option).toBe("private-endpoint");
      expect(first.decision.requirements.dataGbPerMonth).toBe(204800);
    });

    it("returns the existing decision for a repeated dedupe key instead of storing a second one", async () => {
      const first = await store.saveDecision(newDecision({ dedupeKey: "view-123" }));
      const again = await store.saveDecision(newDecision({ dedupeKey: "view-123", title: "double click" }));

      expect(again).toEqual({ decision: first.decision, created: false, delivery: null });
      expect((await listed(store, "T1")).items).toHaveLength(1);
      expect(
        (await store.saveDecision(newDecision({ workspace: "T2", dedupeKey: "view-123" }))).created,
      ).toBe(true);
    });

    it("saves many in one call and counts only the new ones", async () => {
      const repeated = newDecision({ dedupeKey: "same" });
      expect(await store.saveDecisions([repeated, newDecision(), repeated])).toBe(2);
      expect((await listed(store, "T1")).items.map((d) => d.id)).toEqual(["EA-2", "EA-1"]);
    });
  });

  describe("getDecision", () => {
    it("accepts the id in any case and with spaces around it", async () => {
      await store.saveDecision(newDecision());
      expect((await store.getDecision("T1", " ea-1 "))?.id).toBe("EA-1");
    });

    it.each(["EA-2", "EA-0", "42", "EA-1x", "", "EA-99999999999999999999"])(
      "finds nothing for %j",
      async (id) => {
        await store.saveDecision(newDecision());
        expect(await store.getDecision("T1", id)).toBeUndefined();
      },
    );
  });

  describe("workspace isolation", () => {
    beforeEach(async () => {
      await store.saveDecision(newDecision({ workspace: "T1", title: "secret of T1" }));
    });

    it("never shows one workspace's decision to another, even with its id", async () => {
      expect(await store.getDecision("T2", "EA-1")).toBeUndefined();
      expect((await listed(store, "T2")).items).toEqual([]);
      expect((await listed(store, "T2", { text: "secret" })).items).toEqual([]);
      expect(await store.history("T2", "EA-1")).toEqual([]);
      expect(await collect(store.allDecisions("T2"))).toEqual([]);
      expect(await store.stats("T2")).toEqual({ perOption: [], perMonth: [], acceptedMonthlyCostUsd: 0 });
    });

    it("never lets another workspace change it", async () => {
      const change = await store.changeStatus("T2", "EA-1", {
        status: "accepted",
        actor: "U1",
      });
      await store.setMessageRef("T2", "EA-1", "C2", "1700000000.000100");

      expect(change).toEqual({
        ok: false,
        errors: [{ field: "id", message: "no decision EA-1 in this workspace" }],
      });
      expect(await store.getDecision("T1", "EA-1")).toMatchObject({ status: "proposed", messageTs: null });
    });

    it("does not let a decision be superseded by another workspace's decision", async () => {
      await store.saveDecision(newDecision({ workspace: "T2" }));
      await store.saveDecision(newDecision({ workspace: "T1" }));
      const change = await store.changeStatus("T2", "EA-1", {
        status: "superseded",
        supersededBy: "EA-2",
        actor: "U1",
      });
      expect(change.ok).toBe(false);
      expect((await store.getDecision("T1", "EA-2"))?.supersedes).toBeNull();
    });
  });

  describe("setMessageRef", () => {
    it("records where Slack posted the decision", async () => {
      await store.saveDecision(newDecision());
      await store.setMessageRef("T1", "ea-1", "C7", "1700000000.000100");
      expect(await store.getDecision("T1", "EA-1")).toMatchObject({
        messageChannel: "C7",
        messageTs: "1700000000.000100",
      });
    });
  });

  describe("listDecisions", () => {
    beforeEach(async () => {
      await store.saveDecision(
        newDecision({ title: "Payments blob storage", author: "U1", service: "azure-storage-blob" }),
      );
      await store.saveDecision(
        newDecision({ title: "Secrets for the shop", author: "U2", service: "azure-key-vault" }),
      );
      await store.saveDecision(
        newDecision({
          title: "Data lake",
          author: "U1",
          option: "service-endpoint",
          service: "azure-storage-blob",
        }),
      );
      await store.saveDecision(
        newDecision({ title: "S3 from the VPC", option: "aws-gateway-endpoint", service: "aws-s3" }),
      );
    });

    const ids = async (query: Parameters<DecisionStore["listDecisions"]>[1]) =>
      (await listed(store, "T1", query)).items.map((d) => d.id);

    it("lists newest first", async () => {
      expect(await ids({})).toEqual(["EA-4", "EA-3", "EA-2", "EA-1"]);
    });

    it("filters by option, service, author and status", async () => {
      expect(await ids({ option: "service-endpoint" })).toEqual(["EA-3"]);
      expect(await ids({ service: "azure-storage-blob" })).toEqual(["EA-3", "EA-1"]);
      expect(await ids({ author: "U2" })).toEqual(["EA-2"]);
      await store.changeStatus("T1", "EA-2", { status: "accepted", actor: "U2" });
      expect(await ids({ status: "accepted" })).toEqual(["EA-2"]);
      expect(await ids({ status: "proposed", service: "azure-storage-blob", author: "U1" })).toEqual([
        "EA-3",
        "EA-1",
      ]);
    });

    it("searches title, service, option and notes by whole words in any inflection, or prefixes with *", async () => {
      expect(await ids({ text: "payments" })).toEqual(["EA-1"]);
      expect(await ids({ text: "payment" })).toEqual(["EA-1"]);
      expect(await ids({ text: "key vau" })).toEqual([]);
      expect(await ids({ text: "key vau*" })).toEqual(["EA-2"]);
      expect(await ids({ text: "gateway" })).toEqual(["EA-4"]);
      expect(await ids({ text: "STORAGE blob" })).toEqual(["EA-3", "EA-1"]);
      expect(await ids({ text: "storage", option: "private-endpoint" })).toEqual(["EA-1"]);
      await store.changeStatus("T1", "EA-4", {
        status: "rejected",
        actor: "U1",
        comment: "Too costly",
      });
      expect(await ids({ text: "costly" })).toEqual(["EA-4"]);
    });

    it("treats search syntax as plain words", async () => {
      expect(await ids({ text: '"payments*' })).toEqual(["EA-1"]);
      expect(await ids({ text: "*payments" })).toEqual(["EA-1"]);
      expect(await ids({ text: "title: (payments" })).toEqual([]);
      expect(await ids({ text: "NEAR(" })).toEqual([]);
      expect(await ids({ text: "  -- " })).toEqual(["EA-4", "EA-3", "EA-2", "EA-1"]);
    });

    it("filters by creation time, a date-only end meaning the whole day", async () => {
      // The clock starts at 10:00 and advances a minute per save: EA-1 10:00 … EA-4 10:03.
      expect(await ids({ from: "2026-01-30T10:01:00Z", to: "2026-01-30T10:02:00.000Z" })).toEqual([
        "EA-3",
        "EA-2",
      ]);
      expect(await ids({ to: "2026-01-30" })).toHaveLength(4);
      expect(await ids({ to: "2026-01-29" })).toEqual([]);
      expect(await ids({ from: "2026-01-31" })).toEqual([]);
    });

    it.each([{}, { text: "endpoint" }])("pages with a cursor (%j)", async (query) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await listed(store, "T1", { ...query, limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((d) => d.id));
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(["EA-4", "EA-3", "EA-2", "EA-1"]);
    });

    it("refuses a cursor it did not hand out and a date that is not one", async () => {
      expect(await store.listDecisions("T1", { cursor: "abc" })).toEqual({
        ok: false,
        errors: [
          { field: "cursor", message: expect.stringMatching(/not a page marker of this listing/) as unknown },
        ],
      });
      expect(await store.listDecisions("T1", { from: "last spring" })).toEqual({
        ok: false,
        errors: [{ field: "from", message: expect.stringMatching(/not a date/) as unknown }],
      });
    });
  });

  describe("stats and allDecisions", () => {
    it("counts per option and month and sums the accepted monthly cost", async () => {
      await store.saveDecision(newDecision({ costUsd: 10.1 }));
      await store.saveDecision(newDecision({ costUsd: 20.25 }));
      await store.saveDecision(newDecision({ option: "service-endpoint", costUsd: 0 }));
      await store.saveDecision(newDecision({ costUsd: 99 }));
      for (const id of ["EA-1", "EA-2", "EA-3"]) {
        await store.changeStatus("T1", id, { status: "accepted", actor: "U1" });
      }

      expect(await store.stats("T1")).toEqual({
        perOption: [
          { option: "private-endpoint", count: 3 },
          { option: "service-endpoint", count: 1 },
        ],
        perMonth: [{ month: "2026-01", count: 4 }],
        acceptedMonthlyCostUsd: 30.35,
      });
    });

    it("iterates one workspace oldest first, or every workspace", async () => {
      await store.saveDecision(newDecision({ workspace: "T1" }));
      await store.saveDecision(newDecision({ workspace: "T2" }));
      await store.saveDecision(newDecision({ workspace: "T1" }));
      expect((await collect(store.allDecisions("T1"))).map((d) => d.id)).toEqual(["EA-1", "EA-2"]);
      expect((await collect(store.allDecisions())).map((d) => `${d.workspace}/${d.id}`)).toEqual([
        "T1/EA-1",
        "T2/EA-1",
        "T1/EA-2",
      ]);
    });
  });
});
