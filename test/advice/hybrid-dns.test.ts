import { describe, expect, it } from "vitest";
import { advise } from "../../src/advice/index.js";
import { questionsFor } from "../../src/advice/questionnaire.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { RequirementsSchema, type RequirementsInput } from "../../src/vocabulary/index.js";
import { corruptCopy, failure } from "../knowledge/data-copy.js";

/**
 * Hybrid DNS on AWS: on-premises hosts that use a service's own names through an interface endpoint's
 * private DNS need a Route 53 Resolver inbound endpoint, "Resolving DNS queries between VPCs and your
 * network - Amazon Route 53" (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-overview-DSN-queries-to-vpc.html):
 * forwarding to the VPC's +2 resolver from on-premises is not supported; use an inbound endpoint.
 * Its price is on "Amazon Route 53 pricing" (https://aws.amazon.com/route53/pricing/), which our price list
 * does not hold: the cost says so and links it.
 */
const knowledge = loadKnowledge();
const ROUTE53_PRICING = "https://aws.amazon.com/route53/pricing/";
const onPremisesSqs: RequirementsInput = {
  cloud: "aws",
  target: "cloud-service",
  service: "aws-sqs",
  onPremisesAccess: true,
  monthlyBudgetUsd: 100,
};
const adviceFor = (input: RequirementsInput) => advise(RequirementsSchema.parse(input), knowledge);

describe("on-premises hosts resolving an AWS service's private names", () => {
  it("the interface endpoint names the inbound endpoint, its step and an unpriced charge", () => {
    const advice = adviceFor({ ...onPremisesSqs, onPremisesDnsResolution: true });
    expect(advice.recommendation.option).toBe("aws-interface-endpoint");
    expect(advice.caveats.some((c) => c.includes("Route 53 Resolver inbound endpoint"))).toBe(true);
    expect(advice.caveatSources).toContainEqual(
      expect.objectContaining({
        url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-overview-DSN-queries-to-vpc.html",
      }),
    );
    expect(advice.nextSteps).toContainEqual(
      expect.stringMatching(/^aws route53resolver create-resolver-endpoint --direction INBOUND /),
    );
    expect(advice.cost.unpriced.map((u) => u.pricingPage)).toEqual([ROUTE53_PRICING]);
    expect(advice.cost.unpriced[0]?.item).toContain("Route 53 Resolver inbound endpoint");
    // The priced lines stand; the budget cannot be confirmed while a charge is not in the price list.
    expect(advice.cost.totalUsd).toBe(adviceFor(onPremisesSqs).cost.totalUsd);
    expect(advice.cost.withinBudget).toBeNull();
  });

  it("without the need, none of it appears", () => {
    const advice = adviceFor({ ...onPremisesSqs, onPremisesDnsResolution: false });
    expect(advice.cost.unpriced).toEqual([]);
    expect(advice.cost.withinBudget).toBe(true);
    expect(advice.nextSteps.join("\n")).not.toContain("route53resolver");
  });

  it("without on-premises reach the answer does not change, and the question is not asked", () => {
    const local = { ...onPremisesSqs, onPremisesAccess: false };
    expect(adviceFor({ ...local, onPremisesDnsResolution: true })).toEqual(
      adviceFor({ ...local, onPremisesDnsResolution: false }),
    );
    const askedFields = (answers: RequirementsInput) =>
      questionsFor(2, answers, knowledge).map((q) => q.field);
    expect(askedFields(local)).not.toContain("onPremisesDnsResolution");
    expect(askedFields(onPremisesSqs)).toContain("onPremisesDnsResolution");
    expect(askedFields({ ...onPremisesSqs, cloud: "azure", service: "azure-storage-blob" })).not.toContain(
      "onPremisesDnsResolution",
    );
  });
});

describe("a price component's condition", () => {
  it("names known facts and their values, or the pricing file is refused", () => {
    const components = ["options", "aws-interface-endpoint", "components"];
    const unknownFact = corruptCopy("pricing.json", {
      path: [...components, 0, "when"],
      value: { dnsMagic: "true" },
    });
    expect(failure(unknownFact)).toContain(
      "pricing.json: options.aws-interface-endpoint.components[0].when.dnsMagic: unknown fact",
    );
    const badValue = corruptCopy("pricing.json", {
      path: [...components, 0, "when"],
      value: { onPremisesDnsResolution: "sometimes" },
    });
    expect(failure(badValue)).toContain('"sometimes" is not a value of onPremisesDnsResolution');
  });
});
