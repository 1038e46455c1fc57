import { describe, expect, it } from "vitest";
import { advise } from "../../src/advice/index.js";
import type { Advice } from "../../src/advice/index.js";
import { computeFacts } from "../../src/advice/facts.js";
import {
  APP_TRAFFIC_DIRECTIONS,
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
import { mulberry32 } from "../../bench/requirements-sample.js";

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
  appTrafficDirection: APP_TRAFFIC_DIRECTIONS,
  clientsInOtherNetworks: [false, true],
  onPremisesDnsResolution: [false, true],
  firewallInspection: [false, true],
  dns: DNS_SETUPS,
  // ICMP is the only protocol the knowledge looks at (a fact of its own); UDP and TCP are alike to it.
  protocols: [["tcp"], ["icmp"]],
  // No budget, or one every priced option exceeds: enough to show whether the budget verdict can move.
  monthlyBudgetUsd: [null, 1],
  dataGbPerMonth: [0, 5000],
  endpointCount: [1, 4],
  // Basic and Standard gate the same options, and Premium leaves them all as an unknown tier does.
  tier: [undefined, "standard"],
};
const VARIED = Object.keys(VALUES) as VariedField[];

describe("the questionnaire asks exactly the questions whose answer can change the advice", () => {
  for (const cloud of CLOUDS) {
    for (const target of TARGETS) {
      // Tens of thousands of answers: generous time, so a loaded machine cannot fail it.
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

/**
 * The fields questionsFor asks, both steps, with cloud, target and service answered, for some answers to
 * the questions others depend on (on-premises DNS is asked once on-premises reach is answered yes).
 */
function asked(cloud: Cloud, target: Requirements["target"], service: string | undefined): string[] {
  const fields = new Set<string>();
  for (const earlier of answersAskWhenLooksAt()) {
    const answers = { ...earlier, cloud, target, ...(service === undefined ? {} : { service }) };
    for (const step of STEPS) for (const q of questionsFor(step, answers, knowledge)) fields.add(q.field);
  }
  return [...fields].filter((f) => f !== "cloud" && f !== "target").sort();
}

/** Every combination of the values tried for the varied fields some question's askWhen names. */
function answersAskWhenLooksAt(): Partial<Requirements>[] {
  const named = new Set(
    knowledge.questionnaire.questions.flatMap((q) => [q.askWhen].flat().flatMap((c) => Object.keys(c))),
  );
  return VARIED.filter((field) => named.has(field)).reduce<Partial<Requirements>[]>(
    (combinations, field) =>
      combinations.flatMap((answers) => VALUES[field].map((value) => ({ ...answers, [field]: value }))),
    [{}],
  );
}

/**
 * The varied fields whose value changes the shown advice for some combination of the others. Every
 * combination is far too many (the product of all the answers' values is over 100,000 per kind of service),
 * so the others are a fixed sample: the defaults, then pseudo-random combinations from a fixed seed. A field
 * that mattered only for a conjunction of many other answers could be missed by the sample; the seed keeps
 * the verdict the same on every run, so such a miss shows as a steady failure, never as a flaky one.
 */
function fieldsThatMatter(
  cloud: Cloud,
  target: Requirements["target"],
  service: string | undefined,
): string[] {
  // Parsed once: the combinations only hold values the schema accepts, and parsing each would be slow.
  const base = RequirementsSchema.parse({ cloud, target, service });
  return VARIED.filter((field) =>
    SAMPLES.some((others) => {
      const shown = new Set(
        VALUES[field].map((value) => shownAdvice(advise({ ...base, ...others, [field]: value }, knowledge))),
      );
      return shown.size > 1;
    }),
  );
}

const SAMPLE_SIZE = 600;

/** The sample of other answers: the defaults first, then seeded pseudo-random picks of every varied field. */
const SAMPLES: Partial<Requirements>[] = (() => {
  const random = mulberry32(20261203);
  const picks = Array.from(
    { length: SAMPLE_SIZE },
    () =>
      Object.fromEntries(
        VARIED.map((field) => [field, VALUES[field][Math.floor(random() * VALUES[field].length)]]),
      ) as Partial<Requirements>,
  );
  return [{}, ...picks];
})();

/**
 * What a reader sees: the recommendation, the alternatives that answer this kind of connection, caveats,
 * cost, next steps and the budget verdict. The trace is how the tree got there, not advice of its own; the
 * budget figure itself is only repeated back; "what would change the answer" restates the answers that change
 * the recommendation, which the recommendation already counts.
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
