import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { adviceFor } from "./advice-for.js";

const folder = join(projectRoot(), "examples");
const expected: Record<string, string> = {
  "onprem-storage.json": "private-endpoint",
  "vnet-storage.json": "service-endpoint",
  "log-analytics.json": "private-endpoint",
  "azure-own-service.json": "private-link-service",
  "azure-vnet-global.json": "global-vnet-peering",
  "aws-s3.json": "aws-gateway-endpoint",
  "aws-own-service.json": "aws-interface-endpoint",
  "aws-vpc.json": "aws-vpc-peering",
  "gcp-storage.json": "gcp-private-google-access",
  "gcp-own-service.json": "gcp-private-service-connect",
  "gcp-vpc.json": "gcp-vpc-peering",
};

describe("examples/*.json", () => {
  it("has an expectation for every example", () => {
    expect(readdirSync(folder).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, option] of Object.entries(expected)) {
    it(`${file} → ${option}`, () => {
      const input = JSON.parse(readFileSync(join(folder, file), "utf8")) as Record<string, unknown>;
      expect(adviceFor(input).advice.recommendation.option).toBe(option);
    });
  }

  // The README's first command runs this file: it must show the published example's cost (Azure Private Link
  // pricing, https://azure.microsoft.com/en-us/pricing/details/private-link/).
  it("onprem-storage.json costs the published example's $2,055.30", () => {
    const input = JSON.parse(readFileSync(join(folder, "onprem-storage.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(adviceFor(input).advice.cost.totalUsd).toBe(2055.3);
  });
});
