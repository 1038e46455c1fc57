import { describe, expect, it } from "vitest";
import { advise, parseRequirements } from "../../../src/advice/index.js";
import type { Advice } from "../../../src/advice/index.js";
import { CLOUDS, TARGETS } from "../../../src/vocabulary/index.js";
import { knowledge } from "../advice-for.js";
import { AWS_SCENARIOS } from "./aws.js";
import { AZURE_SCENARIOS } from "./azure.js";
import { GCP_SCENARIOS } from "./gcp.js";
import type { Expected, Refused, Scenario } from "./scenario.js";

const SCENARIOS: Scenario[] = [...AZURE_SCENARIOS, ...AWS_SCENARIOS, ...GCP_SCENARIOS];

describe("scenarios: questions engineers ask, answered as the documentation says", () => {
  it("the suite covers at least 80 questions, every cloud and every target", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(80);
    for (const cloud of CLOUDS) {
      for (const target of TARGETS) {
        const covered = SCENARIOS.some(
          (s) => (s.requirements["cloud"] ?? "azure") === cloud && s.requirements["target"] === target,
        );
        expect(covered, `${cloud} ${target}`).toBe(true);
      }
    }
    expect(new Set(SCENARIOS.map((s) => s.question)).size, "each question once").toBe(SCENARIOS.length);
  });

  for (const scenario of SCENARIOS) {
    it(scenario.question, () => {
      const mismatches = mismatchesOf(scenario);
      const report = [
        `"${scenario.question}"`,
        ...mismatches.map((m) => `  - ${m}`),
        `  documented at: ${scenario.doc.title} <${scenario.doc.url}>`,
      ].join("\n");
      expect(mismatches, report).toEqual([]);
    });
  }
});

/** Every way the real knowledge and advise() differ from what the scenario's page says. */
function mismatchesOf(scenario: Scenario): string[] {
  const parsed = parseRequirements(scenario.requirements, knowledge);
  if ("refused" in scenario.expect) return refusalMismatches(scenario.expect, parsed);
  if (!parsed.ok) return [`requirements refused: ${JSON.stringify(parsed.errors)}`];
  return answerMismatches(scenario.expect, advise(parsed.value, knowledge));
}

function refusalMismatches(expected: Refused, parsed: ReturnType<typeof parseRequirements>): string[] {
  if (parsed.ok)
    return [`expected the requirements to be refused on ${expected.refused.field}; they were accepted`];
  const error = parsed.errors.find((e) => e.field === expected.refused.field);
  if (error === undefined)
    return [`expected a message on ${expected.refused.field}, got ${JSON.stringify(parsed.errors)}`];
  return expected.refused.says.test(error.message)
    ? []
    : [
        `the message on ${expected.refused.field} should match ${String(expected.refused.says)}: "${error.message}"`,
      ];
}

function answerMismatches(expected: Expected, advice: Advice): string[] {
  const { recommendation } = advice;
  const mismatches: string[] = [];
  if (recommendation.option !== expected.option)
    mismatches.push(`expected option ${expected.option}, got ${recommendation.option}`);
  if (recommendation.fits !== expected.fits)
    mismatches.push(`expected fits ${String(expected.fits)}, got ${String(recommendation.fits)}`);
  if (Math.abs(recommendation.monthlyCostUsd - expected.monthlyCostUsd) >= 0.005)
    mismatches.push(`expected $${expected.monthlyCostUsd} a month, got $${recommendation.monthlyCostUsd}`);
  if (expected.withinBudget !== undefined && advice.cost.withinBudget !== expected.withinBudget)
    mismatches.push(
      `expected withinBudget ${String(expected.withinBudget)}, got ${String(advice.cost.withinBudget)}`,
    );
  for (const [option, fits] of Object.entries(expected.alternatives ?? {})) {
    const alternative = advice.alternatives.find((a) => a.option === option);
    if (alternative === undefined) mismatches.push(`expected ${option} among the alternatives`);
    else if (alternative.fits !== fits)
      mismatches.push(`expected alternative ${option} fits ${String(fits)}, got ${String(alternative.fits)}`);
  }
  const told = [...recommendation.reasons, ...advice.caveats, ...advice.nextSteps].join("\n");
  for (const pattern of expected.says ?? []) {
    if (!pattern.test(told)) mismatches.push(`the answer should say ${String(pattern)}`);
  }
  return mismatches;
}
