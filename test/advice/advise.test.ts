import { describe, expect, it } from "vitest";
import { advise } from "../../src/advice/index.js";
import { RequirementsSchema } from "../../src/vocabulary/index.js";
import { adviceFor, alternative, knowledge, serviceAdvice } from "./advice-for.js";

const storage = { cloud: "azure", target: "cloud-service", service: "azure-storage-blob" };

describe("advise: the comparisons of service endpoints and private endpoints", () => {
  // Azure virtual network service endpoints (https://learn.microsoft.com/en-us/azure/virtual-network/virtual-network-service-endpoints-overview): service endpoints can't be used for traffic
  // from on-premises; What is a private endpoint?: on-premises clients reach it over VPN or ExpressRoute.
  it("on-premises reach needs a private endpoint; service endpoints can't be reached from on-prem", () => {
    const { advice } = adviceFor({ ...storage, onPremisesAccess: true });
    expect(advice.recommendation.option).toBe("private-endpoint");
    expect(advice.recommendation.fits).toBe(true);
    const serviceEndpoint = alternative(advice, "service-endpoint");
    expect(serviceEndpoint.fits).toBe(false);
    expect(serviceEndpoint.reasons.join(" ")).toMatch(/on-premises/);
    expect(advice.trace.map((step) => step.question)).toContain(
      "Must it be reachable from on-premises (ExpressRoute or site-to-site VPN)?",
    );
    expect(advice.nextSteps[0]).toContain("az network private-endpoint create");
    expect(advice.nextSteps[0]).toContain("--group-id blob");
    // Peering answers another question (VNet to VNet): it is named, but not priced as if it could serve.
    expect(serviceEndpoint.appliesToTarget).toBe(true);
    expect(alternative(advice, "vnet-peering").appliesToTarget).toBe(false);
    expect(alternative(advice, "private-link-service").appliesToTarget).toBe(false);
  });

  // Azure virtual network service endpoints: Log Analytics is not among the services; What is a private
  // endpoint?: Azure Monitor Private Link Scope (azuremonitor).
  it("Log Analytics has no service endpoint → private endpoint through AMPLS", () => {
    const advice = serviceAdvice("azure", "azure-log-analytics");
    expect(advice.recommendation.option).toBe("private-endpoint");
    expect(advice.caveats.join(" ")).toMatch(/Azure Monitor Private Link Scope/);
    expect(alternative(advice, "service-endpoint").fits).toBe(false);
    expect(advice.nextSteps[0]).toContain("--group-id azuremonitor");
    expect(advice.nextSteps.join("\n")).toContain("privatelink.oms.opinsights.azure.com");
  });

  // Azure virtual network service endpoints: no additional charge for using service endpoints.
  it("plain VNet → Storage with no strict need → service endpoint at $0", () => {
    const { advice } = adviceFor({ ...storage, dataGbPerMonth: 5000 });
    expect(advice.recommendation.option).toBe("service-endpoint");
    expect(advice.recommendation.monthlyCostUsd).toBe(0);
    expect(advice.cost.totalUsd).toBe(0);
    expect(advice.nextSteps[1]).toContain("--service-endpoints Microsoft.Storage ");
    expect(advice.caveats.join(" ")).toMatch(/closes open TCP connections/);
    expect(alternative(advice, "private-endpoint").fits).toBe(true);
    expect(alternative(advice, "private-endpoint").monthlyCostUsd).toBeCloseTo(7.3 + 50, 6);
  });

  // 003_bb4d763537a99345.txt: "A Service Endpoint remains a publicly routable IP address".
  it("public access switched off → private endpoint", () => {
    const { advice } = adviceFor({ ...storage, disablePublicAccess: true });
    expect(advice.recommendation.option).toBe("private-endpoint");
    expect(alternative(advice, "service-endpoint").reasons.join(" ")).toMatch(/publicly routable/);
  });

  // 001_dc66bb4725c1f799.txt: with Private Link "you can control the egress to the PaaS resource".
  it("exfiltration protection → private endpoint", () => {
    const { advice } = adviceFor({ ...storage, exfiltrationProtection: true });
    expect(advice.recommendation.option).toBe("private-endpoint");
  });

  // Service endpoint overview page: Azure SQL service endpoints apply only to VNets in the server's region.
  it("Azure SQL across regions → private endpoint; in one region → service endpoint", () => {
    const sql = { cloud: "azure", target: "cloud-service", service: "azure-sql-database" };
    expect(adviceFor({ ...sql, crossRegion: true }).advice.recommendation.option).toBe("private-endpoint");
    expect(adviceFor(sql).advice.recommendation.option).toBe("service-endpoint");
    expect(adviceFor({ ...storage, crossRegion: true }).advice.recommendation.option).toBe(
      "service-endpoint",
    );
  });

  // Virtual network peering overview: peering is not transitive; the hub-spoke reference architecture
  // (learn.microsoft.com/en-us/azure/architecture/networking/architecture/hub-spoke) routes spoke to spoke
  // through Azure Firewall or an NVA with user-defined routes.
  it("A → B → C: peering is not transitive, so a hub with a firewall; both hops and the firewall in the cost", () => {
    const { advice } = adviceFor({
      cloud: "azure",
      target: "virtual-network",
      transitiveRouting: true,
      dataGbPerMonth: 100,
    });
    expect(advice.recommendation.option).toBe("hub-and-spoke");
    expect(advice.recommendation.fits).toBe(true);
    expect(alternative(advice, "vnet-peering").fits).toBe(false);
    expect(alternative(advice, "vnet-peering").reasons.join(" ")).toMatch(/not transitive/);
    expect(alternative(advice, "virtual-wan").fits).toBe(true);
    // Two peerings, each billed outbound and inbound at $0.01/GB: 100 GB × 4 × $0.01.
    expect(advice.cost.totalUsd).toBeCloseTo(4, 6);
    expect(advice.cost.lines).toHaveLength(4);
    expect(advice.cost.unpriced.map((u) => u.pricingPage)).toEqual([
      "https://azure.microsoft.com/en-us/pricing/details/azure-firewall/",
    ]);
    expect(advice.cost.withinBudget).toBeNull();
  });

  it("VNets in different regions → global VNet peering; regional peering does not fit", () => {
    const { advice } = adviceFor({
      cloud: "azure",
      target: "virtual-network",
      crossRegion: true,
      dataGbPerMonth: 100,
    });
    expect(advice.recommendation.option).toBe("global-vnet-peering");
    expect(alternative(advice, "vnet-peering").fits).toBe(false);
    expect(advice.cost.totalUsd).toBeCloseTo(100 * 0.035 * 2, 6);
    expect(advice.cost.notes.join(" ")).toMatch(/Zone 1/);
  });

  // 003_bb4d763537a99345.txt: "You aren't required to have non-overlapping address space with your customer's address space."
  it("own service to customers with overlapping address spaces → Private Link Service (NAT)", () => {
    const { advice } = adviceFor({ cloud: "azure", target: "own-service", overlappingAddressSpaces: true });
    expect(advice.recommendation.option).toBe("private-link-service");
    expect(advice.trace.at(-1)?.reason).toMatch(/NAT/);
    expect(alternative(advice, "vnet-peering").fits).toBe(false);
    expect(advice.cost.unpriced[0]?.pricingPage).toMatch(/^https:\/\/azure\.microsoft\.com\//);
    expect(advice.nextSteps.join("\n")).toContain("az network private-link-service create");
  });

  // 003_bb4d763537a99345.txt: "Private Link Service over a Basic Load Balancer isn't supported."
  it("a Basic Load Balancer can't front a Private Link Service", () => {
    const { advice } = adviceFor({ cloud: "azure", target: "own-service" });
    expect(advice.caveats.join(" ")).toMatch(/Basic Load Balancer isn't supported/);
  });

  // 003_bb4d763537a99345.txt: "TCP and UDP traffic are only supported for a private endpoint."
  it("ICMP through a private endpoint: honest answer, fits false with a caveat", () => {
    const { advice } = adviceFor({ ...storage, onPremisesAccess: true, protocols: ["tcp", "icmp"] });
    expect(advice.recommendation.option).toBe("private-endpoint");
    expect(advice.recommendation.fits).toBe(false);
    expect(advice.recommendation.reasons[0]).toMatch(/TCP and UDP/);
  });

  // The "no private endpoint" branch used to skip every need (a stored decision about a service with a service
  // endpoint only: Data Lake Storage Gen1, now retired). Service endpoints overview: "Service endpoints can't be
  // used for traffic from your premises"; a service endpoint keeps the public IP.
  it("a service with no known private endpoint still checks every need, and says plainly nothing fits", () => {
    const adviceWith = (extra: Record<string, unknown>) =>
      advise(
        RequirementsSchema.parse({
          target: "cloud-service",
          service: "azure-data-lake-store-gen1",
          ...extra,
        }),
        knowledge,
      );
    for (const need of [
      "onPremisesAccess",
      "disablePublicAccess",
      "exfiltrationProtection",
      "firewallInspection",
    ]) {
      const advice = adviceWith({ [need]: true });
      expect(advice.recommendation.option, need).toBe("service-endpoint");
      expect(advice.recommendation.fits, need).toBe(false);
      expect(advice.recommendation.reasons.join(" "), need).not.toMatch(/None of the needs/);
      expect(advice.recommendation.reasons.at(-1), need).toMatch(/^What to do instead/);
      expect(advice.trace.map((step) => step.question).join(" "), need).toMatch(/call for a private IP/);
    }
    const advice = adviceWith({ onPremisesAccess: true });
    expect(advice.recommendation.reasons[0]).toMatch(/public NAT IP/);
    expect(adviceWith({}).recommendation.fits).toBe(true);
    expect(alternative(advice, "private-endpoint").reasons.join(" ")).toMatch(
      /check the service's documentation/,
    );
  });

  it("custom DNS → forward the privatelink zone to 168.63.129.16; cross-tenant → manual approval", () => {
    const { advice } = adviceFor({
      ...storage,
      onPremisesAccess: true,
      dns: "custom-forwarding",
      crossTenant: true,
    });
    const caveats = advice.caveats.join(" ");
    expect(caveats).toContain("privatelink.blob.core.windows.net");
    expect(caveats).toContain("168.63.129.16");
    expect(caveats).toMatch(/manual approval/);
  });

  it("Service Bus: the service endpoint is Premium only", () => {
    const advice = serviceAdvice("azure", "azure-service-bus");
    expect(advice.recommendation.option).toBe("service-endpoint");
    expect(advice.caveats.join(" ")).toMatch(/Premium tier only/);
  });
});

describe("advise: AWS and GCP (002_7c29205c3695fc94.txt)", () => {
  it("S3 from a VPC → free gateway endpoint, with the create-vpc-endpoint command", () => {
    const advice = serviceAdvice("aws", "aws-s3", { dataGbPerMonth: 1000 });
    expect(advice.recommendation.option).toBe("aws-gateway-endpoint");
    expect(advice.cost.totalUsd).toBe(0);
    expect(advice.nextSteps[0]).toBe(
      "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --service-name com.amazonaws.<region>.s3 --vpc-endpoint-type Gateway --route-table-ids <route-table-id>",
    );
    expect(alternative(advice, "aws-interface-endpoint").fits).toBe(true);
  });

  it("DynamoDB from on-premises or through a peered VPC → interface endpoint", () => {
    const dynamo = { cloud: "aws", target: "cloud-service", service: "aws-dynamodb" };
    for (const need of [{ onPremisesAccess: true }, { transitiveRouting: true }]) {
      const { advice } = adviceFor({ ...dynamo, ...need });
      expect(advice.recommendation.option).toBe("aws-interface-endpoint");
      expect(alternative(advice, "aws-gateway-endpoint").fits).toBe(false);
    }
  });

  it("SQS has no gateway endpoint → interface endpoint priced per AZ-hour and GB", () => {
    const advice = serviceAdvice("aws", "aws-sqs", { dataGbPerMonth: 10 });
    expect(advice.recommendation.option).toBe("aws-interface-endpoint");
    expect(advice.cost.totalUsd).toBeCloseTo(7.3 + 0.1, 6);
    expect(advice.nextSteps[0]).toContain("com.amazonaws.<region>.sqs --vpc-endpoint-type Interface");
  });

  it("GCP: Private Google Access for VMs, Private Service Connect from on-premises", () => {
    const gcs = { cloud: "gcp", target: "cloud-service", service: "gcp-cloud-storage" };
    const plain = adviceFor(gcs).advice;
    expect(plain.recommendation.option).toBe("gcp-private-google-access");
    expect(plain.cost.totalUsd).toBe(0);
    expect(plain.nextSteps[0]).toContain("--enable-private-ip-google-access");
    const onprem = adviceFor({ ...gcs, onPremisesAccess: true }).advice;
    expect(onprem.recommendation.option).toBe("gcp-private-service-connect");
    expect(onprem.cost.unpriced).toHaveLength(1);
    expect(onprem.cost.withinBudget).toBeNull();
  });
});

describe("advise: budget", () => {
  it("within budget: nothing to name", () => {
    const { advice } = adviceFor({ ...storage, monthlyBudgetUsd: 5, dataGbPerMonth: 100 });
    expect(advice.budget).toEqual({ monthlyBudgetUsd: 5, withinBudget: true, cheaperFit: null });
  });

  it("no budget: withinBudget is null", () => {
    expect(adviceFor(storage).advice.budget.withinBudget).toBeNull();
  });

  it("over budget with no cheaper option that fits: says so (cheaperFit null)", () => {
    const advice = serviceAdvice("aws", "aws-s3", { transitiveRouting: true, monthlyBudgetUsd: 1 });
    expect(advice.recommendation.option).toBe("aws-interface-endpoint");
    expect(advice.budget.withinBudget).toBe(false);
    expect(advice.budget.cheaperFit).toBeNull();
  });

  it("an unpriced recommendation names the cheapest priced option that fits, and what it gives up", () => {
    const { advice } = adviceFor({
      cloud: "azure",
      target: "own-service",
      monthlyBudgetUsd: 10,
      dataGbPerMonth: 100,
    });
    expect(advice.recommendation.option).toBe("private-link-service");
    expect(advice.budget.withinBudget).toBeNull();
    expect(advice.budget.cheaperFit?.option).toBe("vnet-peering");
    expect(advice.budget.cheaperFit?.monthlyCostUsd).toBeCloseTo(2, 6);
    expect(advice.budget.cheaperFit?.givesUp.join(" ")).toMatch(/address spaces may overlap/);
  });

  it("GCP from on-premises on a zero budget: Private Google Access fits at $0", () => {
    const advice = serviceAdvice("gcp", "gcp-bigquery", { onPremisesAccess: true, monthlyBudgetUsd: 0 });
    expect(advice.recommendation.option).toBe("gcp-private-service-connect");
    expect(advice.budget.cheaperFit?.option).toBe("gcp-private-google-access");
    expect(advice.budget.cheaperFit?.givesUp.length).toBeGreaterThan(0);
  });
});
