import { describe, expect, it } from "vitest";
import { adviceFor, alternative, serviceAdvice } from "./advice-for.js";

describe("corrections, each against the vendor's page", () => {
  // learn.microsoft.com/en-us/azure/storage/common/storage-network-security: cross-region service endpoints are
  // Microsoft.Storage.Global, and they can't coexist with Microsoft.Storage on the same subnet.
  it("Storage across regions: the next step and the caveat name Microsoft.Storage.Global", () => {
    const advice = serviceAdvice("azure", "azure-storage-blob", { crossRegion: true });
    expect(advice.recommendation.option).toBe("service-endpoint");
    expect(advice.nextSteps.join("\n")).toContain("--service-endpoints Microsoft.Storage.Global ");
    expect(advice.caveats.join(" ")).toMatch(/cannot share a subnet with the local one/);
    expect(serviceAdvice("azure", "azure-storage-blob").nextSteps.join("\n")).toContain(
      "--service-endpoints Microsoft.Storage ",
    );
  });

  // learn.microsoft.com/en-us/cli/azure/network/vnet/subnet: --service-endpoints sets the subnet's whole list;
  // learn.microsoft.com/en-us/cli/azure/network/private-endpoint/dns-zone-group creates the DNS record.
  it("next steps keep the subnet's endpoints and create the private endpoint's DNS record", () => {
    const steps = serviceAdvice("azure", "azure-key-vault").nextSteps;
    expect(steps[0]).toMatch(/az network vnet subnet show .*--query "serviceEndpoints\[\]\.service"/);
    expect(steps[1]).toMatch(/repeat the ones already there/);
    const pe = serviceAdvice("azure", "azure-key-vault", { onPremisesAccess: true }).nextSteps;
    expect(pe.join("\n")).toMatch(
      /az network private-endpoint dns-zone-group create .*--private-dns-zone privatelink\.vaultcore\.azure\.net/,
    );
  });

  // learn.microsoft.com/en-us/cli/azure/network/private-endpoint/dns-zone-group: `create` makes the group with
  // one zone, `add` puts each further zone into it (a second `create` of the same group would replace it).
  it("a service with several zones creates the DNS zone group once and adds the other zones to it", () => {
    const steps = serviceAdvice("azure", "azure-log-analytics").nextSteps;
    const created = steps.filter((step) => step.includes("dns-zone-group create"));
    const added = steps.filter((step) => step.includes("dns-zone-group add"));
    expect(created).toHaveLength(1);
    expect(added.length).toBeGreaterThanOrEqual(1);
    for (const step of added) expect(step).toContain("--name <zone-group-name>");
    expect(steps.indexOf(created[0]!)).toBeLessThan(steps.indexOf(added[0]!));
  });

  // learn.microsoft.com/en-us/azure/private-link/private-endpoint-dns: clients must resolve the name to the
  // private IP; DNS that cannot change is a blocker.
  it("DNS that cannot change: a private endpoint is not a fit, said plainly", () => {
    const advice = serviceAdvice("azure", "azure-storage-blob", {
      onPremisesAccess: true,
      dns: "cannot-change",
    });
    expect(advice.recommendation.option).toBe("private-endpoint");
    expect(advice.recommendation.fits).toBe(false);
    expect(advice.recommendation.reasons[0]).toMatch(/DNS that cannot change rules a private endpoint out/);
    expect(advice.recommendation.reasons.at(-1)).toMatch(/^What to do instead/);
    // Without a need for a private IP, DNS that cannot change leaves the service endpoint as it is.
    expect(serviceAdvice("azure", "azure-storage-blob", { dns: "cannot-change" }).recommendation.option).toBe(
      "service-endpoint",
    );
  });

  // cloud.google.com/vpc/docs/private-google-access-hybrid: on-premises hosts use Private Google Access through
  // private.googleapis.com or restricted.googleapis.com.
  it("GCP budget advice does not say Private Google Access gives up on-premises reach", () => {
    const advice = serviceAdvice("gcp", "gcp-cloud-storage", { onPremisesAccess: true, monthlyBudgetUsd: 0 });
    expect(advice.recommendation.option).toBe("gcp-private-service-connect");
    expect(advice.budget.cheaperFit?.option).toBe("gcp-private-google-access");
    expect(advice.budget.cheaperFit?.givesUp.join(" ")).not.toMatch(/on-premises/i);
  });

  // docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html: no transitive peering, no overlapping CIDRs;
  // docs.aws.amazon.com/vpc/latest/tgw/what-is-transit-gateway.html; cloud.google.com/vpc/docs/vpc-peering.
  it("VPC to VPC on AWS and Google Cloud: peering, or a transit gateway for A → B → C", () => {
    const aws = adviceFor({ cloud: "aws", target: "virtual-network" }).advice;
    expect(aws.recommendation).toMatchObject({ option: "aws-vpc-peering", fits: true });
    const transit = adviceFor({
      cloud: "aws",
      target: "virtual-network",
      transitiveRouting: true,
      endpointCount: 3,
      dataGbPerMonth: 1000,
    }).advice;
    expect(transit.recommendation).toMatchObject({ option: "aws-transit-gateway", fits: true });
    // aws.amazon.com/transit-gateway/pricing (US East example): $0.05 per attachment-hour, $0.02 per GB.
    expect(transit.cost.totalUsd).toBeCloseTo(3 * 730 * 0.05 + 1000 * 0.02, 6);
    expect(alternative(transit, "aws-vpc-peering").fits).toBe(false);
    const overlap = adviceFor({
      cloud: "aws",
      target: "virtual-network",
      overlappingAddressSpaces: true,
    }).advice;
    expect(alternative(overlap, "aws-vpc-peering").reasons.join(" ")).toMatch(/overlap/);
    const gcp = adviceFor({ cloud: "gcp", target: "virtual-network" }).advice;
    expect(gcp.recommendation).toMatchObject({ option: "gcp-vpc-peering", fits: true });
    expect(gcp.cost.unpriced[0]?.pricingPage).toBe("https://cloud.google.com/vpc/network-pricing");
  });

  // docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html: same Region only.
  it("AWS S3 in another Region: not a gateway endpoint", () => {
    const advice = serviceAdvice("aws", "aws-s3", { crossRegion: true });
    expect(advice.recommendation.option).toBe("aws-interface-endpoint");
    expect(alternative(advice, "aws-gateway-endpoint").reasons.join(" ")).toMatch(/same Region only/);
  });

  // learn.microsoft.com/en-us/azure/app-service/overview-vnet-integration: outbound only, no extra charge.
  it("App Service: the app's calls out → VNet integration; traffic into it → private endpoint or service endpoint", () => {
    const out = serviceAdvice("azure", "azure-app-service", { appTrafficDirection: "out-of-the-app" });
    expect(out.recommendation).toMatchObject({ option: "vnet-integration", fits: true, monthlyCostUsd: 0 });
    const into = serviceAdvice("azure", "azure-app-service", { onPremisesAccess: true });
    expect(into.recommendation.option).toBe("private-endpoint");
    expect(alternative(into, "vnet-integration").fits).toBe(false);
  });

  // learn.microsoft.com/en-us/azure/virtual-network/virtual-network-service-endpoints-overview: service endpoints
  // take service traffic straight to the service, around forced tunnelling; they cover only their subnets.
  it("traffic through a firewall → private endpoint; clients in other subnets → enable on each", () => {
    const inspected = serviceAdvice("azure", "azure-storage-blob", { firewallInspection: true });
    expect(inspected.recommendation.option).toBe("private-endpoint");
    expect(alternative(inspected, "service-endpoint").reasons.join(" ")).toMatch(/forced-tunnelling/);
    const spokes = serviceAdvice("azure", "azure-storage-blob", { clientsInOtherNetworks: true });
    expect(spokes.caveats.join(" ")).toMatch(/covers only the subnets it is enabled on/);
  });
});

describe("what would change the answer", () => {
  it("names each single answer that flips the recommendation, its option and the monthly difference", () => {
    const { advice } = adviceFor({
      cloud: "azure",
      target: "cloud-service",
      service: "azure-storage-blob",
      onPremisesAccess: true,
    });
    expect(advice.recommendation.option).toBe("private-endpoint");
    expect(advice.whatWouldChange).toContainEqual({
      field: "onPremisesAccess",
      from: true,
      to: false,
      option: "service-endpoint",
      monthlyCostDeltaUsd: -7.3,
    });
    // Turning on another private-IP need keeps the private endpoint: not listed.
    expect(advice.whatWouldChange?.map((c) => c.field)).not.toContain("disablePublicAccess");
  });

  it("orders the changes by how few facts move, and is empty when nothing single flips it", () => {
    const { advice } = adviceFor({ cloud: "azure", target: "cloud-service", service: "azure-storage-blob" });
    const fields = advice.whatWouldChange?.map((c) => c.field) ?? [];
    expect(fields).toEqual(
      expect.arrayContaining(["onPremisesAccess", "disablePublicAccess", "firewallInspection"]),
    );
    expect(advice.whatWouldChange?.every((c) => c.option === "private-endpoint")).toBe(true);
    expect(advice.whatWouldChange?.every((c) => c.monthlyCostDeltaUsd === 7.3)).toBe(true);
    // crossRegion moves three facts for Storage (region tag, coverage, crossRegion) but flips nothing.
    expect(fields).not.toContain("crossRegion");
    const vnet = adviceFor({ cloud: "gcp", target: "own-service" }).advice;
    expect(vnet.whatWouldChange).toEqual([]);
  });
});
