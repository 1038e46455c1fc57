import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { openQuestionnaire } from "../questionnaire.js";
import { replyPrivately } from "../reply-privately.js";
import { say } from "../words.js";
import { showHistory } from "./history.js";
import { quickAnswer } from "./quick.js";
import { showDecision } from "./show.js";

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/endpoint-advice [help | history … | show ID | quick key=value …]`. Acks at once: with no text the
 * questionnaire must open while the trigger id is still valid (3 seconds).
 */
export function endpointAdvice(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: CommandArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    // Bolt gives no `respond` when Slack sent no response_url; fields may be missing from a broken request.
    const reply = replyPrivately(command, respond, client, deps);
    const text = (command.text ?? "").trim();
    const [word = "", ...rest] = text.split(/\s+/);
    const args = rest.join(" ");
    const workspace = command.team_id;
    switch (word.toLowerCase()) {
      case "": {
        const failure = await openQuestionnaire(client, deps, command.trigger_id, {
          channel: command.channel_id,
          answers: {},
        });
        if (failure !== null)
          await reply({ response_type: "ephemeral", text: say("modal-failed", { reason: failure }) });
        return;
      }
      case "help":
        await reply({ response_type: "ephemeral", text: say("help", { unknown: null }) });
        return;
      case "history":
        await reply(await showHistory(deps, workspace, args));
        return;
      case "show":
        await reply(await showDecision(deps, workspace, args));
        return;
      case "quick":
        await quickAnswer(deps, client, reply, {
          workspace,
          user: command.user_id,
          channel: command.channel_id,
          args,
          dedupeKey: `quick:${command.trigger_id}`,
        });
        return;
      default:
        await reply({ response_type: "ephemeral", text: say("help", { unknown: word }) });
    }
  };
}
