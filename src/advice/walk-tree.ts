import type { DecisionTree, Source, TreeNode } from "../knowledge/schemas.js";
import type { FactName, Facts, OptionId } from "../vocabulary/index.js";
import type { TraceStep } from "./advice.js";

export interface Sourced {
  text: string;
  source: Source;
}

export interface TreePath {
  option: OptionId;
  trace: TraceStep[];
  /** The leaf's reason: why this option, or (when it cannot meet every need) what to do instead. */
  reason: Sourced;
  /** The last question's answer, which settled the option: its reason and page. */
  decisive: Sourced | undefined;
  /** The facts the path asked about: only a change to one of them can lead elsewhere. */
  asked: FactName[];
}

/**
 * The path from the root to a leaf for these facts. `tierNotes` gives, per support fact, the catalog's own
 * sentence (and page) on the tier the option needs: a step answered "needs-tier" says that, not the tree's
 * generic words.
 */
export function walkTree(
  tree: DecisionTree,
  facts: Facts,
  tierNotes: Partial<Record<FactName, Sourced>> = {},
): TreePath {
  const trace: TraceStep[] = [];
  const asked: FactName[] = [];
  let decisive: Sourced | undefined;
  let node = tree.nodes[tree.root];
  while (node?.kind === "question") {
    asked.push(node.fact as FactName);
    const branch = branchFor(node, facts);
    const why = (branch.when === "needs-tier" ? tierNotes[node.fact as FactName] : undefined) ?? {
      text: branch.reason,
      source: branch.source,
    };
    trace.push({
      question: node.question,
      answer: branch.answer,
      reason: why.text,
      source: why.source.url,
      sourceTitle: why.source.title,
    });
    decisive = why;
    node = tree.nodes[branch.next];
  }
  if (node === undefined) throw new Error("decision tree leads to a missing node");
  return { option: node.option, trace, reason: { text: node.reason, source: node.source }, decisive, asked };
}

/** Only the option walkTree would end at: what would-change asks of many changed facts, without a trace. */
export function leafOption(tree: DecisionTree, facts: Facts): OptionId {
  let node = tree.nodes[tree.root];
  while (node?.kind === "question") node = tree.nodes[branchFor(node, facts).next];
  if (node === undefined) throw new Error("decision tree leads to a missing node");
  return node.option;
}

type Question = Extract<TreeNode, { kind: "question" }>;

/** The branch the fact's value takes: its own, else the catch-all "*". */
function branchFor(node: Question, facts: Facts): Question["branches"][number] {
  const value = facts[node.fact as FactName];
  let fallback: Question["branches"][number] | undefined;
  for (const branch of node.branches) {
    if (branch.when === value) return branch;
    if (branch.when === "*") fallback ??= branch;
  }
  // loadKnowledge proved every fact value has a branch; reaching this means the data bypassed it.
  if (fallback === undefined) throw new Error(`decision tree has no branch for ${node.fact} = ${value}`);
  return fallback;
}
