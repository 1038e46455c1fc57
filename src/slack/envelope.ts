import { z } from "zod";

/**
 * Checks a signed request body before Bolt sees it: Bolt dispatches on the body's shape and reads fields of
 * it (`event.channel`, `user.id`, `view.callback_id`, …) without checking them, so a `null` or a wrong type
 * where it expects an object throws inside Bolt — for `payload=null` in an unhandled rejection that ends
 * the process. Only what Bolt and the routing read is checked; every other field passes as it came, so what
 * Slack adds later still arrives. Returns a description of the first problem, or null when Bolt can take it.
 */
export function envelopeProblem(body: unknown): string | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return `the body is ${describe(body)}, not an object`;
  }
  const schema = schemaFor(body as Record<string, unknown>);
  if (schema === null) return "the body is none of the kinds Slack sends (event, command, interaction)";
  const result = schema.safeParse(body);
  if (result.success) return null;
  const [issue] = result.error.issues;
  return issue === undefined
    ? "the body is malformed"
    : `${issue.path.join(".") || "body"}: ${issue.message}`;
}

// Any JSON object (not null, not an array); its fields are not looked at.
const slackObject = z.looseObject({});
const identified = z.looseObject({ id: z.string() });

const urlVerification = z.looseObject({ type: z.literal("url_verification"), challenge: z.string() });

const eventCallback = z.looseObject({
  type: z.string(),
  // Either may be null in events of org-wide (Enterprise Grid) installs; Bolt then reads `authorizations`.
  team_id: z.string().nullable().optional(),
  enterprise_id: z.string().nullable().optional(),
  authorizations: z.array(slackObject).optional(),
  event: z.looseObject({
    type: z.string(),
    channel: z.union([z.string(), slackObject]).optional(),
    channel_id: z.string().optional(),
    user: z.union([z.string(), slackObject]).optional(),
    item: slackObject.optional(),
    subteam: slackObject.optional(),
  }),
});

// A slash command arrives form-encoded: every field one string (a repeated field would parse as an array).
// (One object with a catch-all, not a record intersected with an object: the same check at a quarter of the cost.)
const slashCommand = z.object({ command: z.string() }).catchall(z.string());

// An input's state as Slack sends it (ViewStateValue in @slack/bolt): listeners read these fields as typed.
const stateValue = z.looseObject({
  type: z.string(),
  value: z.string().nullable().optional(),
  selected_option: slackObject.nullable().optional(),
  selected_options: z.array(slackObject).optional(),
});
const viewState = z.looseObject({ values: z.record(z.string(), z.record(z.string(), stateValue)) });

const interaction = z.looseObject({
  type: z.string(),
  user: identified,
  // Org-wide installs send `team: null`; Bolt then reads `user.team_id`.
  team: identified.nullable().optional(),
  enterprise: identified.nullable().optional(),
  channel: identified.optional(),
  response_url: z.string().optional(),
  response_urls: z.array(z.looseObject({ response_url: z.string() })).optional(),
  function_data: slackObject.optional(),
  callback_id: z.string().optional(),
  view: z.looseObject({ callback_id: z.string().optional(), state: viewState.optional() }).optional(),
});

const blockActions = interaction.extend({ actions: z.array(slackObject).min(1) });

const viewAction = interaction.extend({
  view: z.looseObject({
    callback_id: z.string(),
    private_metadata: z.string().optional(),
    state: viewState.optional(),
  }),
});

// The order Bolt decides what a body is (getTypeAndConversation in @slack/bolt), so each gets its checks.
function schemaFor(body: Record<string, unknown>): z.ZodType | null {
  if (body.type === "url_verification") return urlVerification;
  if (body.event !== undefined) return eventCallback;
  if (body.command !== undefined) return slashCommand;
  if (body.name !== undefined || body.type === "block_suggestion") return interaction;
  if (body.actions !== undefined) return blockActions;
  if (body.type === "dialog_submission" || body.type === "shortcut" || body.type === "message_action") {
    return interaction;
  }
  if (body.type === "view_submission" || body.type === "view_closed") return viewAction;
  return null;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
