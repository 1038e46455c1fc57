import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { registerRoutes } from "../../src/slack/routes.js";
import type { InstalledBy, Router } from "../../src/slack/routes.js";
import { BOT_SCOPES } from "../../src/slack/oauth/scopes.js";

interface Manifest {
  display_information: object;
  features: {
    slash_commands: { command: string; usage_hint?: string; url?: string }[];
    shortcuts: { callback_id: string; type: string }[];
    app_home: { home_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] }; redirect_urls?: string[] };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    socket_mode_enabled: boolean;
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled?: boolean;
  };
}

const manifest = parse(readFileSync("manifest.yml", "utf8")) as Manifest;
type Route = { kind: keyof Router; matcher: unknown };

/** The routes table as registered for one way of installing: each registration's kind and first argument. */
function registeredRoutes(installedBy: InstalledBy): Route[] {
  const routes: Route[] = [];
  const record = (kind: keyof Router) => (matcher: unknown) => void routes.push({ kind, matcher });
  const recorder = {
    command: record("command"),
    action: record("action"),
    view: record("view"),
    shortcut: record("shortcut"),
    event: record("event"),
  };
  registerRoutes(recorder, installedBy);
  return routes;
}
const matchers = (routes: Route[], kind: keyof Router) =>
  routes.filter((route) => route.kind === kind).map((route) => route.matcher);

// The app for distribution by OAuth: HTTP only (no Socket Mode in the Slack Marketplace), hence a second file.
const distributed = parse(readFileSync("manifest.oauth.yml", "utf8")) as Manifest;

// The Web API methods each scope is needed for; a scope no code calls for must not be requested.
const SCOPE_USES: Record<string, RegExp> = {
  commands: /(app|router)\.(command|shortcut)\(/,
  "chat:write": /chat\.(postMessage|postEphemeral|update)\(/,
  "im:write": /conversations\.open\(/,
  "users:read": /users\.info\(/,
};

describe.each([
  ["manifest.yml", manifest, "token"],
  ["manifest.oauth.yml", distributed, "oauth"],
] as const)("%s", (_file, subject, installedBy) => {
  it("is a valid Slack app manifest", () => {
    // The repository's copy always; the team's shared copy too when it sits beside the repository (as in CI).
    const schemaFiles = [
      "schemas/slack-app-manifest.json",
      "../shared/schemas/slack-app-manifest.json",
    ].filter((file, index) => index === 0 || existsSync(file));
    for (const file of schemaFiles) {
      const schema = JSON.parse(readFileSync(file, "utf8")) as object;
      const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
      expect(validate(subject), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("asks for the scopes an OAuth install asks for", () => {
    expect(subject.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
  });

  it(`declares exactly the command, shortcuts and bot events the routes table registers (installed by ${installedBy})`, () => {
    const routes = registeredRoutes(installedBy);
    expect(subject.features.slash_commands.map((c) => c.command)).toEqual(matchers(routes, "command"));
    const shortcutTypes: Record<string, string> = { shortcut: "global", message_action: "message" };
    expect(subject.features.shortcuts.map((s) => [s.type, s.callback_id]).sort()).toEqual(
      (matchers(routes, "shortcut") as { type: string; callback_id: string }[])
        .map((m) => [shortcutTypes[m.type], m.callback_id])
        .sort(),
    );
    expect(subject.settings.event_subscriptions.bot_events).toEqual(matchers(routes, "event"));
    // Interactivity is on because the table answers actions and views.
    expect(matchers(routes, "action").length + matchers(routes, "view").length).toBeGreaterThan(0);
    expect(subject.settings.interactivity.is_enabled).toBe(true);
    expect(subject.features.app_home.home_tab_enabled).toBe(true);
  });
});

it("registers the uninstall events only for installs by OAuth", () => {
  const events = (installedBy: InstalledBy) => matchers(registeredRoutes(installedBy), "event");
  expect(events("oauth")).toEqual([...events("token"), "app_uninstalled", "tokens_revoked"]);
});

describe("manifest.yml", () => {
  it("serves a single workspace over Socket Mode too, and says how to use the command", () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.slash_commands[0]!.usage_hint).toContain("history");
  });

  it("asks only for the scopes the code uses, and for every one it uses", () => {
    const code = sources("src/slack").join("\n");
    const used = Object.entries(SCOPE_USES)
      .filter(([, pattern]) => pattern.test(code))
      .map(([scope]) => scope);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(used.sort());
    // Every Web API method the code calls is covered by one of those scopes (views.*, auth.test and
    // chat.getPermalink need none).
    const methods = new Set([...code.matchAll(/client\.(\w+\.\w+)\(/g)].map((match) => match[1]));
    const covered = [...methods].filter(
      (method) =>
        !/^(views\.|auth\.test$|chat\.getPermalink$)/.test(method!) &&
        !Object.values(SCOPE_USES).some((p) => p.test(`${method}(`)),
    );
    expect(covered).toEqual([]);
  });
});

describe("manifest.oauth.yml", () => {
  it("is manifest.yml served over HTTP, with the redirect URL and org-wide installs", () => {
    const { url, ...command } = distributed.features.slash_commands[0]!;
    expect(command).toEqual(manifest.features.slash_commands[0]);
    expect({ ...distributed.features, slash_commands: [command] }).toEqual(manifest.features);
    expect(distributed.display_information).toEqual(manifest.display_information);
    expect(distributed.oauth_config.scopes).toEqual(manifest.oauth_config.scopes);
    for (const requestUrl of [
      url,
      distributed.settings.interactivity.request_url,
      distributed.settings.event_subscriptions.request_url,
    ]) {
      expect(requestUrl).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
    }
    expect(distributed.oauth_config.redirect_urls).toEqual([
      expect.stringMatching(/^https:\/\/[^/]+\/slack\/oauth_redirect$/),
    ]);
    expect(distributed.settings).toMatchObject({ socket_mode_enabled: false, org_deploy_enabled: true });
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : [readFileSync(join(dir, entry.name), "utf8")],
  );
}
