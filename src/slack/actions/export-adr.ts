import { codeBlocks } from "../blocks/code.js";
import type { SlackDeps } from "../deps.js";
import { onDecisionButton, replyInThread } from "./decision-button.js";
import { renderDecision } from "../../render/index.js";
import { say } from "../words.js";

/** Export ADR: the decision record as Markdown, posted in the answer's thread in code blocks. */
export function exportAdr(deps: SlackDeps) {
  return onDecisionButton(deps, async (decision, args) => {
    const text = say("adr-export", { id: decision.id });
    const record = renderDecision(
      decision,
      await deps.store.history(decision.workspace, decision.id),
      "markdown",
      deps.knowledge,
    );
    await replyInThread(
      args,
      codeBlocks(record).map((blocks) => ({ text, blocks })),
    );
  });
}
