import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { cli } from "./run.js";

describe("endpoint-advice services and tree", () => {
  it("services --json lists the catalog", () => {
    const run = cli(["services", "--json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(loadKnowledge().catalog.services);
  });

  it("services --cloud aws lists only AWS services, one per line", () => {
    const run = cli(["services", "--cloud", "aws"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines.length).toBe(loadKnowledge().servicesFor("aws").length);
    expect(lines.every((line) => line.startsWith("aws-"))).toBe(true);
    expect(run.stdout).toContain("aws-gateway-endpoint");
  });

  it("services --cloud refuses an unknown cloud with exit code 2", () => {
    const run = cli(["services", "--cloud", "oracle"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("oracle");
  });

  it("tree --mermaid prints a flowchart", () => {
    const run = cli(["tree", "--mermaid"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^flowchart/);
  });

  it("tree prints an outline naming the options", () => {
    const run = cli(["tree"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("private-endpoint");
  });
});
