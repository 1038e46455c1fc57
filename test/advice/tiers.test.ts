import { describe, expect, it } from "vitest";
import { advise } from "../../src/advice/index.js";
import { RequirementsSchema } from "../../src/vocabulary/index.js";
import { knowledge, serviceAdvice } from "./advice-for.js";

describe("an option the chosen tier does not offer", () => {
  // Allow access to Azure Service Bus namespaces via private endpoints
  // (learn.microsoft.com/en-us/azure/service-bus-messaging/private-link-service): Premium tier only; and
  // Connect privately to an Azure container registry using Azure Private Link
  // (learn.microsoft.com/en-us/azure/container-registry/container-registry-private-link): Premium only.
  it.each([
    ["azure-service-bus", "Service Bus private endpoints need the Premium tier.", "private-link-service"],
    [
      "azure-container-registry",
      "Container Registry private endpoints need the Premium tier.",
      "container-registry-private-link",
    ],
  ])(
    "%s below Premium: the trace gives the catalog's tier reason, not 'Not in our catalog'",
    (service, why, page) => {
      for (const tier of ["basic", "standard"]) {
        const advice = serviceAdvice("azure", service, { tier, onPremisesAccess: true });
        expect(advice.trace.map((step) => step.answer)).not.toContain("Not in our catalog");
        const step = advice.trace.find((s) =>
          s.question.startsWith("Does the service support private endpoints"),
        );
        expect(step).toMatchObject({ answer: "Not in the chosen tier", reason: why });
        expect(step?.source).toContain(page);
        const pe = [advice.recommendation, ...advice.alternatives].find(
          (v) => v.option === "private-endpoint",
        );
        expect(pe?.fits).toBe(false);
        expect(pe?.reasons.join(" ")).toContain(`${why} The tier chosen does not offer it`);
      }
      const premium = serviceAdvice("azure", service, { tier: "premium", onPremisesAccess: true });
      expect(premium.recommendation).toMatchObject({ option: "private-endpoint", fits: true });
    },
  );
});

// Restrict access to a container registry using a service endpoint in an Azure virtual network
// (learn.microsoft.com/en-us/azure/container-registry/container-registry-vnet): the feature is in preview,
// no longer developed, and Microsoft recommends private endpoints instead.
describe("Container Registry's service endpoint is never the recommendation", () => {
  const values = {
    tier: [undefined, "basic", "standard", "premium"],
    onPremisesAccess: [false, true],
    disablePublicAccess: [false, true],
    exfiltrationProtection: [false, true],
    dns: ["azure-private-dns", "custom-forwarding", "cannot-change"],
    appTrafficDirection: [undefined, "into-the-app", "out-of-the-app"],
    firewallInspection: [false, true],
    clientsInOtherNetworks: [false, true],
    crossRegion: [false, true],
    crossTenant: [false, true],
    protocols: [["tcp"], ["udp"], ["tcp", "icmp"]],
    monthlyBudgetUsd: [null, 0],
    dataGbPerMonth: [0, 2_000_000],
  } as const;

  function* combinations(): Generator<Record<string, unknown>> {
    const fields = Object.entries(values);
    const index = fields.map(() => 0);
    for (;;) {
      yield Object.fromEntries(fields.map(([field, options], i) => [field, options[index[i]!]]));
      let i = 0;
      while (i < fields.length && ++index[i]! === fields[i]![1].length) index[i++] = 0;
      if (i === fields.length) return;
    }
  }

  it("over every combination of the Azure questions", () => {
    let count = 0;
    for (const answers of combinations()) {
      const requirements = RequirementsSchema.parse({
        cloud: "azure",
        target: "cloud-service",
        service: "azure-container-registry",
        ...Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined)),
      });
      const advice = advise(requirements, knowledge);
      count += 1;
      if (advice.recommendation.option === "service-endpoint") {
        throw new Error(`service endpoint recommended for ${JSON.stringify(answers)}`);
      }
      expect(advice.whatWouldChange?.map((change) => change.option)).not.toContain("service-endpoint");
    }
    expect(count).toBe(4 * 2 * 2 * 2 * 3 * 3 * 2 * 2 * 2 * 2 * 3 * 2 * 2);
  }, 600_000);
});
