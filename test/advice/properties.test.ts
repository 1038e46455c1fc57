import { describe, expect, it } from "vitest";
import type { CostBreakdown } from "../../src/advice/advice.js";
import { advise } from "../../src/advice/index.js";
import { knowledge } from "./advice-for.js";
import { sampleRequirements } from "../../bench/requirements-sample.js";

const samples = sampleRequirements(knowledge, 2000);

function expectConsistent(cost: CostBreakdown): void {
  for (const line of cost.lines) {
    expect(line.usd).toBeGreaterThanOrEqual(0);
    expect(line.quantity).toBeGreaterThanOrEqual(0);
    expect(line.usd).toBeCloseTo(line.quantity * line.unitPriceUsd, 4);
  }
  expect(cost.totalUsd).toBeCloseTo(
    cost.lines.reduce((sum, line) => sum + line.usd, 0),
    6,
  );
}

describe("advise over 2,000 generated requirements", () => {
  it("never throws, lists each option of the cloud once, and keeps costs consistent", () => {
    for (const requirements of samples) {
      const advice = advise(requirements, knowledge);
      const options = [advice.recommendation.option, ...advice.alternatives.map((a) => a.option)];
      expect(options.slice(1)).not.toContain(advice.recommendation.option);
      expect([...options].sort()).toEqual([...knowledge.optionsFor(requirements.cloud)].sort());
      expectConsistent(advice.cost);
      expect(advice.recommendation.monthlyCostUsd).toBe(advice.cost.totalUsd);
      for (const alternative of advice.alternatives) {
        expectConsistent(alternative.cost);
        expect(alternative.monthlyCostUsd).toBe(alternative.cost.totalUsd);
        expect(alternative.reasons.length).toBeGreaterThan(0);
        expect(alternative.sources).toHaveLength(alternative.reasons.length);
      }
      expect(advice.caveatSources).toHaveLength(advice.caveats.length);
      expect(advice.trace.length).toBeGreaterThan(1);
      if (!advice.recommendation.fits) expect(advice.caveats.length).toBeGreaterThan(0);
      if (advice.budget.cheaperFit !== null) {
        expect(advice.budget.cheaperFit.monthlyCostUsd).toBeLessThanOrEqual(
          requirements.monthlyBudgetUsd ?? -1,
        );
      }
      expect(JSON.stringify(advice)).not.toMatch(/undefined|\{\w+\}/);
    }
  });

  it("is deterministic and does not change its input", () => {
    for (const requirements of samples.slice(0, 300)) {
      const before = JSON.stringify(requirements);
      const first = advise(requirements, knowledge);
      expect(advise(requirements, knowledge)).toEqual(first);
      expect(JSON.stringify(requirements)).toBe(before);
    }
  });
});
