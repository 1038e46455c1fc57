import { describe, expect, it } from "vitest";
import { parseRequirements } from "../../src/advice/index.js";
import { knowledge } from "./advice-for.js";

const errorsOf = (input: unknown) => {
  const result = parseRequirements(input, knowledge);
  if (result.ok) throw new Error("accepted invalid requirements");
  return result.errors;
};

describe("parseRequirements", () => {
  it("applies the defaults of DESIGN.md §2", () => {
    const result = parseRequirements({ target: "virtual-network" }, knowledge);
    if (!result.ok) throw new Error("rejected valid requirements");
    expect(result.value).toMatchObject({
      cloud: "azure",
      dns: "azure-private-dns",
      protocols: ["tcp"],
      endpointCount: 1,
    });
  });

  it("rejects an unknown key and lists the allowed fields", () => {
    const errors = errorsOf({ target: "virtual-network", onPremAccess: true });
    expect(errors.map((error) => error.field)).toEqual(["onPremAccess"]);
    expect(errors[0]?.message).toContain("allowed: cloud, target, service, onPremisesAccess");
  });

  it("rejects a bad enum value and lists the allowed values", () => {
    expect(errorsOf({ target: "virtual-network", dns: "bind" })).toEqual([
      { field: "dns", message: "must be one of: azure-private-dns, custom-forwarding, cannot-change" },
    ]);
    expect(errorsOf({ target: "virtual-network", protocols: ["tcp", "gre"] })[0]?.field).toBe("protocols.1");
  });

  it("names a wrong type", () => {
    expect(errorsOf({ target: "virtual-network", dataGbPerMonth: "lots" })).toEqual([
      { field: "dataGbPerMonth", message: "must be a number" },
    ]);
  });

  it("requires the service for cloud-service", () => {
    expect(errorsOf({ target: "cloud-service" })).toEqual([
      { field: "service", message: "is required when target is cloud-service" },
    ]);
  });

  it("names an unknown service id and the cloud's known ids, for a hint to be drawn from", () => {
    const [error] = errorsOf({ cloud: "gcp", target: "cloud-service", service: "mainframe" });
    expect(error?.field).toBe("service");
    expect(error?.message).toBe('unknown service "mainframe" for gcp');
    expect(error?.accepted?.given).toBe("mainframe");
    expect(error?.accepted?.values).toEqual(expect.arrayContaining(["gcp-cloud-storage", "gcp-bigquery"]));
  });

  it("rejects a service of another cloud", () => {
    expect(errorsOf({ cloud: "azure", target: "cloud-service", service: "aws-s3" })).toEqual([
      { field: "service", message: '"aws-s3" belongs to aws, but cloud is azure' },
    ]);
  });

  it("rejects what is not an object", () => {
    expect(errorsOf("azure")[0]?.field).toBe("(requirements)");
  });
});
