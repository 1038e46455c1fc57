import { describe, expect, it } from "vitest";
import { advise } from "../../src/advice/index.js";
import type { Advice } from "../../src/advice/index.js";
import { RequirementsSchema, type Requirements } from "../../src/vocabulary/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { exportDecisions, renderAdvice, renderDecision, renderSlackAnswer } from "../../src/render/index.js";
import type { Decision } from "../../src/store/index.js";
import { advice as fixture, requirements as fixtureRequirements } from "../fixtures/advice.js";

/**
 * What a person reads names its sources by public page title and link: never a source document's file name
 * (000_….txt), never "the seed". Every rendered format is scanned, for an answer about every service and
 * for a decision saved before sources had titles (its sources are file names).
 */
const knowledge = loadKnowledge();
const FILE_NAME = /\d{3}_[0-9a-f]{16}\.txt/;
const SEED = /\bseeds?\b/i;

const answers: { advice: Advice; requirements: Requirements }[] = [
  { advice: fixture, requirements: fixtureRequirements },
  ...knowledge.offeredServices().flatMap((service) =>
    [false, true].map((onPremisesAccess) => {
      const requirements = RequirementsSchema.parse({
        cloud: service.cloud,
        target: "cloud-service",
        service: service.id,
        onPremisesAccess,
        monthlyBudgetUsd: 1,
      });
      return { advice: advise(requirements, knowledge), requirements };
    }),
  ),
  ...(["own-service", "virtual-network"] as const).map((target) => {
    const requirements = RequirementsSchema.parse({ target });
    return { advice: advise(requirements, knowledge), requirements };
  }),
];

async function renderedFormats({ advice, requirements }: (typeof answers)[number]): Promise<string[]> {
  const decision = { ...DECISION, advice, requirements, versions: advice.versions } as Decision;
  return [
    ...(["text", "markdown"] as const).map((format) => renderAdvice(advice, requirements, format, knowledge)),
    ...Object.values(renderSlackAnswer(advice, requirements, knowledge))
      .flat()
      .map(String),
    renderDecision(decision, [], "text", knowledge),
    renderDecision(decision, [], "markdown", knowledge),
    await exported(decision, "markdown"),
    await exported(decision, "csv"),
  ];
}

async function exported(decision: Decision, format: "markdown" | "csv"): Promise<string> {
  let out = "";
  for await (const chunk of exportDecisions([decision], () => Promise.resolve([]), format, knowledge))
    out += chunk;
  return out;
}

describe("no rendered answer shows a source file name or the word seed", () => {
  it.each(answers.map((answer, i) => [answer.requirements.service ?? answer.requirements.target, i]))(
    "%s (#%i)",
    async (_, i) => {
      for (const out of await renderedFormats(answers[i]!)) {
        expect(out).not.toMatch(FILE_NAME);
        expect(out).not.toMatch(SEED);
      }
    },
  );

  it("shows a titled source as its title and link in each format", () => {
    const { advice, requirements } = answers.find(
      (a) => a.requirements.service === "azure-service-bus" && a.requirements.onPremisesAccess,
    )!;
    const page = "https://learn.microsoft.com/en-us/azure/service-bus-messaging/private-link-service";
    const title = "Allow access to Azure Service Bus namespaces via private endpoints";
    expect(renderAdvice(advice, requirements, "text", knowledge)).toContain(`(source: ${title}, ${page})`);
    expect(renderAdvice(advice, requirements, "markdown", knowledge)).toContain(
      `(source: [${title}](${page}))`,
    );
    const slack = renderSlackAnswer(advice, requirements, knowledge).details.join("\n");
    expect(slack).toContain(`(source: <${page}|${title}>)`);
  });
});

const DECISION = {
  id: "EA-1",
  workspace: "T1",
  channel: "C1",
  author: "U1",
  createdAt: "2026-03-01T09:30:00.000Z",
  title: "A decision",
  option: "private-endpoint",
  service: null,
  monthlyCostUsd: 0,
  rendered: "stored answer",
  status: "proposed",
  supersededBy: null,
  supersedes: null,
  notes: "",
  messageChannel: null,
  messageTs: null,
};
