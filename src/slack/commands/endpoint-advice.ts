import type { CommandArgs } from "../context.js";
import { openQuestionnaire } from "../questionnaire.js";
import { replyPrivately } from "../reply-privately.js";
import { say } from "../words.js";
import { showHistory } from "./history.js";
import { QUICK_KEYS, quickAnswer } from "./quick.js";
import { showDecision } from "./show.js";

/**
 * `/endpoint-advice [help | history … | show ID | quick key=value …]`. Acks at once: with no text the
 * questionnaire must open while the trigger id is still valid (3 seconds). `quick` acks itself, once its
 * answer is saved.
 */
export async function endpointAdvice(args: CommandArgs): Promise<void> {
  const { command, ack, respond, context } = args;
  // Bolt gives no `respond` when Slack sent no response_url; fields may be missing from a broken request.
  const reply = replyPrivately(command, respond, args);
  const [word = "", ...rest] = (command.text ?? "").trim().split(/\s+/);
  const text = rest.join(" ");
  if (word.toLowerCase() === "quick") {
    await quickAnswer(args, reply, text);
    return;
  }
  await ack();
  switch (word.toLowerCase()) {
    case "": {
      const failure = await openQuestionnaire(args, command.trigger_id, {
        channel: command.channel_id,
        answers: {},
      });
      if (failure !== null)
        await reply({ response_type: "ephemeral", text: say("modal-failed", { reason: failure }) });
      return;
    }
    case "help":
      await reply({
        response_type: "ephemeral",
        text: say("help", { unknown: null, keys: [...QUICK_KEYS.keys()] }),
      });
      return;
    case "history":
      await reply(await showHistory(context, text));
      return;
    case "show":
      await reply(await showDecision(context, text));
      return;
    default:
      await reply({
        response_type: "ephemeral",
        text: say("help", { unknown: word, keys: [...QUICK_KEYS.keys()] }),
      });
  }
}
