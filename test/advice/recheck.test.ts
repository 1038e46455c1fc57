import { describe, expect, it } from "vitest";
import type { Advice } from "../../src/advice/advice.js";
import { recheck, type StoredAdvice } from "../../src/advice/recheck.js";
import { storageQuestion } from "../store/new-decision.js";

const { requirements, advice, knowledge } = storageQuestion();
const oldVersions = {
  tree: "2025-01-01",
  catalog: "2025-01-01",
  pricing: "2025-01-01",
  options: "2025-01-01",
};

function stored(id: string, change: (advice: Advice) => Advice = (a) => a): StoredAdvice {
  return { id, title: `decision ${id}`, requirements, advice: change(structuredClone(advice)) };
}

describe("recheck", () => {
  it("reports nothing when today's knowledge gives the same answer", async () => {
    expect(await recheck([stored("EA-1"), stored("EA-2")], knowledge)).toEqual({
      checked: 2,
      versions: knowledge.versions,
      drifted: [],
    });
  });

  it("lists a changed recommendation and cost with the old and new versions", async () => {
    const old = stored("EA-3", (a) => ({
      ...a,
      recommendation: { ...a.recommendation, option: "service-endpoint", monthlyCostUsd: 0 },
      versions: oldVersions,
    }));
    const report = await recheck([stored("EA-1"), old], knowledge);

    expect(report.drifted).toEqual([
      {
        id: "EA-3",
        title: "decision EA-3",
        changes: ["option", "cost"],
        before: { option: "service-endpoint", monthlyCostUsd: 0, withinBudget: true, versions: oldVersions },
        after: {
          option: "private-endpoint",
          monthlyCostUsd: 2055.3,
          withinBudget: true,
          versions: knowledge.versions,
        },
        errors: [],
        step: null,
        prices: [],
        retired: null,
      },
    ]);
  });

  // A decision saved when the tree answered on-premises reach differently: the report names that step.
  it("names the first step of the tree's path answered differently: the fact that moved", async () => {
    const old = stored("EA-5", (a) => {
      const onPrem = a.trace.findIndex(
        (step) =>
          step.question === "Must it be reachable from on-premises (ExpressRoute or site-to-site VPN)?",
      );
      a.trace[onPrem] = { ...a.trace[onPrem]!, answer: "No" };
      return { ...a, recommendation: { ...a.recommendation, option: "service-endpoint", monthlyCostUsd: 0 } };
    });
    const [drift] = (await recheck([old], knowledge)).drifted;
    expect(drift?.step).toEqual({
      question: "Must it be reachable from on-premises (ExpressRoute or site-to-site VPN)?",
      before: "No",
      after: "Yes",
    });
  });

  // Azure Private Link pricing (https://azure.microsoft.com/en-us/pricing/details/private-link/): $0.01 an
  // endpoint-hour today; a decision saved at another figure shows the old and new unit price.
  it("names a price that moved, with its old and new figures", async () => {
    const old = stored("EA-6", (a) => {
      const hours = a.cost.lines.findIndex((line) => line.unit === "endpoint-hour");
      a.cost.lines[hours] = { ...a.cost.lines[hours]!, unitPriceUsd: 0.02, usd: 14.6 };
      return { ...a, recommendation: { ...a.recommendation, monthlyCostUsd: 2062.6 } };
    });
    const [drift] = (await recheck([old], knowledge)).drifted;
    expect(drift?.changes).toEqual(["cost"]);
    expect(drift?.prices).toEqual([
      {
        item: expect.stringMatching(/endpoint/i) as unknown,
        unit: "endpoint-hour",
        beforeUsd: 0.02,
        afterUsd: 0.01,
      },
    ]);
    expect(drift?.step).toBeNull();
  });

  // What's happening to Azure Database for PostgreSQL single server? (learn.microsoft.com): retired on
  // 2025-03-28, successor flexible server; the re-check answers for the successor.
  it("flags a decision about a retired service with its date and successor, answered for the successor", async () => {
    const single = {
      ...stored("EA-7"),
      requirements: { ...requirements, service: "azure-postgresql-single-server" },
    };
    const [drift] = (await recheck([single], knowledge)).drifted;
    expect(drift?.changes[0]).toBe("retired");
    expect(drift?.retired).toMatchObject({
      service: "azure-postgresql-single-server",
      date: "2025-03-28",
      successor: "azure-postgresql-flexible-server",
      successorName: knowledge.findService("azure-postgresql-flexible-server")?.name,
      source: { url: expect.stringContaining("whats-happening-to-postgresql-single-server") as unknown },
    });
    expect(drift?.after?.option).toBe("private-endpoint");
    expect(drift?.errors).toEqual([]);
  });

  it("ignores a cost difference below a cent and reports a budget verdict that flipped", async () => {
    const report = await recheck(
      [
        stored("EA-1", (a) => ({ ...a, recommendation: { ...a.recommendation, monthlyCostUsd: 2055.301 } })),
        stored("EA-2", (a) => ({ ...a, cost: { ...a.cost, withinBudget: false } })),
      ],
      knowledge,
    );
    expect(report.drifted.map((d) => [d.id, d.changes])).toEqual([["EA-2", ["budget"]]]);
  });

  it("reports requirements that today's catalog no longer accepts", async () => {
    const retired = { ...stored("EA-4"), requirements: { ...requirements, service: "azure-retired-store" } };
    const [drift] = (await recheck([retired], knowledge)).drifted;

    expect(drift).toMatchObject({ id: "EA-4", changes: ["requirements"], after: null });
    expect(drift?.errors).toEqual([expect.objectContaining({ field: "service" })]);
  });
});
