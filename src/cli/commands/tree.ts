import type { Command } from "commander";
import { treeToMermaid, treeToOutline } from "../../render/index.js";
import type { CliContext } from "../program.js";
import { say } from "../words.js";

/** `tree`: the decision tree as an indented outline, or as a Mermaid flowchart. */
export function registerTree(program: Command, context: CliContext): void {
  program
    .command("tree")
    .description(say("tree"))
    .option("--mermaid", say("tree-mermaid"))
    .action((options: { mermaid?: boolean }) => {
      const tree = context.knowledge().tree;
      const output = options.mermaid ? treeToMermaid(tree) : treeToOutline(tree);
      context.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
    });
}
