import type { ViewSubmitAction } from "@slack/bolt";
import type { ViewArgs } from "../context.js";
import { decodeContext, questionnaireStep, readStep } from "../questionnaire.js";
import { invalidFormView } from "./invalid-form.js";

/** Step 1 → step 2: keep the answers in private_metadata and push the questions that now matter. */
export async function submitStepOne({ ack, view, context }: ViewArgs<ViewSubmitAction>): Promise<void> {
  const questionnaire = decodeContext(view.private_metadata);
  if (questionnaire === null) {
    await ack({ response_action: "update", view: invalidFormView() });
    return;
  }
  const { knowledge } = context.services;
  const read = readStep(1, view, questionnaire, knowledge);
  if (Object.keys(read.errors).length > 0) {
    await ack({ response_action: "errors", errors: read.errors });
    return;
  }
  // The form was submitted before it was redrawn for its last change: show step 1 again as it should be.
  await ack(
    read.outdated
      ? { response_action: "update", view: read.form }
      : { response_action: "push", view: questionnaireStep(2, read.questionnaire, knowledge) },
  );
}
