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
      },
    ]);
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
