import type { webApi } from "@slack/bolt";
import type { Decision } from "../store/index.js";
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

/** Whether `user` may change `decision`'s status (its author or a workspace admin); Slack is asked only when needed. */
export async function mayChangeStatus(
  client: webApi.WebClient,
  deps: SlackDeps,
  decision: Decision,
  user: string,
): Promise<{ allowed: boolean; isAdmin: boolean }> {
  if (user === decision.author) return { allowed: true, isAdmin: false };
  const isAdmin = await isWorkspaceAdmin(client, deps, user);
  return { allowed: isAdmin, isAdmin };
}
