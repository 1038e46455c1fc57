import { describe, expect, it } from "vitest";
import { costOf } from "../../src/advice/cost.js";
import { RequirementsSchema } from "../../src/vocabulary/index.js";
import { knowledge } from "./advice-for.js";

const PB = 1_048_576;
const requirements = (extra: Record<string, unknown>) =>
  RequirementsSchema.parse({ target: "cloud-service", service: "azure-storage-blob", ...extra });
const privateEndpoint = (extra: Record<string, unknown>) =>
  costOf("private-endpoint", requirements(extra), knowledge);
const gbLines = (cost: ReturnType<typeof costOf>) =>
  cost.lines.slice(1).map((line) => [line.item, line.quantity, line.unitPriceUsd]);

describe("costOf: Azure private endpoints", () => {
  // Azure Private Link pricing (https://azure.microsoft.com/en-us/pricing/details/private-link/): $0.01 an
  // endpoint-hour, $0.01/GB each way; 730 hours with 100 TB in and 100 TB out runs over $2,000 a month.
  it("reproduces the published example: 7.30 + 1,024.00 + 1,024.00 = $2,055.30", () => {
    const cost = privateEndpoint({ dataGbPerMonth: 204_800, endpointCount: 1 });
    expect(cost.lines.map((line) => [line.quantity, line.unitPriceUsd, line.usd])).toEqual([
      [730, 0.01, 7.3],
      [102_400, 0.01, 1024],
      [102_400, 0.01, 1024],
    ]);
    expect(cost.totalUsd).toBe(2055.3);
    expect(cost.dataSplit).toEqual({ inboundGb: 102_400, outboundGb: 102_400, basis: "even" });
  });

  // https://azure.microsoft.com/en-us/pricing/details/private-link/: inbound and outbound data processed
  // are two meters, each with its own tiers (first 1 PB, next 4 PB, over 5 PB).
  it("tiers each direction on its own ladder: 1.5 PB in all costs $2,097.15 more than one summed ladder", () => {
    const total = 1.5 * PB;
    const cost = privateEndpoint({ dataGbPerMonth: total });
    expect(gbLines(cost)).toEqual([
      ["inbound data processed by the endpoints, first 1 PB", 0.75 * PB, 0.01],
      ["outbound data processed by the endpoints, first 1 PB", 0.75 * PB, 0.01],
    ]);
    const summedLadder = PB * 0.01 + (total - PB) * 0.006;
    expect(cost.totalUsd - 7.3 - summedLadder).toBeCloseTo(2097.152, 3);
  });

  it("reaches the second tier only when one direction passes 1 PB", () => {
    const cost = privateEndpoint({ dataGbInboundPerMonth: PB + 1, dataGbOutboundPerMonth: 10 });
    expect(gbLines(cost)).toEqual([
      ["inbound data processed by the endpoints, first 1 PB", PB, 0.01],
      ["inbound data processed by the endpoints, next 4 PB", 1, 0.006],
      ["outbound data processed by the endpoints, first 1 PB", 10, 0.01],
    ]);
    expect(cost.dataSplit?.basis).toBe("given");
  });

  it("applies all three tiers above 5 PB in one direction", () => {
    const cost = privateEndpoint({ dataGbPerMonth: 6 * PB, dataGbInboundPerMonth: 6 * PB });
    expect(cost.lines.slice(1).map((line) => line.quantity)).toEqual([PB, 4 * PB, PB, 0]);
    expect(cost.totalUsd).toBeCloseTo(7.3 + PB * 0.01 + 4 * PB * 0.006 + PB * 0.004, 4);
    expect(cost.dataSplit).toEqual({ inboundGb: 6 * PB, outboundGb: 0, basis: "rest-outbound" });
  });

  it("takes the rest of the total for the direction not given", () => {
    const cost = privateEndpoint({ dataGbPerMonth: 1000, dataGbOutboundPerMonth: 300 });
    expect(cost.dataSplit).toEqual({ inboundGb: 700, outboundGb: 300, basis: "rest-inbound" });
    expect(cost.totalUsd).toBeCloseTo(7.3 + 10, 6);
  });

  it("refuses parts that do not add up, naming the field", () => {
    const tooMuch = RequirementsSchema.safeParse({
      target: "virtual-network",
      dataGbPerMonth: 100,
      dataGbInboundPerMonth: 200,
    });
    expect(tooMuch.error?.issues[0]?.path).toEqual(["dataGbInboundPerMonth"]);
    const mismatch = RequirementsSchema.safeParse({
      target: "virtual-network",
      dataGbPerMonth: 100,
      dataGbInboundPerMonth: 20,
      dataGbOutboundPerMonth: 20,
    });
    expect(mismatch.error?.issues[0]?.path).toEqual(["dataGbPerMonth"]);
  });

  it("scales the hourly line with the endpoint count and shows the per-GB rates even with no data", () => {
    const cost = privateEndpoint({ endpointCount: 3 });
    expect(cost.lines[0]?.quantity).toBe(3 * 730);
    expect(cost.lines[1]).toMatchObject({ quantity: 0, unitPriceUsd: 0.01, usd: 0 });
    expect(cost.lines[2]).toMatchObject({ quantity: 0, unitPriceUsd: 0.01, usd: 0 });
    expect(cost.totalUsd).toBeCloseTo(21.9, 6);
  });

  it("compares with the budget", () => {
    expect(privateEndpoint({ monthlyBudgetUsd: 7.3 }).withinBudget).toBe(true);
    expect(privateEndpoint({ monthlyBudgetUsd: 7.29 }).withinBudget).toBe(false);
    expect(privateEndpoint({}).withinBudget).toBeNull();
  });
});

describe("costOf: the other options", () => {
  it("prices the free options as explicit zero lines", () => {
    for (const option of ["service-endpoint", "aws-gateway-endpoint", "gcp-private-google-access"] as const) {
      const cost = costOf(option, requirements({ dataGbPerMonth: 999 }), knowledge);
      expect(cost.lines).toHaveLength(1);
      expect(cost.lines[0]?.usd).toBe(0);
      expect(cost.totalUsd).toBe(0);
      expect(cost.dataSplit).toBeNull();
    }
  });

  // https://azure.microsoft.com/en-us/pricing/details/virtual-network/: $0.01/GB inbound and $0.01/GB outbound.
  it("bills peered traffic once outbound and once inbound", () => {
    const cost = costOf("vnet-peering", requirements({ dataGbPerMonth: 1000 }), knowledge);
    expect(cost.lines.map((line) => line.usd)).toEqual([10, 10]);
    expect(cost.totalUsd).toBe(20);
  });

  // https://aws.amazon.com/privatelink/pricing/: per GB whatever the direction, summed over the Region's
  // interface endpoints: first 1 PB $0.01, next 4 PB $0.006, over 5 PB $0.004.
  it("AWS interface endpoints: one ladder for both directions, with the published tiers past 1 PB", () => {
    const aws = costOf("aws-interface-endpoint", requirements({ dataGbPerMonth: 6 * PB }), knowledge);
    expect(aws.unpriced).toEqual([]);
    expect(aws.lines.slice(1).map((line) => [line.quantity, line.unitPriceUsd])).toEqual([
      [PB, 0.01],
      [4 * PB, 0.006],
      [PB, 0.004],
    ]);
    expect(aws.dataSplit).toBeNull();
  });

  it("says what is not in the price list instead of inventing a figure", () => {
    const cost = costOf("private-link-service", requirements({}), knowledge);
    expect(cost.lines).toEqual([]);
    expect(cost.unpriced.map((item) => item.item)).toEqual(["Private Link Service"]);
    expect(cost.unpriced[0]?.pricingPage).toMatch(/^https:/);
    const psc = costOf("gcp-private-service-connect", requirements({}), knowledge);
    expect(psc.unpriced).toHaveLength(1);
  });
});
