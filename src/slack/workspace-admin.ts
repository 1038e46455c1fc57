import type { webApi } from "@slack/bolt";
import type { Actor } from "../decisions/index.js";
import type { SlackDeps } from "./deps.js";

/** Whether Slack says the user is a workspace admin or owner; false when Slack cannot tell us. */
export async function isWorkspaceAdmin(
  client: webApi.WebClient,
  deps: SlackDeps,
  user: string,
): Promise<boolean> {
  try {
    const info = await client.users.info({ user });
    return info.user?.is_admin === true || info.user?.is_owner === true;
  } catch (error) {
    deps.logger.warn(`users.info for ${user} failed; treating them as not an admin`, error);
    return false;
  }
}

/** The person clicking or submitting, as the decision policy sees them: Slack is asked only when needed. */
export function slackActor(client: webApi.WebClient, deps: SlackDeps, user: string): Actor {
  let admin: Promise<boolean> | undefined;
  return { user, isAdmin: () => (admin ??= isWorkspaceAdmin(client, deps, user)) };
}
