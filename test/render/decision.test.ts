import { describe, expect, it } from "vitest";
import {
  exportDecisions,
  renderDecision,
  renderDecisionList,
  renderRecheck,
} from "../../src/render/index.js";
import type { Decision, StatusChange } from "../../src/store/index.js";
import { collect, storageQuestion } from "../store/new-decision.js";

const { advice, requirements, knowledge } = storageQuestion();

const decision: Decision = {
  id: "EA-7",
  workspace: "T1",
  channel: "C42",
  author: "U-ann",
  createdAt: "2026-03-01T09:30:00.000Z",
  title: "Payments storage | from the DC",
  requirements,
  advice,
  option: "private-endpoint",
  service: "azure-storage-blob",
  monthlyCostUsd: 2055.3,
  rendered: "stored answer",
  versions: advice.versions,
  status: "superseded",
  supersededBy: "EA-9",
  supersedes: "EA-3",
  notes: "Agreed with the network team",
  messageChannel: "C42",
  messageTs: "1700000000.000100",
};

const history: StatusChange[] = [
  { status: "proposed", actor: "U-ann", at: "2026-03-01T09:30:00.000Z", comment: "" },
  {
    status: "accepted",
    actor: "U-ann",
    at: "2026-03-02T10:00:00.000Z",
    comment: "Agreed with the network team",
  },
  { status: "superseded", actor: "U-admin", at: "2026-06-01T10:00:00.000Z", comment: "" },
];

describe("renderDecision", () => {
  it("writes an architecture decision record with context, decision, consequences, status and links", () => {
    const adr = renderDecision(decision, history, "markdown", knowledge);
    expect(adr).toContain("# EA-7: Payments storage \\| from the DC");
    expect(adr).toContain("- Status: superseded, superseded by EA-9");
    expect(adr).toContain("- Supersedes: EA-3");
    expect(adr).toContain("- Decided by: U-ann in C42");
    expect(adr).toContain("- Slack message: C42 at `1700000000.000100`");
    expect(adr).toContain("## Context\n\n- Which cloud? Azure\n");
    expect(adr).toContain("We use **Azure Private Endpoint (Azure Private Link)** (`private-endpoint`).");
    expect(adr).toContain("It costs $2,055.30 a month, within the budget of $2,500.00");
    expect(adr).toContain("Watch out for:\n\n- ");
    expect(adr).toMatch(/\n- .*\(`service-endpoint`\), \$0\.00 a month: does not fit; /);
    expect(adr).toContain("- 2026-06-01T10:00:00.000Z: superseded by U-admin\n");
    expect(adr).toContain("accepted by U-ann (Agreed with the network team)");
    expect(adr).toContain(`decision tree ${advice.versions.tree}, catalog ${advice.versions.catalog}`);
  });

  it("words the context with the questionnaire's labels, never the raw values", () => {
    const dns = { ...decision, requirements: { ...requirements, dns: "custom-forwarding" as const } };
    const adr = renderDecision(dns, history, "markdown", knowledge);
    const context = adr.slice(adr.indexOf("## Context"), adr.indexOf("## Decision"));
    const labels = new Map(knowledge.questionnaire.questions.map((q) => [q.field, q]));
    const choice = (field: string, value: string) =>
      labels.get(field as "dns")?.choices.find((c) => c.value === value)?.label;
    expect(context).toContain(`- ${labels.get("dns")?.label} ${choice("dns", "custom-forwarding")}\n`);
    expect(context).toContain(`- ${labels.get("target")?.label} ${choice("target", "cloud-service")}\n`);
    expect(context).toContain(
      `- ${labels.get("service")?.label} ${knowledge.findService("azure-storage-blob")?.name}\n`,
    );
    expect(context).toContain(`- ${labels.get("onPremisesAccess")?.label} Yes\n`);
    expect(context).toContain(`- ${labels.get("dataGbPerMonth")?.label} 204,800\n`);
    for (const raw of [
      "custom-forwarding",
      "cloud-service",
      "azure-storage-blob",
      "azure",
      "true",
      "false",
      "tcp",
    ]) {
      expect(context).not.toMatch(new RegExp(`(\\s|^)${raw}(\\s|$)`, "m"));
    }
  });

  it("names the questionnaire's version, and leaves it out for a decision saved without one", () => {
    const { questionnaire, ...older } = advice.versions;
    expect(questionnaire).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(renderDecision(decision, history, "markdown", knowledge)).toContain(
      `, questionnaire ${questionnaire}\n`,
    );
    const old = { ...decision, advice: { ...advice, versions: older }, versions: older };
    for (const format of ["markdown", "text"] as const) {
      const rendered = renderDecision(old, history, format, knowledge);
      expect(rendered).toContain(`options ${older.options}\n`);
      expect(rendered).not.toContain("questionnaire");
    }
  });

  it("shows the status and history above the answer in the terminal", () => {
    const text = renderDecision(decision, history, "text", knowledge);
    expect(text).toMatch(/^EA-7 {2}superseded, superseded by EA-9, supersedes EA-3\n/);
    expect(text).toContain("Decided by U-ann in C42 on 2026-03-01");
    expect(text).toContain("Recommendation: Azure Private Endpoint (Azure Private Link)");
  });
});

describe("renderDecisionList", () => {
  it("lists one line per decision and the cursor of the next page", () => {
    const text = renderDecisionList({ items: [decision], nextCursor: "12" }, "text", knowledge);
    expect(text).toBe(
      "EA-7  2026-03-01  superseded  Azure Private Endpoint (Azure Private Link)  Azure Storage (Blob)  Payments storage | from the DC\n" +
        "More: add --cursor 12\n",
    );
    expect(renderDecisionList({ items: [], nextCursor: null }, "text", knowledge)).toBe(
      "No decisions match.\n",
    );
  });

  it("keeps the ids in CSV, for scripts that filter on them", () => {
    const csv = renderDecisionList({ items: [decision], nextCursor: null }, "csv", knowledge);
    expect(csv.split("\n")[1]).toContain(`,"private-endpoint","azure-storage-blob",`);
  });

  it("writes a Markdown table with escaped cells", () => {
    const table = renderDecisionList({ items: [decision], nextCursor: null }, "markdown", knowledge);
    expect(table.split("\n")[2]).toBe(
      "| EA-7 | 2026-03-01 | superseded | Azure Private Endpoint (Azure Private Link) | Azure Storage (Blob) | Payments storage \\| from the DC | $2,055.30 |",
    );
  });
});

describe("exportDecisions", () => {
  const all = async (format: "markdown" | "json" | "csv", items: Decision[]) =>
    (await collect(exportDecisions(items, () => Promise.resolve(history), format, knowledge))).join("");

  it("quotes every CSV field, doubles quotes and keeps formulas inert", async () => {
    const tricky = { ...decision, title: 'He said "go", then =SUM(A1)', notes: "line one\nline two" };
    const lines = (await all("csv", [tricky, { ...decision, id: "EA-8", channel: null }]))
      .trimEnd()
      .split("\n");

    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^id,workspace,created_at,author,channel,title,status,option,service,monthly_cost_usd/,
    );
    expect(lines[1]).toBe(
      `"EA-7","T1","2026-03-01T09:30:00.000Z","U-ann","C42","He said ""go"", then =SUM(A1)","superseded",` +
        `"private-endpoint","azure-storage-blob",2055.3,"EA-9","EA-3",` +
        `"${advice.versions.tree}","${advice.versions.catalog}","${advice.versions.pricing}",` +
        `"${advice.versions.options}","${advice.versions.questionnaire}","line one line two"`,
    );
    expect(lines[2]).toContain(`"EA-8","T1","2026-03-01T09:30:00.000Z","U-ann",,"Payments`);
  });

  it("leaves the questionnaire version's CSV cell empty for a decision saved without one", async () => {
    const { tree, catalog, pricing, options } = advice.versions;
    const older = { tree, catalog, pricing, options };
    const [header, row] = (await all("csv", [{ ...decision, versions: older }])).split("\n");
    expect(header).toContain(",options_version,questionnaire_version,notes");
    expect(row).toContain(`,"${advice.versions.options}","","`);
  });

  it("exports JSON that parses back to the decisions with their history", async () => {
    expect(JSON.parse(await all("json", []))).toEqual([]);
    expect(JSON.parse(await all("json", [decision, decision]))).toEqual([
      { ...decision, history },
      { ...decision, history },
    ]);
  });

  it("exports every decision as a record in Markdown, across batches", async () => {
    const many = Array.from({ length: 450 }, (_, index) => ({ ...decision, id: `EA-${index + 1}` as const }));
    const markdown = await all("markdown", many);
    expect(markdown.match(/^# EA-\d+: /gm)).toHaveLength(450);
    expect(markdown).toContain("# EA-450: ");
  });
});

describe("renderRecheck", () => {
  const today = { tree: "2026-11-24", catalog: "2026-11-24", pricing: "2026-11-24", options: "2026-11-24" };
  const before = {
    option: "service-endpoint" as const,
    monthlyCostUsd: 0,
    withinBudget: true,
    versions: advice.versions,
  };

  it("names the questionnaire's version where the knowledge has one", () => {
    const versions = { ...today, questionnaire: "2026-12-03.1" };
    expect(renderRecheck({ checked: 1, versions, drifted: [] })).toContain(
      "options 2026-11-24, questionnaire 2026-12-03.1.\n",
    );
  });

  it("flags a retired service with its date, successor and page", () => {
    const text = renderRecheck({
      checked: 1,
      versions: today,
      drifted: [
        {
          id: "EA-7",
          title: "Orders database",
          changes: ["retired"],
          before: { ...before, option: "private-endpoint" },
          after: { option: "private-endpoint", monthlyCostUsd: 0, withinBudget: true, versions: today },
          errors: [],
          step: null,
          prices: [],
          retired: {
            service: "azure-postgresql-single-server",
            name: "Azure Database for PostgreSQL (single server)",
            date: "2025-03-28",
            successor: "azure-postgresql-flexible-server",
            successorName: "Azure Database for PostgreSQL (flexible server)",
            source: {
              title: "What's happening?",
              url: "https://learn.microsoft.com/en-us/azure/postgresql/",
            },
          },
        },
      ],
    });
    expect(text).toContain(
      "EA-7  Orders database\n  retired: Azure Database for PostgreSQL (single server) was retired on 2025-03-28; " +
        "its successor is Azure Database for PostgreSQL (flexible server) (azure-postgresql-flexible-server), " +
        "which today's answer is about (source: What's happening?, https://learn.microsoft.com/en-us/azure/postgresql/)\n" +
        "  saved with decision tree ",
    );
  });

  it("says nothing changed, naming today's versions", () => {
    expect(renderRecheck({ checked: 3, versions: today, drifted: [] })).toBe(
      "Nothing changed: all 3 decisions get the same answer from decision tree 2026-11-24, catalog 2026-11-24, pricing 2026-11-24, options 2026-11-24.\n",
    );
  });

  it("shows what changed, old → new, and requirements that are no longer valid", () => {
    const text = renderRecheck({
      checked: 9,
      versions: today,
      drifted: [
        {
          id: "EA-3",
          title: "Blob",
          changes: ["option", "cost", "budget"],
          before,
          after: { option: "private-endpoint", monthlyCostUsd: 14.6, withinBudget: false, versions: today },
          errors: [],
          step: { question: "Must it be reachable from on-premises?", before: "No", after: "Yes" },
          prices: [{ item: "Private endpoint", unit: "hour", beforeUsd: 0.02, afterUsd: 0.01 }],
          retired: null,
        },
        {
          id: "EA-5",
          title: "Old store",
          changes: ["requirements"],
          before,
          after: null,
          errors: [{ field: "service", message: "unknown service" }],
          step: null,
          prices: [],
          retired: null,
        },
      ],
    });
    expect(text).toContain("2 of 9 decisions would now be answered differently (decision tree 2026-11-24,");
    expect(text).toContain(
      "EA-3  Blob\n  recommendation: service-endpoint → private-endpoint\n  monthly cost: $0.00 → $14.60\n" +
        "  budget: within budget → over budget\n" +
        '  what moved: "Must it be reachable from on-premises?" was "No", now "Yes"\n' +
        "  price moved: Private endpoint $0.02 → $0.01 per hour\n  saved with decision tree ",
    );
    expect(text).toContain(
      "EA-5  Old store\n  its requirements are no longer valid:\n    service: unknown service\n",
    );
  });
});
