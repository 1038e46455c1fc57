import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { endpointAdvice } from "./endpoint-advice.js";

export const COMMANDS = ["/endpoint-advice"] as const;

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command("/endpoint-advice", endpointAdvice(deps));
}
