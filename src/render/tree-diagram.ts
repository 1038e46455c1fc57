import type { DecisionTree } from "../knowledge/schemas.js";

/** The decision tree as a Mermaid flowchart: questions as diamonds, options as boxes, answers on the edges. */
export function treeToMermaid(tree: DecisionTree): string {
  const lines = ["flowchart TD"];
  for (const [id, node] of Object.entries(tree.nodes)) {
    lines.push(
      node.kind === "question"
        ? `  ${mermaidId(id)}{"${mermaidText(node.question)}"}`
        : `  ${mermaidId(id)}["${mermaidText(node.option)}"]`,
    );
  }
  for (const [id, node] of Object.entries(tree.nodes)) {
    if (node.kind !== "question") continue;
    for (const branch of node.branches) {
      lines.push(`  ${mermaidId(id)} -->|"${mermaidText(branch.answer)}"| ${mermaidId(branch.next)}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** The decision tree as an indented outline: each question, then each answer and where it leads. */
export function treeToOutline(tree: DecisionTree): string {
  const lines: string[] = [];
  const walk = (id: string, depth: number): void => {
    const node = tree.nodes[id];
    const indent = "  ".repeat(depth);
    if (node === undefined) return;
    if (node.kind === "leaf") {
      lines.push(`${indent}→ ${node.option}`);
      return;
    }
    lines.push(`${indent}${node.question} [${node.fact}]`);
    for (const branch of node.branches) {
      lines.push(`${indent}  ${branch.when}: ${branch.answer}`);
      walk(branch.next, depth + 2);
    }
  };
  walk(tree.root, 0);
  return lines.join("\n") + "\n";
}

function mermaidId(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, "_");
}

/** Mermaid labels are quoted; a quote inside must be its entity code, and a line break would end the label. */
function mermaidText(text: string): string {
  return text.replace(/"/g, "#quot;").replace(/\s+/g, " ");
}
