import { PassThrough } from "node:stream";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { RequirementsSchema } from "../../src/vocabulary/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

/** The answers a person types, by Requirements field; the mocked prompts look them up by question label. */
let script: Record<string, unknown> = {};
const asked: string[] = [];
const knowledge = loadKnowledge();
const labels = new Map(knowledge.questionnaire.questions.map((q) => [q.label, q.field]));

function answer(config: { message: string; default?: unknown }): Promise<unknown> {
  const label = [...labels.keys()].find((l) => config.message.startsWith(l));
  const field = labels.get(label ?? "") ?? "?";
  asked.push(field);
  return Promise.resolve(field in script ? script[field] : config.default);
}

vi.mock("@inquirer/prompts", () => ({
  select: answer,
  checkbox: answer,
  confirm: answer,
  number: answer,
  input: answer,
}));

const { askQuestions } = await import("../../src/cli/prompt.js");

const quiet = new PassThrough().resume();

describe("askQuestions", () => {
  beforeEach(() => {
    asked.length = 0;
  });

  it("asks only what matters for a storage account and returns valid Requirements", async () => {
    script = {
      cloud: "azure",
      target: "cloud-service",
      service: "azure-storage-blob",
      onPremisesAccess: true,
    };
    const answers = await askQuestions(knowledge, quiet);
    expect(asked.slice(0, 4)).toEqual(["cloud", "target", "service", "title"]);
    expect(asked).toContain("dns");
    expect(asked).not.toContain("transitiveRouting");
    expect(RequirementsSchema.safeParse(answers).success).toBe(true);
    expect(answers).toMatchObject({ onPremisesAccess: true, service: "azure-storage-blob" });
  });

  it("reads amounts as people write them: $50 is a budget of 50, and an empty budget is no limit", async () => {
    script = { cloud: "azure", target: "cloud-service", service: "azure-key-vault", monthlyBudgetUsd: "$50" };
    expect(await askQuestions(knowledge, quiet)).toMatchObject({ monthlyBudgetUsd: 50 });
    script = { ...script, monthlyBudgetUsd: "", dataGbPerMonth: "1,000 " };
    expect(await askQuestions(knowledge, quiet)).toMatchObject({
      monthlyBudgetUsd: null,
      dataGbPerMonth: 1000,
    });
  });

  it("skips the service and DNS questions for peering", async () => {
    script = { cloud: "azure", target: "virtual-network", transitiveRouting: true };
    const answers = await askQuestions(knowledge, quiet);
    expect(asked).not.toContain("service");
    expect(asked).not.toContain("dns");
    expect(asked).toContain("transitiveRouting");
    expect(RequirementsSchema.safeParse(answers).success).toBe(true);
  });

  it("asks nothing Azure-only on AWS, and the peered-network and cross-region questions for S3", async () => {
    script = { cloud: "aws", target: "cloud-service", service: "aws-s3" };
    const answers = await askQuestions(knowledge, quiet);
    expect(asked).toEqual([
      "cloud",
      "target",
      "service",
      "title",
      "onPremisesAccess",
      "crossRegion",
      "transitiveRouting",
      "endpointCount",
      "dataGbPerMonth",
      "monthlyBudgetUsd",
    ]);
    expect(RequirementsSchema.safeParse(answers).success).toBe(true);
  });

  it("asks one question in the second step for a service offered on Google Cloud", async () => {
    script = { cloud: "gcp", target: "own-service" };
    const answers = await askQuestions(knowledge, quiet);
    expect(asked).toEqual(["cloud", "target", "title", "onPremisesAccess"]);
    expect(RequirementsSchema.safeParse(answers).success).toBe(true);
  });
});
