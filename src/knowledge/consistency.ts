import { FACT_VALUES, isFactName, OPTION_IDS, STEP_PLACEHOLDERS } from "../vocabulary/index.js";
import { KnowledgeError } from "./error.js";
import type { Questionnaire } from "./questionnaire-schema.js";
import type { Catalog, Condition, DecisionTree, OptionProfiles, Pricing, Service } from "./schemas.js";

interface Located<T> {
  file: string;
  data: T;
}

/**
 * Checks what zod cannot see inside one file: the files against each other and the tree as a graph.
 * Throws KnowledgeError "<file>: <json path>: <problem>" at the first problem.
 */
export function checkConsistency(files: {
  catalog: Located<Catalog>;
  pricing: Located<Pricing>;
  tree: Located<DecisionTree>;
  options: Located<OptionProfiles>;
  questionnaire: Located<Questionnaire>;
}): void {
  const fail = (where: Located<unknown>, path: string, problem: string): never => {
    throw new KnowledgeError(`${where.file}: ${path}: ${problem}`);
  };
  checkTree(files.tree.data, (path, problem) => fail(files.tree, path, problem));
  checkCatalog(files.catalog.data, files.options.data, (path, problem) => fail(files.catalog, path, problem));
  checkPricing(files.pricing.data, (path, problem) => fail(files.pricing, path, problem));
  checkOptions(files.options.data, (path, problem) => fail(files.options, path, problem));
  checkQuestionnaire(files.questionnaire.data, files.catalog.data, (path, problem) =>
    fail(files.questionnaire, path, problem),
  );
}

type Fail = (path: string, problem: string) => never;

function checkTree(tree: DecisionTree, fail: Fail): void {
  if (tree.nodes[tree.root] === undefined) fail("root", `no node "${tree.root}"`);
  for (const [id, node] of Object.entries(tree.nodes)) {
    if (node.kind !== "question") continue;
    const at = `nodes.${id}`;
    if (!isFactName(node.fact)) fail(`${at}.fact`, `unknown fact "${node.fact}" (known: ${knownFacts()})`);
    const values: readonly string[] = isFactName(node.fact) ? FACT_VALUES[node.fact] : [];
    const seen = new Set<string>();
    node.branches.forEach((branch, index) => {
      if (branch.when !== "*" && !values.includes(branch.when)) {
        fail(
          `${at}.branches[${index}].when`,
          `"${branch.when}" is not a value of ${node.fact} (${values.join(", ")})`,
        );
      }
      if (seen.has(branch.when)) fail(`${at}.branches[${index}].when`, `"${branch.when}" has two branches`);
      seen.add(branch.when);
      if (tree.nodes[branch.next] === undefined)
        fail(`${at}.branches[${index}].next`, `no node "${branch.next}"`);
    });
    const uncovered = values.filter((value) => !seen.has(value));
    if (!seen.has("*") && uncovered.length > 0) {
      fail(
        `${at}.branches`,
        `no branch for ${node.fact} = ${uncovered.map((v) => `"${v}"`).join(", ")} and no "*" branch`,
      );
    }
  }
  checkGraph(tree, fail);
}

/** Every node reachable from the root, and no path that comes back to a node it has passed. */
function checkGraph(tree: DecisionTree, fail: Fail): void {
  const done = new Set<string>();
  const onPath = new Set<string>();
  const visit = (id: string): void => {
    if (done.has(id)) return;
    onPath.add(id);
    const node = tree.nodes[id];
    if (node?.kind === "question") {
      node.branches.forEach((branch, index) => {
        if (onPath.has(branch.next))
          fail(`nodes.${id}.branches[${index}].next`, `cycle back to "${branch.next}"`);
        visit(branch.next);
      });
    }
    onPath.delete(id);
    done.add(id);
  };
  visit(tree.root);
  for (const id of Object.keys(tree.nodes)) {
    if (!done.has(id)) fail(`nodes.${id}`, `unreachable from root "${tree.root}"`);
  }
}

function checkCatalog(catalog: Catalog, options: OptionProfiles, fail: Fail): void {
  const ids = new Set<string>();
  const byId = new Map(catalog.services.map((service) => [service.id, service]));
  catalog.services.forEach((service, index) => {
    if (ids.has(service.id)) fail(`services[${index}].id`, `duplicate id "${service.id}"`);
    ids.add(service.id);
    checkRetirement(service, byId, `services[${index}].retired.successor`, fail);
    for (const option of Object.keys(service.support) as (keyof typeof service.support)[]) {
      const cloud = options.options[option].cloud;
      if (cloud !== service.cloud) {
        fail(
          `services[${index}].support.${option}`,
          `option of cloud ${cloud} on a ${service.cloud} service`,
        );
      }
      const tiers = service.support[option]?.requiresTier?.tiers ?? [];
      const unsold = tiers.filter((tier) => !(service.tiers ?? []).includes(tier));
      if (unsold.length > 0) {
        fail(
          `services[${index}].support.${option}.requiresTier.tiers`,
          `${unsold.join(", ")} is not among the service's tiers (${(service.tiers ?? []).join(", ") || "none listed"})`,
        );
      }
    }
  });
}

/** A retired service names a successor of the same cloud that is itself offered. */
function checkRetirement(service: Service, byId: Map<string, Service>, at: string, fail: Fail): void {
  if (service.retired === undefined) return;
  const successor = byId.get(service.retired.successor);
  if (successor === undefined) fail(at, `no service "${service.retired.successor}" in the catalog`);
  else if (successor.retired !== undefined) fail(at, `"${successor.id}" is retired too`);
  else if (successor.cloud !== service.cloud) fail(at, `"${successor.id}" is a ${successor.cloud} service`);
}

function checkPricing(pricing: Pricing, fail: Fail): void {
  for (const option of OPTION_IDS) {
    const priced = pricing.options[option];
    if (priced === undefined) {
      fail(
        `options.${option}`,
        `missing (use a "free" or "not-priced" component rather than leaving it out)`,
      );
      continue;
    }
    priced.components.forEach((component, index) => {
      if (component.when) checkCondition(component.when, `options.${option}.components[${index}].when`, fail);
      if (component.kind !== "per-gb-tiered") return;
      let previous = 0;
      component.tiers.forEach((tier, tierIndex) => {
        const at = `options.${option}.components[${index}].tiers[${tierIndex}].upToGb`;
        const last = tierIndex === component.tiers.length - 1;
        if (last !== (tier.upToGb === null)) fail(at, "only the last tier has no limit (null), and it must");
        if (tier.upToGb !== null && tier.upToGb <= previous)
          fail(at, `must be above the previous tier's ${previous}`);
        previous = tier.upToGb ?? previous;
      });
    });
  }
}

function checkOptions(profiles: OptionProfiles, fail: Fail): void {
  for (const [option, profile] of Object.entries(profiles.options)) {
    const lists = {
      constraints: profile.constraints,
      caveats: profile.caveats,
      nextSteps: profile.nextSteps,
    };
    for (const [list, entries] of Object.entries(lists)) {
      entries.forEach((entry, index) =>
        checkCondition(entry.when, `options.${option}.${list}[${index}].when`, fail),
      );
    }
    for (const list of ["nextSteps", "caveats", "constraints"] as const) {
      profile[list].forEach((entry, index) =>
        checkPlaceholders(entry.text, `options.${option}.${list}[${index}].text`, fail),
      );
    }
    profile.nextSteps.forEach(({ furtherZones }, index) => {
      if (furtherZones !== undefined)
        checkPlaceholders(furtherZones, `options.${option}.nextSteps[${index}].furtherZones`, fail);
    });
  }
}

/**
 * Service choices are catalog ids: a question listing the catalog asks for `service`, static service
 * choices name catalog services, and every cloud the questionnaire offers has services to list.
 */
function checkQuestionnaire(questionnaire: Questionnaire, catalog: Catalog, fail: Fail): void {
  const ids = new Set(catalog.services.map((service) => service.id));
  const retired = new Set(catalog.services.filter((s) => s.retired !== undefined).map((s) => s.id));
  const clouds = new Set<string>(catalog.services.map((service) => service.cloud));
  const listsCatalog = questionnaire.questions.some((q) => q.choicesFrom === "catalog");
  questionnaire.questions.forEach((q, index) => {
    const at = `questions[${index}]`;
    if (q.choicesFrom === "catalog" && q.field !== "service") {
      fail(`${at}.choicesFrom`, `catalog ids are services, but the question asks for ${q.field}`);
    }
    q.choices.forEach((choice, i) => {
      if (q.field === "service" && !ids.has(choice.value))
        fail(`${at}.choices[${i}].value`, `no service "${choice.value}" in the catalog`);
      if (q.field === "service" && retired.has(choice.value))
        fail(`${at}.choices[${i}].value`, `"${choice.value}" is retired: offer its successor instead`);
      if (q.field === "cloud" && listsCatalog && !clouds.has(choice.value))
        fail(`${at}.choices[${i}].value`, `the catalog has no service of cloud "${choice.value}" to list`);
    });
  });
}

function checkPlaceholders(text: string, at: string, fail: Fail): void {
  for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
    if (!(STEP_PLACEHOLDERS as readonly string[]).includes(name ?? "")) {
      fail(at, `unknown placeholder {${name}} (known: ${STEP_PLACEHOLDERS.join(", ")})`);
    }
  }
}

function checkCondition(condition: Condition, at: string, fail: Fail): void {
  for (const [fact, expected] of Object.entries(condition)) {
    if (!isFactName(fact)) fail(`${at}.${fact}`, `unknown fact (known: ${knownFacts()})`);
    const values: readonly string[] = isFactName(fact) ? FACT_VALUES[fact] : [];
    for (const value of [expected].flat()) {
      if (!values.includes(value))
        fail(`${at}.${fact}`, `"${value}" is not a value of ${fact} (${values.join(", ")})`);
    }
  }
}

function knownFacts(): string {
  return Object.keys(FACT_VALUES).join(", ");
}
