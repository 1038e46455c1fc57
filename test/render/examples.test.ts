import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { advise, parseRequirements } from "../../src/advice/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { renderAdvice, renderSlackAnswer } from "../../src/render/index.js";

const knowledge = loadKnowledge();
const examples = readdirSync("examples").filter((file) => file.endsWith(".json"));

/** What a reader must never see: template leftovers, raw objects, HTML entities, money without separators. */
const LEFTOVERS = /\b(undefined|null|NaN)\b|\[object Object\]|&#x?[0-9a-f]+;|&quot;|\{\{|\}\}|\$\d{4,}/i;

describe.each(examples)("the advice for examples/%s", (file) => {
  const parsed = parseRequirements(JSON.parse(readFileSync(join("examples", file), "utf8")), knowledge);
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
  const advice = advise(parsed.value, knowledge);

  it.each(["text", "markdown"] as const)("reads cleanly as %s", (format) => {
    const out = renderAdvice(advice, parsed.value, format, knowledge);
    expect(out).not.toMatch(LEFTOVERS);
    expect(out).toContain(advice.recommendation.title);
    expect(out).not.toMatch(/&(amp|lt|gt);/);
  });

  it("fits Slack's sections, and its first screen is short", () => {
    const { headline, caveats, details } = renderSlackAnswer(advice, parsed.value, knowledge);
    expect(headline).toContain(advice.recommendation.title);
    expect(headline.length + (caveats ?? "").length).toBeLessThan(1500);
    expect(details.length).toBeGreaterThanOrEqual(3);
    for (const part of [headline, caveats ?? "", ...details]) {
      expect(part.length).toBeLessThanOrEqual(3000);
      expect(part).not.toMatch(LEFTOVERS);
      // A source is a link to a public page, never a file name.
      expect(part).not.toMatch(/\d{3}_[0-9a-f]+\.txt/);
    }
  });
});
