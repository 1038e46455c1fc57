import { describe, expect, it } from "vitest";
import { costOf } from "../../src/advice/cost.js";
import { RequirementsSchema } from "../../src/vocabulary/index.js";
import { knowledge } from "./advice-for.js";

const PB = 1_048_576;
const requirements = (extra: Record<string, unknown>) =>
  RequirementsSchema.parse({ target: "cloud-service", service: "azure-storage-blob", ...extra });
const privateEndpoint = (extra: Record<string, unknown>) =>
  costOf("private-endpoint", requirements(extra), knowledge);

describe("costOf", () => {
  // 001_dc66bb4725c1f799.txt: 730 hours, 100 TB ingress and 100 TB egress "can run over $2,000 monthly".
  it("reproduces the seed's example: 7.30 + 2,048.00 = $2,055.30", () => {
    const cost = privateEndpoint({ dataGbPerMonth: 204_800, endpointCount: 1 });
    expect(cost.lines.map((line) => [line.quantity, line.unitPriceUsd, line.usd])).toEqual([
      [730, 0.01, 7.3],
      [204_800, 0.01, 2048],
    ]);
    expect(cost.totalUsd).toBe(2055.3);
    expect(cost.totalUsd).toBeGreaterThan(2000);
    expect(cost.lines[1]?.item).toMatch(/inbound and outbound together/);
  });

  it("fills the first tier exactly up to 1 PB", () => {
    const cost = privateEndpoint({ dataGbPerMonth: PB });
    expect(cost.lines).toHaveLength(2);
    expect(cost.lines[1]?.usd).toBeCloseTo(PB * 0.01, 6);
  });

  it("charges the GB above 1 PB at the second tier", () => {
    const cost = privateEndpoint({ dataGbPerMonth: PB + 1 });
    expect(cost.lines.slice(1).map((line) => [line.quantity, line.unitPriceUsd])).toEqual([
      [PB, 0.01],
      [1, 0.006],
    ]);
  });

  it("applies all three tiers above 5 PB", () => {
    const gb = 6 * PB;
    const cost = privateEndpoint({ dataGbPerMonth: gb });
    expect(cost.lines.slice(1).map((line) => line.quantity)).toEqual([PB, 4 * PB, PB]);
    expect(cost.totalUsd).toBeCloseTo(7.3 + PB * 0.01 + 4 * PB * 0.006 + PB * 0.004, 4);
  });

  it("scales the hourly line with the endpoint count and shows the per-GB rate even with no data", () => {
    const cost = privateEndpoint({ endpointCount: 3 });
    expect(cost.lines[0]?.quantity).toBe(3 * 730);
    expect(cost.lines[1]).toMatchObject({ quantity: 0, unitPriceUsd: 0.01, usd: 0 });
    expect(cost.totalUsd).toBeCloseTo(21.9, 6);
  });

  it("prices the free options as explicit zero lines", () => {
    for (const option of ["service-endpoint", "aws-gateway-endpoint", "gcp-private-google-access"] as const) {
      const cost = costOf(option, requirements({ dataGbPerMonth: 999 }), knowledge);
      expect(cost.lines).toHaveLength(1);
      expect(cost.lines[0]?.usd).toBe(0);
      expect(cost.totalUsd).toBe(0);
    }
  });

  // 001_dc66bb4725c1f799.txt: "inbound and outbound traffic in the VNet Peer are $0.01 per GB".
  it("bills peered traffic once outbound and once inbound", () => {
    const cost = costOf("vnet-peering", requirements({ dataGbPerMonth: 1000 }), knowledge);
    expect(cost.lines.map((line) => line.usd)).toEqual([10, 10]);
    expect(cost.totalUsd).toBe(20);
  });

  it("says what is not in the price list instead of inventing a figure", () => {
    const cost = costOf("private-link-service", requirements({}), knowledge);
    expect(cost.lines).toEqual([]);
    expect(cost.unpriced.map((item) => item.item)).toEqual(["Private Link Service"]);
    expect(cost.unpriced[0]?.pricingPage).toMatch(/^https:/);
    const aws = costOf("aws-interface-endpoint", requirements({ dataGbPerMonth: PB + 10 }), knowledge);
    expect(aws.unpriced).toHaveLength(1);
    expect(aws.unpriced[0]?.item).toMatch(/over 1 PB/);
  });

  it("compares with the budget", () => {
    expect(privateEndpoint({ monthlyBudgetUsd: 7.3 }).withinBudget).toBe(true);
    expect(privateEndpoint({ monthlyBudgetUsd: 7.29 }).withinBudget).toBe(false);
    expect(privateEndpoint({}).withinBudget).toBeNull();
  });
});
