import { AUTHOR, CHANNEL, TEAM } from "./harness.js";

/** Slack-shaped interaction payloads for the tests. */
type View = { callback_id: string; private_metadata: string; blocks: unknown[] };
type StateValue = Record<string, unknown>;

export const select = (value: string): StateValue => ({
  type: "static_select",
  selected_option: { text: { type: "plain_text", text: value }, value },
});
export const radio = (value: boolean): StateValue => ({
  type: "radio_buttons",
  selected_option: { text: { type: "plain_text", text: String(value) }, value: String(value) },
});
export const number = (value: string): StateValue => ({ type: "number_input", value });
export const text = (value: string): StateValue => ({ type: "plain_text_input", value });

/** State values keyed block_id → action_id, as Slack sends them (this app uses the field for both). */
export function state(fields: Record<string, StateValue>) {
  return {
    values: Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, { [field]: value }])),
  };
}

export function viewSubmission(
  view: View,
  fields: Record<string, StateValue>,
  options: { id?: string; hash?: string; user?: string } = {},
) {
  return {
    type: "view_submission",
    team: { id: TEAM, domain: "example" },
    user: { id: options.user ?? AUTHOR, username: "author", name: "author", team_id: TEAM },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: "trigger.view",
    view: {
      ...view,
      id: options.id ?? "V_MODAL",
      team_id: TEAM,
      type: "modal",
      hash: options.hash ?? "h1",
      state: state(fields),
      app_id: "A1",
      bot_id: "BBOT",
      root_view_id: "V_ROOT",
      previous_view_id: null,
    },
    response_urls: [],
  };
}

export function viewClosed(view: View) {
  return {
    type: "view_closed",
    team: { id: TEAM, domain: "example" },
    user: { id: AUTHOR, username: "author", team_id: TEAM },
    api_app_id: "A1",
    token: "legacy",
    view: { ...view, id: "V_MODAL", team_id: TEAM, hash: "h1", state: { values: {} } },
    is_cleared: false,
  };
}

/** A button press on a message in the channel. */
/** The value of the button `actionId` in a message's blocks, as Slack sends it back on a click. */
export function buttonValue(blocks: unknown, actionId: string): string {
  type Block = { elements?: { action_id?: string; value?: string }[] };
  const elements = (blocks as Block[]).flatMap((block) => block.elements ?? []);
  const value = elements.find((element) => element.action_id === actionId)?.value;
  if (value === undefined) throw new Error(`no ${actionId} button in ${JSON.stringify(blocks)}`);
  return value;
}

export function buttonPress(
  actionId: string,
  value: string,
  options: { user?: string; responseUrl: string; messageTs?: string },
) {
  return {
    type: "block_actions",
    team: { id: TEAM, domain: "example" },
    user: { id: options.user ?? AUTHOR, username: "someone", team_id: TEAM },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: "trigger.button",
    container: { type: "message", message_ts: options.messageTs ?? "1700000000.000001", channel_id: CHANNEL },
    channel: { id: CHANNEL, name: "general" },
    message: { type: "message", ts: options.messageTs ?? "1700000000.000001", text: "answer" },
    response_url: options.responseUrl,
    actions: [{ type: "button", action_id: actionId, block_id: "decision_actions", value, action_ts: "1" }],
  };
}

/** A select changed inside the open modal (dispatch_action). */
export function viewSelect(
  view: View,
  actionId: string,
  value: string,
  fields: Record<string, StateValue>,
  options: { hash?: string } = {},
) {
  return viewAction(view, actionId, select(value), fields, options);
}

/** A yes/no radio answer changed inside the open modal (dispatch_action). */
export function viewRadio(
  view: View,
  actionId: string,
  value: boolean,
  fields: Record<string, StateValue>,
  options: { hash?: string } = {},
) {
  return viewAction(view, actionId, radio(value), fields, options);
}

function viewAction(
  view: View,
  actionId: string,
  element: StateValue,
  fields: Record<string, StateValue>,
  options: { hash?: string },
) {
  return {
    type: "block_actions",
    team: { id: TEAM, domain: "example" },
    user: { id: AUTHOR, username: "author", team_id: TEAM },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: "trigger.select",
    container: { type: "view", view_id: "V_MODAL" },
    view: { ...view, id: "V_MODAL", hash: options.hash ?? "h1", team_id: TEAM, state: state(fields) },
    actions: [{ ...element, action_id: actionId, block_id: actionId, action_ts: "1" }],
  };
}
