import { describe, expect, it } from "vitest";
import { treeToMermaid, treeToOutline } from "../../src/render/index.js";
import type { DecisionTree } from "../../src/knowledge/schemas.js";
import { knowledge } from "../advice/advice-for.js";

const page = { title: "A page", url: "https://learn.microsoft.com/en-us/azure/" };

const tiny: DecisionTree = {
  version: "2026-11-24",
  root: "q-onprem",
  nodes: {
    "q-onprem": {
      kind: "question",
      question: 'Reach from "on-prem"?',
      fact: "onPremisesAccess",
      branches: [
        { when: "true", next: "leaf-pe", answer: "Yes", reason: "r", source: page },
        { when: "false", next: "leaf-se", answer: "No", reason: "r", source: page },
      ],
    },
    "leaf-pe": { kind: "leaf", option: "private-endpoint", reason: "r", source: page },
    "leaf-se": { kind: "leaf", option: "service-endpoint", reason: "r", source: page },
  },
};

describe("treeToMermaid", () => {
  it("draws questions, options and answered edges, with quotes escaped", () => {
    expect(treeToMermaid(tiny)).toBe(`flowchart TD
  q_onprem{"Reach from #quot;on-prem#quot;?"}
  leaf_pe["private-endpoint"]
  leaf_se["service-endpoint"]
  q_onprem -->|"Yes"| leaf_pe
  q_onprem -->|"No"| leaf_se
`);
  });

  it("draws every node and edge of the shipped tree", () => {
    const mermaid = treeToMermaid(knowledge.tree);
    const edges = Object.values(knowledge.tree.nodes).flatMap((n) =>
      n.kind === "question" ? n.branches : [],
    );
    expect(mermaid.split("\n").filter((line) => line.includes("-->"))).toHaveLength(edges.length);
    expect(mermaid).toContain("leaf_aws_gateway_endpoint");
  });
});

describe("treeToOutline", () => {
  it("indents answers under questions and ends each path at an option", () => {
    expect(treeToOutline(tiny)).toBe(`Reach from "on-prem"? [onPremisesAccess]
  true: Yes
    → private-endpoint
  false: No
    → service-endpoint
`);
  });

  it("reaches every option of the shipped tree", () => {
    const outline = treeToOutline(knowledge.tree);
    for (const option of ["service-endpoint", "private-endpoint", "gcp-private-service-connect"]) {
      expect(outline).toContain(`→ ${option}`);
    }
  });
});
