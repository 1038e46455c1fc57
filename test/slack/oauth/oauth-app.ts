import { randomBytes } from "node:crypto";
import { failureText } from "../../../src/vocabulary/index.js";
import { loadConfig } from "../../../src/config.js";
import { loadKnowledge } from "../../../src/knowledge/index.js";
import { createSlackApp, type SlackApp } from "../../../src/slack/app.js";
import type { DecisionStore } from "../../../src/store/index.js";
import { testDatabase, type EngineName } from "../../store/engines.js";
import {
  FORM,
  JSON_TYPE,
  SIGNING_SECRET,
  commandBody,
  interactionBody,
  postSigned,
  type SignedResponse,
} from "../signer.js";
import { WebApiStub } from "../stub.js";

export const CLIENT_SECRET = "client-secret-for-tests";

/**
 * The app in OAuth mode on an ephemeral port, on a fresh database of `engine`, with a clock the test moves
 * and the Web API stub. Its delivery worker runs, as `npm start`'s does.
 */
export interface OAuthTestApp {
  base: string;
  stub: WebApiStub;
  store: DecisionStore;
  slack: SlackApp;
  clock: { now: Date };
  /** Stops the app and starts it again on the same database (an app starting purges what is due). */
  restart(): Promise<void>;
  /** The whole browser side of an install: /slack/install, then Slack's redirect back with `code`. */
  install(code: string): Promise<{ status: number; html: string }>;
  command(team: Workspace, text?: string): Promise<SignedResponse>;
  /** An interaction payload (test/slack/payloads.ts) as Slack sends it from `team`. */
  interact(team: Workspace, payload: Interaction): Promise<SignedResponse>;
  event(team: Workspace, event: Record<string, unknown>, eventTime?: Date): Promise<SignedResponse>;
  stop(): Promise<void>;
}

/** Who a request comes from: a team, and its enterprise on Enterprise Grid (orgWide: an org-wide install). */
export interface Workspace {
  teamId?: string;
  enterpriseId?: string;
  orgWide?: boolean;
}

type Interaction = { user: Record<string, unknown>; view?: Record<string, unknown> };

export async function startOAuthApp(
  engine: EngineName,
  env: Record<string, string> = {},
): Promise<OAuthTestApp> {
  const stub = new WebApiStub();
  await stub.start();
  const database = await testDatabase(engine);
  let store = await database.open();
  const config = loadConfig({
    SLACK_CLIENT_ID: "111.222",
    SLACK_CLIENT_SECRET: CLIENT_SECRET,
    SLACK_STATE_SECRET: "state-secret-for-tests",
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: stub.apiUrl,
    PORT: "0",
    LOG_LEVEL: "error",
    ...env,
  });
  if (!config.ok) throw new Error(failureText(config.errors));
  const clock = { now: new Date() };
  const knowledge = loadKnowledge();
  const settings = config.value;
  const startSlack = async () => {
    const slack = createSlackApp(
      settings,
      { store, knowledge },
      { retryConfig: { retries: 0 }, now: () => clock.now },
    );
    const { port } = await slack.start();
    slack.startDeliveries();
    return { slack, port: port! };
  };
  let { slack, port } = await startSlack();
  let sequence = 0;
  const base = () => `http://127.0.0.1:${port}`;
  return {
    get base() {
      return base();
    },
    stub,
    get store() {
      return store;
    },
    get slack() {
      return slack;
    },
    clock,
    async restart() {
      await slack.stop();
      await store.close();
      store = await database.open();
      // On a new port: the test's pooled connections to the old one are closed.
      ({ slack, port } = await startSlack());
    },
    async install(code) {
      const page = await fetch(`${base()}/slack/install`);
      await page.text();
      const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0]!;
      const state = cookie.split("=")[1]!;
      const redirect = await fetch(`${base()}/slack/oauth_redirect?code=${code}&state=${state}`, {
        headers: { cookie },
      });
      return { status: redirect.status, html: await redirect.text() };
    },
    command(from, text = "") {
      sequence += 1;
      return postSigned(
        `${base()}/slack/events`,
        commandBody({
          team_id: from.teamId ?? "",
          ...(from.enterpriseId !== undefined && { enterprise_id: from.enterpriseId }),
          is_enterprise_install: String(from.orgWide === true),
          channel_id: "C0GENERAL",
          user_id: "U0AUTHOR",
          command: "/endpoint-advice",
          text,
          api_app_id: "A1",
          response_url: `${stub.responseUrl}/${sequence}`,
          trigger_id: `trigger.${sequence}`,
        }),
        FORM,
      );
    },
    interact(from, payload) {
      return postSigned(
        `${base()}/slack/events`,
        interactionBody({
          ...payload,
          team: from.teamId === undefined ? null : { id: from.teamId, domain: "example" },
          user: { ...payload.user, team_id: from.teamId },
          enterprise: from.enterpriseId === undefined ? null : { id: from.enterpriseId, name: "Org" },
          is_enterprise_install: from.orgWide === true,
          ...(payload.view !== undefined && { view: { ...payload.view, team_id: from.teamId } }),
        }),
        FORM,
      );
    },
    event(from, event, eventTime = clock.now) {
      sequence += 1;
      return postSigned(
        `${base()}/slack/events`,
        JSON.stringify({
          type: "event_callback",
          ...(from.teamId !== undefined && { team_id: from.teamId }),
          ...(from.enterpriseId !== undefined && { enterprise_id: from.enterpriseId }),
          api_app_id: "A1",
          event,
          event_id: `Ev${sequence}`,
          event_time: Math.floor(eventTime.getTime() / 1000),
          is_enterprise_install: from.orgWide === true,
          authorizations: [
            {
              team_id: from.orgWide === true ? null : (from.teamId ?? null),
              enterprise_id: from.enterpriseId ?? null,
              is_enterprise_install: from.orgWide === true,
              user_id: "UBOT",
              is_bot: true,
            },
          ],
        }),
        JSON_TYPE,
      );
    },
    async stop() {
      await slack.stop();
      await store.close();
      await stub.close();
      await database.remove();
    },
  };
}

/** What oauth.v2.access answers for a workspace install (token rotation on when `expiresIn` is given). */
export function teamGrant(team: string, bot: string, rotation?: { refresh: string; expiresIn: number }) {
  return {
    app_id: "A1",
    authed_user: { id: "U0INSTALLER" },
    scope: "commands,chat:write,im:write,users:read",
    token_type: "bot",
    access_token: bot,
    bot_user_id: `UBOT${team}`,
    team: { id: team, name: `Team ${team}` },
    enterprise: null,
    is_enterprise_install: false,
    ...(rotation && { refresh_token: rotation.refresh, expires_in: rotation.expiresIn }),
  };
}

/** What oauth.v2.access answers for an org-wide install on Enterprise Grid. */
export function orgGrant(enterprise: string, bot: string) {
  return {
    ...teamGrant("", bot),
    bot_user_id: `UBOT${enterprise}`,
    team: null,
    enterprise: { id: enterprise, name: `Org ${enterprise}` },
    is_enterprise_install: true,
  };
}
