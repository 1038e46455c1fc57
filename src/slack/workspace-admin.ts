import type { Actor } from "../decisions/index.js";
import type { Tools } from "./context.js";

/** The person clicking or submitting, as the decision policy sees them: Slack is asked only when needed. */
export function slackActor(tools: Tools, user: string): Actor {
  let admin: Promise<boolean> | undefined;
  return { user, isAdmin: () => (admin ??= isWorkspaceAdmin(tools, user)) };
}

/** Whether Slack says the user is a workspace admin or owner; false when Slack cannot tell us. */
async function isWorkspaceAdmin({ client, logger }: Tools, user: string): Promise<boolean> {
  try {
    const info = await client.users.info({ user });
    return info.user?.is_admin === true || info.user?.is_owner === true;
  } catch (error) {
    logger.warn(`users.info for ${user} failed; treating them as not an admin`, error);
    return false;
  }
}
