import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { adviceFromMessage } from "./advice-from-message.js";
import { newAdvice } from "./new-advice.js";

export const SHORTCUTS = { global: "endpoint_advice_new", message: "endpoint_advice_from_message" } as const;

export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut({ type: "shortcut", callback_id: SHORTCUTS.global }, newAdvice(deps));
  app.shortcut({ type: "message_action", callback_id: SHORTCUTS.message }, adviceFromMessage(deps));
}
