import { spawn } from "node:child_process";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";

const TITLE = "Payments <db> & co";

/**
 * Drives `advise` through a pseudo-terminal (util-linux `script`), answering each question as its label
 * appears: the title is typed, every other question takes its default with Enter.
 */
function answerInTerminal(): Promise<{ status: number | null; output: string; asked: string[] }> {
  const labels = loadKnowledge().questionnaire.questions.map((q) => ({ field: q.field, label: q.label }));
  const command = `${process.execPath} ${join("dist", "src", "cli", "bin.js")} advise`;
  const child = spawn("script", ["-qfec", command, "/dev/null"], { env: { ...process.env, COLUMNS: "200" } });
  let output = "";
  let answeredUpTo = 0;
  const asked: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    output += stripVTControlCharacters(chunk.toString("utf8"));
    const pending = output.slice(answeredUpTo);
    // An answered prompt is drawn again with its answer, so only a question not yet answered counts.
    const next = labels.find((q) => !asked.includes(q.field) && pending.includes(q.label));
    if (next === undefined) return;
    answeredUpTo = output.length;
    asked.push(next.field);
    child.stdin.write(next.field === "title" ? `${TITLE}\r` : "\r");
  });
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, output, asked })));
}

describe.runIf(process.platform === "linux")("endpoint-advice advise in a terminal", () => {
  it("asks only the questions that matter and prints the advice", async () => {
    const { status, output, asked } = await answerInTerminal();
    expect(status).toBe(0);
    expect(asked.slice(0, 4)).toEqual(["cloud", "target", "service", "title"]);
    expect(asked).not.toContain("transitiveRouting");
    expect(output).toContain(TITLE);
    expect(output).toContain("Recommendation: ");
  });
});
