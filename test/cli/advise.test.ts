import { describe, expect, it } from "vitest";
import { advise, parseRequirements } from "../../src/advice/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { cli, tempFile } from "./run.js";

const onPremStorage = {
  target: "cloud-service",
  service: "azure-storage-blob",
  onPremisesAccess: true,
  dataGbPerMonth: 204800,
  title: `Bob's "prod" <db> & co`,
};

function expectedAdvice(answers: unknown): unknown {
  const knowledge = loadKnowledge();
  const parsed = parseRequirements(answers, knowledge);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return advise(parsed.value, knowledge);
}

describe("endpoint-advice advise", () => {
  it("reads an answers file and prints the advice as text", () => {
    const run = cli(["advise", "--answers", tempFile(onPremStorage)]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(`Bob's "prod" <db> & co`);
    expect(run.stdout).toContain("Recommendation: ");
    expect(run.stdout).toContain("[private-endpoint]");
    expect(run.stdout).toContain("$2,055.30");
    expect(run.stdout).not.toMatch(/undefined|\[object Object\]|&#x?[0-9a-f]+;|&amp;|&lt;/i);
  });

  it("reads the answers from stdin with - and prints exactly advise()'s JSON", () => {
    const run = cli(["advise", "--answers", "-", "--json"], JSON.stringify(onPremStorage));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expectedAdvice(onPremStorage));
  });

  it("prints a Markdown decision record", () => {
    const run = cli(["advise", "--answers", tempFile(onPremStorage), "--format", "markdown"]);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(`# Bob's "prod" \\<db\\> & co`);
    expect(run.stdout).toContain("## Decision");
    expect(run.stdout).toContain("## Alternatives");
  });

  it.each([
    ["not JSON", "{ target: ", /not valid JSON/],
    [
      "an unknown service",
      { target: "cloud-service", service: "azure-storge-blob" },
      /service: .*azure-storage-blob/,
    ],
    [
      "a bad enum value",
      { target: "cloud-service", service: "azure-key-vault", dns: "bind" },
      /dns: .*azure-private-dns/,
    ],
    ["an unknown key", { target: "virtual-network", colour: "blue" }, /colour/],
  ])("refuses %s with exit code 2 and a message naming the field", (_, answers, message) => {
    const run = cli(["advise", "--answers", tempFile(answers)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
  });

  it("refuses an unreadable file with exit code 2, naming it", () => {
    const run = cli(["advise", "--answers", "no/such/answers.json"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no/such/answers.json");
  });

  it("refuses an unknown flag and a bad format with exit code 2", () => {
    const flag = cli(["advise", "--answer", "x.json"]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("--answer");
    const format = cli(["advise", "--answers", tempFile(onPremStorage), "--format", "html"]);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/--format.*html/);
  });

  it("tells the user to pass --answers when stdin is not a terminal", () => {
    const run = cli(["advise"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--answers");
  });
});
