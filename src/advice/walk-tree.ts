import type { DecisionTree, Source } from "../knowledge/schemas.js";
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
    const value = facts[node.fact as FactName];
    const branch = node.branches.find((b) => b.when === value) ?? node.branches.find((b) => b.when === "*");
    // loadKnowledge proved every fact value has a branch; reaching this means the data bypassed it.
    if (branch === undefined) throw new Error(`decision tree has no branch for ${node.fact} = ${value}`);
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
