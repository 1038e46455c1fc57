import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { registerRoutes } from "../../src/slack/routes.js";
import type { Router } from "../../src/slack/routes.js";

interface Manifest {
  features: {
    slash_commands: { command: string; usage_hint?: string }[];
    shortcuts: { callback_id: string; type: string }[];
    app_home: { home_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    socket_mode_enabled: boolean;
    interactivity: { is_enabled: boolean };
  };
}

const manifest = parse(readFileSync("manifest.yml", "utf8")) as Manifest;

/** The routes table as registered: each registration's kind and its first argument. */
function registeredRoutes(): { kind: keyof Router; matcher: unknown }[] {
  const routes: { kind: keyof Router; matcher: unknown }[] = [];
  const record = (kind: keyof Router) => (matcher: unknown) => void routes.push({ kind, matcher });
  const recorder = {
    command: record("command"),
    action: record("action"),
    view: record("view"),
    shortcut: record("shortcut"),
    event: record("event"),
  };
  registerRoutes(recorder);
  return routes;
}
const routes = registeredRoutes();
const matchers = (kind: keyof Router) => routes.filter((route) => route.kind === kind).map((r) => r.matcher);

// The Web API methods each scope is needed for; a scope no code calls for must not be requested.
const SCOPE_USES: Record<string, RegExp> = {
  commands: /router\.(command|shortcut)\(/,
  "chat:write": /chat\.(postMessage|postEphemeral|update)\(/,
  "im:write": /conversations\.open\(/,
  "users:read": /users\.info\(/,
};

describe("manifest.yml", () => {
  it("is a valid Slack app manifest", () => {
    // The repository's copy always; the team's shared copy too when it sits beside the repository (as in CI).
    const schemaFiles = [
      "schemas/slack-app-manifest.json",
      "../shared/schemas/slack-app-manifest.json",
    ].filter((file, index) => index === 0 || existsSync(file));
    for (const file of schemaFiles) {
      const schema = JSON.parse(readFileSync(file, "utf8")) as object;
      const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
      expect(validate(manifest), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("declares exactly the command, shortcuts and events the routes table registers", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(matchers("command"));
    expect(manifest.features.slash_commands[0]!.usage_hint).toContain("history");
    const shortcutTypes: Record<string, string> = { shortcut: "global", message_action: "message" };
    expect(manifest.features.shortcuts.map((s) => [s.type, s.callback_id]).sort()).toEqual(
      (matchers("shortcut") as { type: string; callback_id: string }[])
        .map((m) => [shortcutTypes[m.type], m.callback_id])
        .sort(),
    );
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(matchers("event"));
    // Interactivity is on because the table answers actions and views.
    expect(matchers("action").length + matchers("view").length).toBeGreaterThan(0);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it("asks only for the scopes the code uses, and for every one it uses", () => {
    const code = sources("src/slack").join("\n");
    const used = Object.entries(SCOPE_USES)
      .filter(([, pattern]) => pattern.test(code))
      .map(([scope]) => scope);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(used.sort());
    // Every Web API method the code calls is covered by one of those scopes (views.* and chat.getPermalink
    // need none).
    const methods = new Set([...code.matchAll(/client\.(\w+\.\w+)\(/g)].map((match) => match[1]));
    const covered = [...methods].filter(
      (method) =>
        !/^(views\.|chat\.getPermalink$)/.test(method!) &&
        !Object.values(SCOPE_USES).some((p) => p.test(`${method}(`)),
    );
    expect(covered).toEqual([]);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : [readFileSync(join(dir, entry.name), "utf8")],
  );
}
