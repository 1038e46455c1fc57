import { describe, expect, it } from "vitest";
import { advise, parseRequirements } from "../../src/advice/index.js";
import { questionsFor } from "../../src/advice/questionnaire.js";
import { RequirementsSchema } from "../../src/vocabulary/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { corruptCopy, failure } from "./data-copy.js";

const knowledge = loadKnowledge();
const support = (id: string, option: string) =>
  knowledge.findService(id)?.support[
    option as keyof NonNullable<ReturnType<typeof knowledge.findService>>["support"]
  ];
const azure = (service: string, extra: Record<string, unknown> = {}) =>
  advise(RequirementsSchema.parse({ target: "cloud-service", service, ...extra }), knowledge);

describe("the catalog's facts, each as its vendor page states it", () => {
  // https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-dns (AI + Machine Learning):
  // Microsoft.CognitiveServices/accounts, sub-resource account, three zones.
  it("Azure AI services / Azure OpenAI have private endpoints (group id account)", () => {
    for (const id of ["azure-cognitive-services", "azure-openai"]) {
      expect(support(id, "private-endpoint")).toMatchObject({ supported: true, groupId: "account" });
      expect(support(id, "private-endpoint")?.dnsZones).toEqual(
        expect.arrayContaining(["privatelink.cognitiveservices.azure.com", "privatelink.openai.azure.com"]),
      );
      expect(azure(id, { onPremisesAccess: true }).recommendation.option).toBe("private-endpoint");
    }
  });

  // https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-dns (Management and Governance):
  // Azure Monitor (privateLinkScopes) needs monitor, oms, ods, agentsvc and blob zones.
  it("Azure Monitor Private Link Scope needs five zones, the blob zone among them", () => {
    expect(support("azure-log-analytics", "private-endpoint")?.dnsZones).toEqual([
      "privatelink.monitor.azure.com",
      "privatelink.oms.opinsights.azure.com",
      "privatelink.ods.opinsights.azure.com",
      "privatelink.agentsvc.azure-automation.net",
      "privatelink.blob.core.windows.net",
    ]);
    const steps = azure("azure-log-analytics", { onPremisesAccess: true }).nextSteps.join("\n");
    expect(steps).toContain("privatelink.blob.core.windows.net");
  });

  // https://learn.microsoft.com/en-us/lifecycle/products/azure-data-lake-storage-gen1 (2024-02-29);
  // learn.microsoft.com …/whats-happening-to-postgresql-single-server (2025-03-28) and
  // …/whats-happening-to-mysql-single-server (2024-09-16).
  it("retired services keep their ids, with date and successor, and are never offered", () => {
    const retired = {
      "azure-postgresql-single-server": ["2025-03-28", "azure-postgresql-flexible-server"],
      "azure-mysql-single-server": ["2024-09-16", "azure-mysql-flexible-server"],
      "azure-data-lake-store-gen1": ["2024-02-29", "azure-storage-dfs"],
    };
    const offered = knowledge.offeredServices().map((s) => s.id);
    const choices = questionsFor(1, { cloud: "azure", target: "cloud-service" }, knowledge)
      .find((q) => q.field === "service")
      ?.choices.map((c) => c.value);
    for (const [id, [date, successor]] of Object.entries(retired)) {
      expect(knowledge.findService(id)?.retired).toMatchObject({ date, successor });
      expect(offered).not.toContain(id);
      expect(choices).not.toContain(id);
      expect(offered).toContain(successor);
      const parsed = parseRequirements({ target: "cloud-service", service: id }, knowledge);
      const errors = parsed.ok ? [] : parsed.errors;
      expect(errors.map((e) => e.field)).toEqual(["service"]);
      expect(errors[0]?.message).toMatch(new RegExp(`retired on ${date}.*${successor}`));
    }
  });

  // https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-networking-private-link:
  // "Private links cannot be created for servers that have been configured with virtual network integration."
  it("the flexible servers say which networking model the answer is about", () => {
    for (const id of ["azure-postgresql-flexible-server", "azure-mysql-flexible-server"]) {
      const advice = azure(id, { onPremisesAccess: true });
      expect(advice.recommendation.option).toBe("private-endpoint");
      expect(advice.caveats.join(" ")).toMatch(/VNet integration .* different model/);
    }
    expect(support("azure-postgresql-flexible-server", "private-endpoint")?.groupId).toBe("postgresqlServer");
    expect(support("azure-mysql-flexible-server", "private-endpoint")?.groupId).toBe("mysqlServer");
  });

  // https://learn.microsoft.com/en-us/azure/container-registry/container-registry-vnet: preview, Premium only,
  // AKS and VM clients only; service endpoints overview: "Microsoft recommends use of Azure Private Link".
  it("Container Registry's service endpoint is never the recommendation", () => {
    expect(support("azure-container-registry", "service-endpoint")?.status).toBe("not-recommended");
    for (const extra of [{}, { onPremisesAccess: false, monthlyBudgetUsd: 0 }, { tier: "premium" }]) {
      expect(azure("azure-container-registry", extra).recommendation.option).not.toBe("service-endpoint");
    }
  });

  // https://learn.microsoft.com/en-us/azure/service-bus-messaging/private-link-service: "supported with the
  // premium tier"; https://learn.microsoft.com/en-us/azure/container-registry/container-registry-private-link:
  // "available in the Premium container registry service tier".
  it("Service Bus and Container Registry private endpoints need Premium: said, and asked", () => {
    for (const id of ["azure-service-bus", "azure-container-registry"]) {
      expect(support(id, "private-endpoint")?.requiresTier?.tiers).toEqual(["premium"]);
      const unknownTier = azure(id, { onPremisesAccess: true });
      expect(unknownTier.recommendation.option).toBe("private-endpoint");
      expect(unknownTier.caveats.join(" ")).toMatch(/private endpoints need the Premium tier/);
      // Below Premium no private option exists: the answer does not claim one fits.
      const standard = azure(id, { onPremisesAccess: true, tier: "standard" });
      expect(standard.recommendation.fits).toBe(false);
      expect(standard.caveats.join(" ")).toMatch(/need the Premium tier/);
      const asked = questionsFor(2, { cloud: "azure", target: "cloud-service", service: id }, knowledge);
      expect(asked.map((q) => q.field)).toContain("tier");
    }
    const blob = questionsFor(
      2,
      { cloud: "azure", target: "cloud-service", service: "azure-storage-blob" },
      knowledge,
    );
    expect(blob.map((q) => q.field)).not.toContain("tier");
    expect(support("azure-service-bus", "service-endpoint")?.requiresTier?.tiers).toEqual(["premium"]);
  });

  it("every source a reader sees is a titled public page", () => {
    const sources = JSON.stringify([knowledge.catalog, knowledge.pricing]).match(/"source":\{[^}]*\}/g) ?? [];
    expect(sources.length).toBeGreaterThan(50);
    expect(JSON.stringify([knowledge.catalog, knowledge.pricing])).not.toMatch(/"source":"|\.txt|seed/i);
  });
});

describe("what teams actually reach", () => {
  it("at least 50 services, each option with its tag, group id or endpoint name, and its page", () => {
    expect(knowledge.catalog.services.length).toBeGreaterThanOrEqual(50);
    for (const service of knowledge.catalog.services) {
      for (const [option, entry] of Object.entries(service.support)) {
        // VNet integration is a setting of the app itself: it has no tag, group id or endpoint name.
        if (!entry?.supported || option === "vnet-integration") continue;
        const detail = { "service-endpoint": entry.serviceTag, "private-endpoint": entry.groupId }[option];
        expect(detail ?? entry.endpointServiceName ?? entry.groupId, `${service.id} ${option}`).toBeDefined();
        if (option === "private-endpoint") expect(entry.dnsZones?.length, service.id).toBeGreaterThan(0);
      }
    }
  });

  // https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-dns: sub-resources and zones.
  it("Azure entries carry the page's sub-resources and zones", () => {
    expect(support("azure-synapse", "private-endpoint")).toMatchObject({
      groupId: "Sql",
      additionalGroupIds: ["SqlOnDemand", "Dev"],
    });
    expect(support("azure-databricks", "private-endpoint")?.dnsZones).toEqual([
      "privatelink.azuredatabricks.net",
    ]);
    expect(support("azure-aks-api-server", "private-endpoint")?.groupId).toBe("management");
  });

  // https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html (ssm, ssmmessages,
  // ec2messages); https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html (ecr.api,
  // ecr.dkr, and an S3 gateway endpoint because image layers are stored in S3).
  it("AWS services that need several endpoints name them all", () => {
    expect(support("aws-ssm", "aws-interface-endpoint")?.additionalEndpointServiceNames).toEqual([
      "com.amazonaws.<region>.ssmmessages",
      "com.amazonaws.<region>.ec2messages",
    ]);
    expect(support("aws-ecr", "aws-interface-endpoint")?.additionalEndpointServiceNames).toEqual([
      "com.amazonaws.<region>.ecr.dkr",
    ]);
    expect(knowledge.findService("aws-ecr")?.notes[0]?.text).toMatch(
      /gateway endpoint for com\.amazonaws\.<region>\.s3/,
    );
  });
});

describe("the catalog's own checks", () => {
  it("a retired service whose successor is not in the catalog", () => {
    const index = knowledge.catalog.services.findIndex((s) => s.id === "azure-mysql-single-server");
    const dir = corruptCopy("catalog.json", {
      path: ["services", index, "retired", "successor"],
      value: "azure-mysql-flex",
    });
    expect(failure(dir)).toContain(`services[${index}].retired.successor: no service "azure-mysql-flex"`);
  });

  it("a tier requirement naming a tier the service is not sold in", () => {
    const index = knowledge.catalog.services.findIndex((s) => s.id === "azure-service-bus");
    const dir = corruptCopy("catalog.json", { path: ["services", index, "tiers"], value: ["basic"] });
    expect(failure(dir)).toContain(`services[${index}].support.service-endpoint.requiresTier.tiers: premium`);
  });

  it("a retired service among the questionnaire's fixed choices", () => {
    const dir = corruptCopy("questionnaire.json", {
      path: ["questions", 2],
      value: {
        field: "service",
        step: 1,
        kind: "choice",
        label: "Which service?",
        hint: "One of these.",
        choices: [{ value: "azure-mysql-single-server", label: "MySQL single server" }],
      },
    });
    expect(failure(dir)).toContain('"azure-mysql-single-server" is retired');
  });
});
