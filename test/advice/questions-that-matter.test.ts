import { describe, expect, it } from "vitest";
import { advise } from "../../src/advice/index.js";
import type { Advice } from "../../src/advice/index.js";
import { computeFacts } from "../../src/advice/facts.js";
import {
  CLOUDS,
  type Cloud,
  DNS_SETUPS,
  RequirementsSchema,
  TARGETS,
  type Requirements,
  type RequirementsInput,
} from "../../src/vocabulary/index.js";
import { questionsFor, STEPS } from "../../src/advice/questionnaire.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

/**
 * "Only the questions that matter": for each cloud and target, a question is asked exactly when its answer can
 * change the advice shown. Every combination of the other answers below is tried, so an answer that changes
 * the advice only together with others (DNS only once a private endpoint is recommended) still counts.
 * The title names the decision in the history, not the advice, and is always asked.
 */
const knowledge = loadKnowledge();

/**
 * The inbound/outbound split is not a question: it refines the monthly GB for the cost where a script or the
 * quick command knows it, and the cost lines say which split was assumed.
 */
type VariedField = Exclude<
  keyof RequirementsInput,
  "cloud" | "target" | "service" | "title" | "dataGbInboundPerMonth" | "dataGbOutboundPerMonth"
>;

/** The values tried per answer: both for yes/no, each choice, no number and two numbers. */
const VALUES: Record<VariedField, readonly unknown[]> = {
  onPremisesAccess: [false, true],
  disablePublicAccess: [false, true],
  exfiltrationProtection: [false, true],
  crossRegion: [false, true],
  crossTenant: [false, true],
  overlappingAddressSpaces: [false, true],
  transitiveRouting: [false, true],
  dns: DNS_SETUPS,
  protocols: [["tcp"], ["udp"], ["icmp"]],
  monthlyBudgetUsd: [null, 1, 1000],
  dataGbPerMonth: [0, 5000],
  endpointCount: [1, 4],
  // Basic and Standard gate the same options, and Premium leaves them all as an unknown tier does.
  tier: [undefined, "standard"],
};
const VARIED = Object.keys(VALUES) as VariedField[];

describe("the questionnaire asks exactly the questions whose answer can change the advice", () => {
  for (const cloud of CLOUDS) {
    for (const target of TARGETS) {
      // Thousands of answers per kind of service: generous time, so a loaded machine cannot fail it.
      it(`${cloud}, ${target}`, { timeout: 120_000 }, () => {
        const services = target === "cloud-service" ? knowledge.offeredServices(cloud).map((s) => s.id) : [];
        const kindOf = services.length > 0 ? kindsOf(cloud, services) : new Map([[undefined, undefined]]);
        const matteringFor = new Map(
          [...new Set(kindOf.values())].map((kind) => [kind, fieldsThatMatter(cloud, target, kind)]),
        );
        // A question asked for the cloud and target matters when it can change the advice for any of
        // their services; one asked only for some services (askWhen names the service), for that service.
        const mattering = new Set([...matteringFor.values()].flat().filter((f) => !PER_SERVICE.has(f)));
        if (services.length > 1) mattering.add("service");
        for (const [service, kind] of kindOf) {
          const own = (matteringFor.get(kind) ?? []).filter((f) => PER_SERVICE.has(f));
          expect(asked(cloud, target, service), service ?? target).toEqual(
            [...mattering, ...own, "title"].sort(),
          );
        }
      });
    }
  }
});

/** Words that belong to one cloud; a hint naming none fits every cloud. */
const CLOUD_TERMS: Record<Cloud, RegExp> = {
  azure: /Azure|ExpressRoute|VNet|Entra|private endpoint|West Europe/i,
  aws: /AWS|Amazon|Direct Connect|VPC|Availability Zone/i,
  gcp: /Google|Cloud Interconnect|Cloud VPN/i,
};

describe("a hint names the terms of every cloud it is asked for, or of none", () => {
  for (const question of knowledge.questionnaire.questions) {
    it(question.field, () => {
      const askedFor = CLOUDS.filter((cloud) =>
        TARGETS.some((target) => {
          const services = target === "cloud-service" ? knowledge.offeredServices(cloud) : [undefined];
          return services.some((service) => asked(cloud, target, service?.id).includes(question.field));
        }),
      );
      const named = CLOUDS.filter((cloud) => CLOUD_TERMS[cloud].test(question.hint));
      expect(named.length === 0 ? askedFor : named, question.hint).toEqual(askedFor);
    });
  }
});

/** The fields whose question names the service in askWhen: asked for some services of a cloud only. */
const PER_SERVICE = new Set<string>(
  knowledge.questionnaire.questions
    .filter((q) => [q.askWhen].flat().some((condition) => "service" in condition))
    .map((q) => q.field),
);

/**
 * Each service with the one service standing for its kind: services alike in catalog facts (which options
 * they support, in which tiers, same-region-only service endpoints) need the same answers, as the rest of
 * a service's entry is wording fixed per option.
 */
function kindsOf(cloud: Cloud, services: string[]): Map<string | undefined, string | undefined> {
  const byFacts = new Map<string, string>();
  const kindOf = new Map<string | undefined, string | undefined>();
  for (const service of services) {
    const facts = [false, true].flatMap((crossRegion) =>
      VALUES.tier.map((tier) =>
        computeFacts(
          RequirementsSchema.parse({ cloud, target: "cloud-service", service, crossRegion, tier }),
          knowledge,
        ),
      ),
    );
    const kind = JSON.stringify(facts);
    if (!byFacts.has(kind)) byFacts.set(kind, service);
    kindOf.set(service, byFacts.get(kind));
  }
  return kindOf;
}

/** The fields questionsFor asks, both steps, with cloud, target and service answered. */
function asked(cloud: Cloud, target: Requirements["target"], service: string | undefined): string[] {
  const answers = { cloud, target, ...(service === undefined ? {} : { service }) };
  const fields = STEPS.flatMap((step) => questionsFor(step, answers, knowledge).map((q) => q.field));
  return fields.filter((f) => f !== "cloud" && f !== "target").sort();
}

/**
 * The varied fields whose value changes the shown advice for some combination of the others: the advice is
 * computed once per combination, then compared between combinations that differ in that field alone.
 */
function fieldsThatMatter(
  cloud: Cloud,
  target: Requirements["target"],
  service: string | undefined,
): string[] {
  // Parsed once: the combinations only hold values the schema accepts, and parsing each would be slow.
  const base = RequirementsSchema.parse({ cloud, target, service });
  const shown = COMBINATIONS.map((answers) => shownAdvice(advise({ ...base, ...answers }, knowledge)));
  return VARIED.filter((field, f) => {
    // Combination i has value digit(i, f) of field f; zeroing that digit names the other answers.
    const firstSeen = new Map<number, string>();
    return shown.some((advice, i) => {
      const others = i - digit(i, f) * STRIDES[f]!;
      const seen = firstSeen.get(others);
      if (seen === undefined) firstSeen.set(others, advice);
      return seen !== undefined && seen !== advice;
    });
  });
}

/** Combination i, in mixed radix: the last varied field changes fastest. */
const STRIDES = VARIED.map((_, f) => VARIED.slice(f + 1).reduce((n, later) => n * VALUES[later].length, 1));
const COUNT = STRIDES[0]! * VALUES[VARIED[0]!].length;
const COMBINATIONS = Array.from(
  { length: COUNT },
  (_, i) =>
    Object.fromEntries(
      VARIED.map((field, f) => [field, VALUES[field][digit(i, f)]]),
    ) as Partial<Requirements>,
);

function digit(i: number, f: number): number {
  return Math.floor(i / STRIDES[f]!) % VALUES[VARIED[f]!].length;
}

/**
 * What a reader sees: the recommendation, the alternatives that answer this kind of connection, caveats,
 * cost, next steps and the budget verdict. The trace is how the tree got there, not advice of its own; the
 * budget figure itself is only repeated back.
 */
function shownAdvice(advice: Advice): string {
  return JSON.stringify({
    recommendation: advice.recommendation,
    alternatives: advice.alternatives.filter((a) => a.appliesToTarget),
    caveats: advice.caveats,
    caveatSources: advice.caveatSources,
    cost: advice.cost,
    nextSteps: advice.nextSteps,
    budget: { withinBudget: advice.budget.withinBudget, cheaperFit: advice.budget.cheaperFit },
  });
}
