import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { cli } from "./run.js";

describe("endpoint-advice services and tree", () => {
  it("services --json lists the services offered; --all adds the retired ones", () => {
    const run = cli(["services", "--json"]);
    expect(run.status).toBe(0);
    const listed = JSON.parse(run.stdout) as { id: string; retired?: unknown }[];
    expect(listed).toEqual(loadKnowledge().offeredServices());
    expect(listed.map((s) => s.id)).not.toContain("azure-postgresql-single-server");
    const all = cli(["services", "--json", "--all"]);
    expect(JSON.parse(all.stdout)).toEqual(loadKnowledge().catalog.services);
  });

  // learn.microsoft.com/en-us/lifecycle/products/azure-data-lake-storage-gen1: retired 2024-02-29.
  it("services --all names each retired service's date and successor", () => {
    const run = cli(["services", "--all", "--cloud", "azure"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/azure-data-lake-store-gen1 .*\(retired 2024-02-29: use azure-storage-dfs\)/);
    expect(cli(["services", "--cloud", "azure"]).stdout).not.toMatch(/retired|single-server|gen1/);
  });

  it("services --cloud aws lists only AWS services, one per line", () => {
    const run = cli(["services", "--cloud", "aws"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines.length).toBe(loadKnowledge().offeredServices("aws").length);
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
