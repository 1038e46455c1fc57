import { describe, expect, it } from "vitest";
import type { Advice } from "../../src/advice/advice.js";
import { renderAdvice, renderSlackAnswer, renderTemplate, splitSection } from "../../src/render/index.js";
import { unescapeMarkdown } from "../../src/render/escape.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { advice, requirements } from "../fixtures/advice.js";

const knowledge = loadKnowledge();

const TITLE = `Bob's "prod" <db> & co`;
const PING = "<!channel> <@U123> <http://evil.example|bank>";
const ANSI = "\x1b[2J\x1b[31m";

/** The fixture with a hostile string in every free-text place that can reach an answer. */
function hostile(text: string): { advice: Advice; requirements: typeof requirements } {
  const tag = (s: string): string => `${s} ${text}`;
  return {
    requirements: { ...requirements, title: text },
    advice: {
      ...advice,
      recommendation: {
        ...advice.recommendation,
        title: tag("PE"),
        reasons: advice.recommendation.reasons.map(tag),
      },
      alternatives: advice.alternatives.map((a) => ({
        ...a,
        title: tag(a.title),
        reasons: a.reasons.map(tag),
      })),
      caveats: advice.caveats.map(tag),
      caveatSources: advice.caveatSources.map((s) => (typeof s === "string" ? tag(s) : s)),
      trace: advice.trace.map((t) => ({
        question: tag(t.question),
        answer: tag(t.answer),
        reason: tag(t.reason),
        source: tag(t.source),
      })),
      cost: {
        ...advice.cost,
        lines: advice.cost.lines.map((l) => ({ ...l, item: tag(l.item) })),
        notes: advice.cost.notes.map(tag),
      },
      nextSteps: advice.nextSteps.map(tag),
    },
  };
}

describe("renderAdvice", () => {
  it.each(["text", "markdown"] as const)("%s: reads as a person expects", (format) => {
    const out = renderAdvice(advice, requirements, format, knowledge);
    expect(out).toContain("$2,055.30");
    expect(out).toContain("$7.30");
    expect(out).toContain("$2,048.00");
    expect(out).toContain("204,800 GB");
    expect(out).toContain("2025-01-01");
    expect(out).not.toMatch(/undefined|\[object Object\]|&#x?[0-9a-f]+;|\{\{|"recommendation"/i);
  });

  it("text: titles and every other string appear exactly, control sequences removed", () => {
    const { advice: a, requirements: r } = hostile(`${ANSI}${TITLE} ${PING}`);
    const out = renderAdvice(a, r, "text", knowledge);
    expect(out.split("\n")[0]).toBe(`${TITLE} ${PING}`);
    expect(out).not.toContain("\x1b");
    expect(out.match(new RegExp(escapeRegExp(`${TITLE} ${PING}`), "g"))?.length).toBeGreaterThanOrEqual(9);
  });

  it("markdown: the title reads exactly as typed, no HTML entities, and the record has its sections", () => {
    const { advice: a, requirements: r } = hostile(`${TITLE} ${PING}`);
    const out = renderAdvice(a, r, "markdown", knowledge);
    const heading = out.split("\n")[0] ?? "";
    expect(heading).toBe(
      `# Bob's "prod" \\<db\\> & co \\<!channel\\> \\<@U123\\> \\<http://evil.example\\|bank\\>`,
    );
    expect(unescapeMarkdown(heading)).toBe(`# ${TITLE} ${PING}`);
    expect(out).not.toMatch(/&(amp|lt|gt|quot|#x?[0-9a-f]+);/i);
    // Outside code blocks every < is escaped, so no reader turns user text into HTML or an autolink;
    // inside them the text stands as written.
    const [prose, code] = out.split("```sh\n");
    expect(prose).not.toMatch(/(^|[^\\])</m);
    expect(code).toContain(`pe_blob --resource-group <rg>`);
    expect(code).toContain(`${TITLE} ${PING}\n\`\`\``);
    for (const heading of [
      "Context",
      "Decision",
      "Why",
      "Alternatives",
      "Cost",
      "Consequences",
      "Next steps",
    ]) {
      expect(out).toContain(`\n## ${heading}\n`);
    }
    expect(out).toContain("Status: proposed");
    // The title is escaped in the context as in the heading.
    expect(out).toContain(`\n- What is the decision about? ${heading.slice(2)}\n`);
  });

  it("slack: user text cannot ping or forge links, and only &amp; &lt; &gt; are used", () => {
    const { advice: a, requirements: r } = hostile(`${TITLE} ${PING}`);
    const { headline, caveats, details } = renderSlackAnswer(a, r, knowledge);
    const out = [headline, caveats, ...details].join("\n");
    expect(out).toContain(`Bob's "prod" &lt;db&gt; &amp; co &lt;!channel&gt; &lt;@U123&gt;`);
    // The only links are the app's own, to public pages.
    expect(out.replace(/<https:\/\/[^\s<>|]+\|[^<>]+>/g, "")).not.toMatch(/[<>]/);
    expect(out.match(/&[^\s;]*;/g)?.every((entity) => ["&amp;", "&lt;", "&gt;"].includes(entity))).toBe(true);
  });
});

describe("budget and fit", () => {
  const overBudget: Advice = {
    ...advice,
    recommendation: { ...advice.recommendation, fits: false },
    budget: {
      monthlyBudgetUsd: 100,
      withinBudget: false,
      cheaperFit: {
        option: "service-endpoint",
        title: "Service endpoint",
        monthlyCostUsd: 0,
        givesUp: ["Reach from on-premises."],
      },
    },
  };

  it.each(["text", "markdown", "slack"] as const)(
    "%s: says it is over budget and names the cheaper fit",
    (format) => {
      const out =
        format === "slack"
          ? renderSlackAnswer(overBudget, requirements, knowledge).headline
          : renderAdvice(overBudget, requirements, format, knowledge);
      expect(out).toContain("over the budget of $100.00");
      expect(out).toContain("costs more than the budget of $100.00 a month");
      expect(out).toContain(
        "Service endpoint (service-endpoint) at $0.00 a month. It gives up: Reach from on-premises.",
      );
      expect(out).toContain("No option meets every requirement");
    },
  );

  it("says when no fitting option stays within the budget", () => {
    const out = renderAdvice(
      { ...overBudget, budget: { ...overBudget.budget, cheaperFit: null } },
      requirements,
      "text",
      knowledge,
    );
    expect(out).toContain("No option that fits stays within the budget.");
  });

  it("marks options whose price is not in the list", () => {
    expect(renderAdvice(advice, requirements, "text", knowledge)).toContain(
      "[private-link-service], $0.00 a month plus charges not in our price list",
    );
    const unpriced = { item: "Private Link Service", pricingPage: "https://azure.microsoft.com/pricing/" };
    const withUnpriced: Advice = { ...advice, cost: { ...advice.cost, unpriced: [unpriced] } };
    const out = renderAdvice(withUnpriced, requirements, "markdown", knowledge);
    expect(out).toContain("$2,055.30 a month plus charges not in our price list");
    expect(out).toContain(
      "- Private Link Service: not in our price list, see https://azure.microsoft.com/pricing/",
    );
  });
});

describe("alternatives for another kind of target", () => {
  it("say so instead of a cost that would mislead", () => {
    const offTarget: Advice = {
      ...advice,
      alternatives: advice.alternatives.map((a) =>
        a.option === "private-link-service" ? { ...a, appliesToTarget: false } : a,
      ),
    };
    expect(renderAdvice(offTarget, requirements, "text", knowledge)).toContain(
      "[private-link-service], not for this kind of connection\n",
    );
    expect(renderAdvice(offTarget, requirements, "markdown", knowledge)).toContain(
      "Does not fit; not for this kind of connection.",
    );
    expect(renderAdvice(offTarget, requirements, "text", knowledge)).toContain(
      "[service-endpoint], $0.00 a month: does not fit",
    );
  });
});

describe("renderSlackAnswer", () => {
  it("puts the recommendation, its cost and the first two caveats first, and the rest in the details", () => {
    const many = { ...advice, caveats: ["One.", "Two.", "Three."], caveatSources: ["", "", ""] };
    const { headline, caveats, details } = renderSlackAnswer(many, requirements, knowledge);
    expect(headline).toContain("*Private Endpoint (Azure Private Link)* · $2,055.30 a month");
    expect(caveats).toContain("• One.\n• Two.\n_1 more under *Show details*._");
    const all = details.join("\n");
    for (const part of [
      "*Why Private Endpoint",
      "*The path through the decision tree*",
      "*Why not the others*",
    ])
      expect(all).toContain(part);
    expect(all).toContain("• Three.");
    expect(all).toContain("```");
  });

  it("says what would change the answer, in the questionnaire's words", () => {
    const change: Advice = {
      ...advice,
      whatWouldChange: [
        {
          field: "onPremisesAccess",
          from: true,
          to: false,
          option: "service-endpoint",
          monthlyCostDeltaUsd: -7.3,
        },
      ],
    };
    const { details } = renderSlackAnswer(change, requirements, knowledge);
    expect(details.join("\n")).toContain(
      "• Must it be reachable from on-premises? yes → no: Azure Virtual Network service endpoint, $7.30 a month less",
    );
  });

  it("splits a very long answer into sections of at most 3,000 characters, losing nothing", () => {
    const long = "word ".repeat(60).trim();
    const huge: Advice = {
      ...advice,
      alternatives: Array.from({ length: 60 }, (_, i) => ({
        ...advice.alternatives[0]!,
        title: `Option ${i}`,
        reasons: [long],
      })),
      cost: {
        ...advice.cost,
        lines: Array.from({ length: 200 }, (_, i) => ({ ...advice.cost.lines[0]!, item: `Endpoint ${i}` })),
      },
      caveats: Array.from({ length: 100 }, (_, i) => `Caveat ${i}: ${long}`),
    };
    const { details } = renderSlackAnswer(huge, requirements, knowledge);
    for (const section of details) {
      expect(section.length).toBeLessThanOrEqual(3000);
      expect((section.match(/```/g) ?? []).length % 2).toBe(0);
    }
    const all = details.join("\n");
    for (let i = 0; i < 60; i++) expect(all).toContain(`*Option ${i}*`);
    for (let i = 0; i < 200; i++) expect(all).toContain(`Endpoint ${i}:`);
    for (let i = 0; i < 100; i++) expect(all).toContain(`Caveat ${i}:`);
  });
});

describe("splitSection", () => {
  it("keeps short text whole and drops empty text", () => {
    expect(splitSection("a\nb", 10)).toEqual(["a\nb"]);
    expect(splitSection("", 10)).toEqual([]);
  });

  it("splits on line boundaries", () => {
    expect(splitSection("aaaaaaaa\nbbbbbbbb\ncccccccc", 20)).toEqual(["aaaaaaaa\nbbbbbbbb", "cccccccc"]);
  });

  it("keeps a bullet with its indented lines, so no piece starts mid-bullet", () => {
    const text = "- first item here\n- second item\n    its detail\n    more detail";
    expect(splitSection(text, 60)).toEqual([
      "- first item here",
      "- second item\n    its detail\n    more detail",
    ]);
  });

  it("closes and reopens a code block it cuts", () => {
    const pieces = splitSection("```\n1111\n2222\n3333\n```", 18);
    expect(pieces).toEqual(["```\n1111\n2222\n```", "```\n3333\n```"]);
  });

  it("cuts a single line longer than the limit", () => {
    const pieces = splitSection("x".repeat(25), 20);
    expect(pieces.every((p) => p.length <= 20)).toBe(true);
    expect(pieces.join("").replace(/\n/g, "")).toBe("x".repeat(25));
  });
});

describe("renderTemplate", () => {
  it("renders a named template for a target and escapes its context", () => {
    const out = renderTemplate(
      "slack-answer-summary",
      { ...advice, id: "EA-1", status: "proposed", title: "<!here>" },
      "slack",
    );
    expect(out).toContain(
      "EA-1 (proposed): &lt;!here&gt;: Private Endpoint (Azure Private Link), $2,055.30 a month",
    );
  });

  it("refuses a context with a missing field instead of printing nothing", () => {
    expect(() =>
      renderTemplate("slack-answer-summary", { id: "EA-1", status: "proposed", title: "" }, "slack"),
    ).toThrow(/not defined/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("what would change the answer", () => {
  const knowledgeForWords = loadKnowledge();
  it("is listed in the terminal and the ADR with the new option and the monthly difference", () => {
    const text = renderAdvice(advice, requirements, "text", knowledgeForWords);
    expect(text).toContain("What would change the answer");
    expect(text).toContain(
      "Must it be reachable from on-premises? No instead of Yes: Virtual network service endpoint, $2,055.30 less a month.",
    );
    const markdown = renderAdvice(advice, requirements, "markdown", knowledgeForWords);
    expect(markdown).toContain("## What would change the answer");
    expect(unescapeMarkdown(markdown)).toContain("Virtual network service endpoint, $2,055.30 less a month.");
  });

  it("is left out for a decision saved before it existed", () => {
    const older: Advice = { ...advice };
    delete older.whatWouldChange;
    expect(renderAdvice(older, requirements, "text", knowledgeForWords)).not.toContain("What would change");
  });
});
