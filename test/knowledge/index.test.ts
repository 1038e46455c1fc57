import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { corruptCopy, failure } from "./data-copy.js";

const DESIGN_SERVICE_IDS = [
  "azure-storage-blob",
  "azure-storage-file",
  "azure-sql-database",
  "azure-cosmos-db",
  "azure-key-vault",
  "azure-service-bus",
  "azure-event-hubs",
  "azure-app-service",
  "azure-container-registry",
  "azure-log-analytics",
  "aws-s3",
  "aws-dynamodb",
  "aws-sqs",
  "aws-secrets-manager",
  "gcp-cloud-storage",
  "gcp-bigquery",
];

describe("loadKnowledge on the shipped data", () => {
  const knowledge = loadKnowledge();

  it("collects each file's version", () => {
    expect(knowledge.versions).toEqual({
      tree: knowledge.tree.version,
      catalog: knowledge.catalog.version,
      pricing: knowledge.pricing.version,
      options: knowledge.options.version,
      questionnaire: knowledge.questionnaire.version,
    });
    expect(knowledge.versions.tree).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it("has every catalog id of DESIGN.md §2", () => {
    for (const id of DESIGN_SERVICE_IDS) expect(knowledge.findService(id)?.id, id).toBe(id);
    expect(knowledge.findService("azure-storge-blob")).toBeUndefined();
  });

  it("lists services and options per cloud", () => {
    expect(knowledge.servicesFor("aws").map((s) => s.id)).toEqual(
      expect.arrayContaining(["aws-s3", "aws-dynamodb", "aws-sqs", "aws-secrets-manager"]),
    );
    expect(knowledge.servicesFor("gcp").every((s) => s.cloud === "gcp")).toBe(true);
    expect(knowledge.optionsFor("aws")).toEqual([
      "aws-gateway-endpoint",
      "aws-interface-endpoint",
      "aws-vpc-peering",
      "aws-transit-gateway",
    ]);
    expect(knowledge.optionsFor("azure")).toHaveLength(8);
  });

  // Azure virtual network service endpoints (no Log Analytics among the services); What is a private
  // endpoint? (Azure Monitor Private Link Scope, sub-resource azuremonitor).
  it("records Log Analytics as Private Link only, through AMPLS", () => {
    const logAnalytics = knowledge.findService("azure-log-analytics");
    expect(logAnalytics?.support["service-endpoint"]?.supported).toBe(false);
    expect(logAnalytics?.support["private-endpoint"]?.note).toMatch(/Azure Monitor Private Link Scope/);
    expect(logAnalytics?.support["private-endpoint"]?.dnsZones).toContain("privatelink.monitor.azure.com");
  });

  it("records the service endpoint conditions of the overview page", () => {
    expect(knowledge.findService("azure-service-bus")?.support["service-endpoint"]?.note).toMatch(/Premium/);
    expect(knowledge.findService("azure-container-registry")?.support["service-endpoint"]?.note).toMatch(
      /preview/,
    );
    expect(knowledge.findService("azure-sql-database")?.support["service-endpoint"]?.sameRegionOnly).toBe(
      true,
    );
    expect(knowledge.findService("azure-storage-blob")?.support["service-endpoint"]?.serviceTag).toBe(
      "Microsoft.Storage",
    );
  });

  it("cites an official https page for every source", () => {
    const sources = collectSources([knowledge.catalog, knowledge.pricing, knowledge.tree, knowledge.options]);
    expect(sources.length).toBeGreaterThan(100);
    for (const source of sources) {
      expect(source).toMatch(
        /^https:\/\/(learn\.microsoft\.com|azure\.microsoft\.com|docs\.aws\.amazon\.com|aws\.amazon\.com|cloud\.google\.com)\//,
      );
    }
  });
});

describe("loadKnowledge rejects corrupt data with file and JSON path", () => {
  const onprem = ["nodes", "q-azure-onprem"];

  it("a leaf naming an unknown option", () => {
    const dir = corruptCopy("tree.json", {
      path: ["nodes", "leaf-service-endpoint", "option"],
      value: "magic",
    });
    expect(failure(dir)).toMatch(/tree\.json: nodes\.leaf-service-endpoint\.option: /);
  });

  it("a next naming no node", () => {
    const dir = corruptCopy("tree.json", { path: [...onprem, "branches", 1, "next"], value: "leaf-x" });
    expect(failure(dir)).toContain('tree.json: nodes.q-azure-onprem.branches[1].next: no node "leaf-x"');
  });

  it("a question whose branches miss a value of a boolean fact", () => {
    const dir = corruptCopy("tree.json", { path: [...onprem, "branches", 1], remove: true });
    expect(failure(dir)).toContain(
      'tree.json: nodes.q-azure-onprem.branches: no branch for onPremisesAccess = "false" and no "*" branch',
    );
  });

  it("a question whose branches miss a value of an enum fact", () => {
    const dir = corruptCopy("tree.json", { path: ["nodes", "q-cloud", "branches", 2], remove: true });
    expect(failure(dir)).toContain('nodes.q-cloud.branches: no branch for cloud = "gcp"');
  });

  it("accepts a '*' branch in place of the missing values", () => {
    const dir = corruptCopy(
      "tree.json",
      { path: [...onprem, "branches", 1], remove: true },
      { path: [...onprem, "branches", 0, "when"], value: "*" },
      { path: ["nodes", "q-azure-public"], remove: true },
      { path: ["nodes", "q-azure-exfil"], remove: true },
      { path: ["nodes", "q-azure-firewall"], remove: true },
      { path: ["nodes", "q-azure-region"], remove: true },
    );
    expect(() => loadKnowledge(dir)).not.toThrow();
  });

  it("a branch value the fact cannot take", () => {
    const dir = corruptCopy("tree.json", { path: [...onprem, "branches", 0, "when"], value: "yes" });
    expect(failure(dir)).toContain(
      'nodes.q-azure-onprem.branches[0].when: "yes" is not a value of onPremisesAccess',
    );
  });

  it("a question on an unknown fact", () => {
    const dir = corruptCopy("tree.json", { path: [...onprem, "fact"], value: "moonPhase" });
    expect(failure(dir)).toContain('nodes.q-azure-onprem.fact: unknown fact "moonPhase"');
  });

  it("an unreachable node", () => {
    const orphan = {
      kind: "leaf",
      option: "vnet-peering",
      reason: "none",
      source: { title: "A page", url: "https://learn.microsoft.com/en-us/azure/" },
    };
    const dir = corruptCopy("tree.json", { path: ["nodes", "leaf-orphan"], value: orphan });
    expect(failure(dir)).toContain('tree.json: nodes.leaf-orphan: unreachable from root "q-cloud"');
  });

  it("a cycle", () => {
    const dir = corruptCopy("tree.json", {
      path: ["nodes", "q-azure-exfil", "branches", 1, "next"],
      value: "q-azure-onprem",
    });
    expect(failure(dir)).toContain('nodes.q-azure-exfil.branches[1].next: cycle back to "q-azure-onprem"');
  });

  it("a root naming no node", () => {
    const dir = corruptCopy("tree.json", { path: ["root"], value: "q-start" });
    expect(failure(dir)).toContain('tree.json: root: no node "q-start"');
  });

  it("a catalog service with support for an option of another cloud", () => {
    const dir = corruptCopy("catalog.json", {
      path: ["services", 0, "support", "aws-gateway-endpoint"],
      value: {
        supported: true,
        source: { title: "Gateway endpoints", url: "https://docs.aws.amazon.com/x" },
      },
    });
    expect(failure(dir)).toContain(
      "catalog.json: services[0].support.aws-gateway-endpoint: option of cloud aws on a azure service",
    );
  });

  it("a duplicate service id", () => {
    const dir = corruptCopy("catalog.json", { path: ["services", 1, "id"], value: "azure-storage-blob" });
    expect(failure(dir)).toContain('catalog.json: services[1].id: duplicate id "azure-storage-blob"');
  });

  it("a priced option that does not exist", () => {
    const dir = corruptCopy("pricing.json", {
      path: ["options", "magic-endpoint"],
      value: { components: [{ kind: "free", item: "x", source: "nowhere.txt" }] },
    });
    expect(failure(dir)).toMatch(/pricing\.json: options: .*magic-endpoint/);
  });

  it("an option left out of the price list", () => {
    const dir = corruptCopy("pricing.json", { path: ["options", "vnet-peering"], remove: true });
    expect(failure(dir)).toContain("pricing.json: options.vnet-peering: missing");
  });

  it("price tiers out of order", () => {
    const tier = ["options", "private-endpoint", "components", 1, "tiers", 1, "upToGb"];
    const dir = corruptCopy("pricing.json", { path: tier, value: 10 });
    expect(failure(dir)).toContain(
      "pricing.json: options.private-endpoint.components[1].tiers[1].upToGb: must be above the previous tier's 1048576",
    );
  });

  it("a negative price", () => {
    const price = ["options", "private-endpoint", "components", 0, "unitPriceUsd"];
    const dir = corruptCopy("pricing.json", { path: price, value: -1 });
    expect(failure(dir)).toMatch(/pricing\.json: options\.private-endpoint\.components\[0\]\.unitPriceUsd: /);
  });

  it("an option profile condition on an unknown fact", () => {
    const when = ["options", "service-endpoint", "constraints", 0, "when"];
    const dir = corruptCopy("options.json", { path: when, value: { moonPhase: "full" } });
    expect(failure(dir)).toContain(
      "options.json: options.service-endpoint.constraints[0].when.moonPhase: unknown fact",
    );
  });

  it("a next step with an unknown placeholder", () => {
    const step = ["options", "service-endpoint", "nextSteps", 0, "text"];
    const dir = corruptCopy("options.json", { path: step, value: "az network {subnetName}" });
    expect(failure(dir)).toContain(
      "options.json: options.service-endpoint.nextSteps[0].text: unknown placeholder {subnetName}",
    );
  });

  const files = ["catalog.json", "pricing.json", "tree.json", "options.json", "questionnaire.json"];

  it.each(files)("%s without a version", (file) => {
    const dir = corruptCopy(file, { path: ["version"], remove: true });
    expect(failure(dir)).toContain(`${file}: version: `);
  });

  it.each(files)("%s that is not JSON", (file) => {
    const dir = corruptCopy(file);
    writeFileSync(join(dir, file), "{ nope");
    expect(failure(dir)).toContain(`${file}: cannot read JSON: `);
  });
});

/** Every "source" and "pricingPage" value anywhere in the knowledge files. */
function collectSources(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(collectSources);
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    key === "pricingPage" && typeof value === "string"
      ? [value]
      : key === "source"
        ? [String((value as { url: unknown }).url)]
        : collectSources(value),
  );
}
