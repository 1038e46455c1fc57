import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { runCli, type CliContext } from "../../src/cli/program.js";

function contextWith(
  knowledge: CliContext["knowledge"],
  stdin = "",
): CliContext & { out: string; err: string } {
  const context = {
    out: "",
    err: "",
    stdin: Object.assign(Readable.from([stdin]), { isTTY: false }),
    stdout: collect((text) => (context.out += text)),
    stderr: collect((text) => (context.err += text)),
    knowledge,
  };
  return context;
}

function collect(append: (text: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      append(chunk.toString("utf8"));
      done();
    },
  });
}

const argv = (...args: string[]): string[] => ["node", "endpoint-advice", ...args];

describe("runCli", () => {
  it("answers an unexpected failure with exit code 1 and one line, no stack", async () => {
    const context = contextWith(() => {
      throw new Error("data/catalog.json: services.0.id: bad");
    });
    expect(await runCli(argv("services"), context)).toBe(1);
    expect(context.err).toBe("Something went wrong: data/catalog.json: services.0.id: bad\n");
  });

  it("lists every invalid field, one per line, with exit code 2", async () => {
    const answers = JSON.stringify({
      target: "cloud-service",
      service: "azure-key-vault",
      dns: "bind",
      endpointCount: 0,
    });
    const context = contextWith(() => loadKnowledge(), answers);
    expect(await runCli(argv("advise", "--answers", "-"), context)).toBe(2);
    expect(context.err).toMatch(
      /^The answers in stdin are not valid:\n {2}dns: .*\n {2}endpointCount: .*\n$/,
    );
    expect(context.out).toBe("");
  });

  it("prints help with exit code 0", async () => {
    const context = contextWith(() => loadKnowledge());
    expect(await runCli(argv("--help"), context)).toBe(0);
    expect(context.out).toContain("advise");
  });

  it("treats a missing command as a usage error (exit code 2)", async () => {
    const context = contextWith(() => loadKnowledge());
    expect(await runCli(argv(), context)).toBe(2);
  });
});
