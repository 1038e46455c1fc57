import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recheck } from "../../src/advice/recheck.js";
import type { DecisionStore, DeliveryTarget } from "../../src/store/index.js";
import { ENGINES, testDatabase, type TestDatabase } from "./engines.js";
import { collect, listed, newDecision, storageQuestion } from "./new-decision.js";

// The contract, continued: concurrency, cursors, search rules and the outbox, on both engines alike.
describe.each(ENGINES)("the store's contract on %s", (engine) => {
  let database: TestDatabase;
  let store: DecisionStore;
  let clock: Date;
  const others: DecisionStore[] = [];

  beforeEach(async () => {
    database = await testDatabase(engine);
    clock = new Date("2026-05-01T08:00:00Z");
    store = await database.open({ now: () => clock });
  });
  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await store.close();
    await database.remove();
  });

  /** Another connection to the same database, as a second app instance would have. */
  async function secondInstance(): Promise<DecisionStore> {
    const other = await database.open({ now: () => clock });
    others.push(other);
    return other;
  }

  describe("under concurrency", () => {
    it("numbers EA-n per workspace without gaps or collisions, from two instances at once", async () => {
      const other = await secondInstance();
      const saves = Array.from({ length: 40 }, (_, n) =>
        (n % 2 === 0 ? store : other).saveDecision(newDecision({ workspace: n % 4 < 2 ? "T1" : "T2" })),
      );
      const saved = await Promise.all(saves);
      for (const workspace of ["T1", "T2"]) {
        const numbers = saved
          .filter((s) => s.decision.workspace === workspace)
          .map((s) => Number(s.decision.id.slice(3)))
          .sort((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
      }
    });

    it("saves a decision once when the same submission arrives at two instances at once", async () => {
      const other = await secondInstance();
      const delivery: DeliveryTarget = { kind: "answer", channel: "C1", user: "U1", responseUrl: null };
      const attempts = Array.from({ length: 6 }, (_, n) =>
        (n % 2 === 0 ? store : other).saveDecision(newDecision({ dedupeKey: "view-7", delivery })),
      );
      const results = await Promise.all(attempts);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.decision.id))).toEqual(new Set(["EA-1"]));
      expect(await store.deliveries("T1", "EA-1")).toHaveLength(1);
    });
  });

  describe("history cursors", () => {
    beforeEach(async () => {
      for (let n = 0; n < 5; n += 1) await store.saveDecision(newDecision({ title: `vault plan ${n}` }));
      await store.saveDecision(newDecision({ workspace: "T2", title: "vault plan elsewhere" }));
    });

    it("are opaque, and lead through every page", async () => {
      const first = await listed(store, "T1", { limit: 2 });
      expect(first.nextCursor).not.toMatch(/^\d+$/);
      const second = await listed(store, "T1", { limit: 2, cursor: first.nextCursor ?? "" });
      expect([...first.items, ...second.items].map((d) => d.id)).toEqual(["EA-5", "EA-4", "EA-3", "EA-2"]);
    });

    it.each(["abc", "-1", "1e999", "0", "", "5", "NaN", "MTAuMDAwMDAwMDAwMDAwMDAwMA"])(
      "refuse a forged cursor %j with a field error",
      async (cursor) => {
        expect(await store.listDecisions("T1", { cursor })).toEqual({
          ok: false,
          errors: [
            {
              field: "cursor",
              message: expect.stringContaining("start again from the first page") as unknown,
            },
          ],
        });
      },
    );

    it("are refused by another workspace and by another search", async () => {
      const { nextCursor } = await listed(store, "T1", { limit: 2, text: "vault" });
      const cursor = nextCursor ?? "";
      expect((await store.listDecisions("T1", { limit: 2, text: "vault", cursor })).ok).toBe(true);
      expect((await store.listDecisions("T2", { limit: 2, text: "vault", cursor })).ok).toBe(false);
      expect((await store.listDecisions("T1", { limit: 2, text: "plan", cursor })).ok).toBe(false);
      expect(
        (await store.listDecisions("T1", { limit: 2, status: "accepted", text: "vault", cursor })).ok,
      ).toBe(false);
    });
  });

  describe("full-text search", () => {
    it("matches whole words in any inflection, prefixes with *, every word, in title, notes, service and option", async () => {
      await store.saveDecision(newDecision({ title: "Payments reach the storage endpoints" }));
      await store.saveDecision(newDecision({ title: "Vaults for identity", service: "azure-key-vault" }));
      await store.saveDecision(
        newDecision({ title: "S3 from the VPC", option: "aws-gateway-endpoint", service: "aws-s3" }),
      );
      await store.changeStatus("T1", "EA-2", {
        status: "accepted",
        actor: "U1",
        comment: "approved by architecture board",
      });
      const ids = async (text: string) => (await listed(store, "T1", { text })).items.map((d) => d.id);

      expect(await ids("endpoint")).toEqual(["EA-3", "EA-2", "EA-1"]); // titles and the option ids
      expect(await ids("payment reaching")).toEqual(["EA-1"]);
      expect(await ids("the")).toEqual(["EA-3", "EA-1"]); // no stop words dropped
      expect(await ids("vau*")).toEqual(["EA-2"]);
      expect(await ids("vau")).toEqual([]); // a whole word, unless it ends with *
      expect(await ids("KEY vault")).toEqual(["EA-2"]);
      expect(await ids("board")).toEqual(["EA-2"]); // notes are searched
      expect(await ids("gateway s3")).toEqual(["EA-3"]);
      expect(await ids("payments vpc")).toEqual([]);
      expect(await ids('"; DROP TABLE decision; -- & | ! :*')).toEqual([]);
      expect(await ids("")).toEqual(["EA-3", "EA-2", "EA-1"]);
    });
  });

  describe("recheck and exports", () => {
    it("stream every decision of a workspace, oldest first, in batches", async () => {
      await store.saveDecisions(
        Array.from({ length: 1203 }, (_, n) => newDecision({ workspace: n % 3 ? "T1" : "T2" })),
      );
      const all = await collect(store.allDecisions("T1"));
      expect(all).toHaveLength(802);
      expect(all.map((d) => d.id).slice(0, 3)).toEqual(["EA-1", "EA-2", "EA-3"]);
      expect((await collect(store.allDecisions())).length).toBe(1203);
      const report = await recheck(store.allDecisions("T2"), storageQuestion().knowledge);
      expect(report.checked).toBe(401);
    });
  });

  describe("the outbox", () => {
    const toChannel: DeliveryTarget = {
      kind: "answer",
      channel: "C1",
      user: "U1",
      responseUrl: "https://hooks/1",
    };

    it("records a delivery with the decision, in the same transaction, only for a new decision", async () => {
      const saved = await store.saveDecision(newDecision({ dedupeKey: "k", delivery: toChannel }));
      expect(saved.delivery).toMatchObject({
        ...toChannel,
        decisionId: "EA-1",
        workspace: "T1",
        status: "pending",
      });
      const again = await store.saveDecision(newDecision({ dedupeKey: "k", delivery: toChannel }));
      expect(again).toMatchObject({ created: false, delivery: null });
      expect(await store.deliveries("T1", "EA-1")).toHaveLength(1);
      expect((await store.saveDecision(newDecision())).delivery).toBeNull();
    });

    it("leaves neither the decision nor its delivery when the save fails", async () => {
      const broken = newDecision({ delivery: { ...toChannel, user: null as unknown as string } });
      await expect(store.saveDecision(broken)).rejects.toThrow();
      expect((await listed(store, "T1")).items).toEqual([]);
      expect(await store.claimDeliveries()).toEqual([]);
    });

    it("hands each delivery to one claimer only, also across instances", async () => {
      for (let n = 0; n < 30; n += 1) await store.saveDecision(newDecision({ delivery: toChannel }));
      const other = await secondInstance();
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, n) => (n % 2 ? store : other).claimDeliveries({ limit: 5 })),
      );
      const ids = claims.flat().map((d) => d.id);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      expect(claims.flat().every((d) => d.attempts === 1 && d.status === "claimed")).toBe(true);
      expect(await store.claimDeliveries()).toEqual([]);
    });

    it("marks delivered with the posted message, and retries or gives up a failed one", async () => {
      await store.saveDecision(newDecision({ delivery: toChannel }));
      await store.saveDecision(newDecision({ delivery: { ...toChannel, channel: null } }));
      const [first, second] = await store.claimDeliveries();
      await store.markDelivered(first!.id, { channel: "C1", ts: "1700000000.000100" });
      expect(await store.getDecision("T1", "EA-1")).toMatchObject({
        messageChannel: "C1",
        messageTs: "1700000000.000100",
      });

      await store.markDeliveryFailed(
        second!.id,
        "chat.postMessage: ratelimited",
        new Date("2026-05-01T08:00:30Z"),
      );
      expect(await store.claimDeliveries()).toEqual([]); // not before its retry time
      clock = new Date("2026-05-01T08:00:31Z");
      const [retried] = await store.claimDeliveries();
      expect(retried).toMatchObject({
        id: second!.id,
        attempts: 2,
        lastError: "chat.postMessage: ratelimited",
      });
      await store.markDeliveryFailed(second!.id, "channel_not_found", null);
      clock = new Date("2026-05-02T00:00:00Z");
      expect(await store.claimDeliveries()).toEqual([]);
      expect((await store.deliveries("T1", "EA-2"))[0]).toMatchObject({
        status: "failed",
        lastError: "channel_not_found",
      });
      expect((await store.deliveries("T1", "EA-1"))[0]).toMatchObject({ status: "delivered" });
    });

    it("gives a delivery whose claimer died to the next claimer once the lease has run out", async () => {
      const { delivery } = await store.saveDecision(newDecision({ delivery: toChannel }));
      expect(await store.claimDeliveries({ id: delivery!.id, leaseMs: 30_000 })).toHaveLength(1);
      expect(await store.claimDeliveries({ id: delivery!.id })).toEqual([]);
      clock = new Date(clock.getTime() + 30_001);
      const [again] = await (await secondInstance()).claimDeliveries();
      expect(again).toMatchObject({ id: delivery!.id, attempts: 2 });
    });

    it("keeps deliveries to their workspace", async () => {
      await store.saveDecision(newDecision({ workspace: "T2", delivery: toChannel }));
      expect(await store.deliveries("T1", "EA-1")).toEqual([]);
      expect(await store.deliveries("T2", "EA-1")).toHaveLength(1);
    });
  });
});
