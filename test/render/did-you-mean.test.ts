import { describe, expect, it } from "vitest";
import { parseRequirements } from "../../src/advice/index.js";
import { closeMatches, explainFieldErrors } from "../../src/render/index.js";
import { knowledge } from "../advice/advice-for.js";

const explained = (input: unknown) => {
  const result = parseRequirements(input, knowledge);
  if (result.ok) throw new Error("accepted invalid requirements");
  return explainFieldErrors(result.errors);
};

describe("explainFieldErrors", () => {
  it("suggests close matches for an unknown service id", () => {
    const [error] = explained({ target: "cloud-service", service: "azure-storge-blob" });
    expect(error?.field).toBe("service");
    expect(error?.message).toMatch(
      /unknown service "azure-storge-blob" for azure; did you mean azure-storage-blob/,
    );
  });

  it("lists the cloud's services when nothing is close", () => {
    const [error] = explained({ cloud: "gcp", target: "cloud-service", service: "mainframe" });
    expect(error?.message).toMatch(
      /^unknown service "mainframe" for gcp; known: .*gcp-cloud-storage, gcp-bigquery/,
    );
  });

  it("leaves other errors as they are", () => {
    const [error] = explained({ target: "cloud-service" });
    expect(error).toEqual({ field: "service", message: "is required when target is cloud-service" });
  });
});

describe("closeMatches", () => {
  it("ranks ids containing the input first, then by edit distance, at most three", () => {
    expect(closeMatches("aws-sqq", ["aws-sqs", "aws-s3", "aws-sqq-fifo", "gcp-bigquery"])).toEqual([
      "aws-sqq-fifo",
      "aws-sqs",
      "aws-s3",
    ]);
    expect(closeMatches("zzzzzzzz", ["azure-sql-database"])).toEqual([]);
  });
});
