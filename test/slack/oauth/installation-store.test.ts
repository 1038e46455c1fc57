import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Installation } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { databaseInstallationStore } from "../../../src/slack/oauth/installation-store.js";
import { tokenCipher } from "../../../src/store/index.js";
import { openStore, type DecisionStore } from "../../../src/store/index.js";
import { tempFolder } from "../../store/new-decision.js";

let folder: ReturnType<typeof tempFolder>;
let store: DecisionStore;

beforeEach(async () => {
  folder = tempFolder();
  store = await openStore(folder.path("decisions.db"));
});
afterEach(async () => {
  await store.close();
  folder.remove();
});

const cipher = tokenCipher(randomBytes(32).toString("base64"));

const teamInstallation: Installation<"v2", false> = {
  team: { id: "T1", name: "Payments" },
  enterprise: { id: "E1", name: "Contoso" },
  user: {
    id: "U1",
    token: "xoxp-user-1",
    refreshToken: "xoxe-1-user",
    expiresAt: 1_900_000_000,
    scopes: ["x"],
  },
  bot: {
    id: "B1",
    userId: "UBOT",
    token: "xoxb-team-1",
    refreshToken: "xoxe-1-bot",
    expiresAt: 1_900_000_000,
    scopes: ["commands", "chat:write"],
  },
  incomingWebhook: { url: "https://hooks.slack.com/services/T1/B1/secret" },
  appId: "A1",
  tokenType: "bot",
  isEnterpriseInstall: false,
  authVersion: "v2",
};

const orgInstallation: Installation<"v2", true> = {
  team: undefined,
  enterprise: { id: "E1", name: "Contoso" },
  user: { id: "U9", token: undefined, scopes: undefined },
  bot: { id: "B9", userId: "UBOT9", token: "xoxb-org-1", scopes: ["commands"] },
  enterpriseUrl: "https://contoso.enterprise.slack.com/",
  appId: "A1",
  tokenType: "bot",
  isEnterpriseInstall: true,
  authVersion: "v2",
};

describe("databaseInstallationStore", () => {
  it("gives back a workspace installation as stored, with the tokens encrypted in the file", async () => {
    const installations = databaseInstallationStore(store.installations, cipher);
    await installations.storeInstallation(teamInstallation);
    const query = { teamId: "T1", enterpriseId: "E1", isEnterpriseInstall: false } as const;
    expect(await installations.fetchInstallation(query)).toEqual(teamInstallation);
    await store.close();
    const file = readFileSync(folder.path("decisions.db")).toString("latin1");
    for (const secret of ["xoxb-", "xoxe-", "xoxp-", "hooks.slack.com"]) expect(file).not.toContain(secret);
    store = await openStore(folder.path("decisions.db"));
  });

  it("keys an org-wide install by the enterprise, whichever of its teams asks", async () => {
    const installations = databaseInstallationStore(store.installations, cipher);
    await installations.storeInstallation(orgInstallation);
    for (const teamId of [undefined, "T7"]) {
      const query = { enterpriseId: "E1", teamId, isEnterpriseInstall: true } as const;
      expect(await installations.fetchInstallation(query as never)).toEqual(orgInstallation);
    }
    await expect(
      installations.fetchInstallation({ teamId: "T7", enterpriseId: "E1", isEnterpriseInstall: false }),
    ).rejects.toThrow("The app is not installed for team:T7");
  });

  it("gives each user their own token, none to a user who has not installed, and deletes per user", async () => {
    const installations = databaseInstallationStore(store.installations, cipher);
    await installations.storeInstallation(teamInstallation);
    const other = { ...teamInstallation, user: { id: "U2", token: "xoxp-user-2", scopes: ["x"] } };
    await installations.storeInstallation(other);
    const query = { teamId: "T1", enterpriseId: "E1", isEnterpriseInstall: false } as const;
    expect((await installations.fetchInstallation({ ...query, userId: "U1" })).user.token).toBe(
      "xoxp-user-1",
    );
    expect((await installations.fetchInstallation(query)).user.token).toBe("xoxp-user-2");
    expect((await installations.fetchInstallation({ ...query, userId: "U3" })).user).toEqual({
      id: "U3",
      token: undefined,
      scopes: undefined,
    });
    await installations.deleteInstallation!({ ...query, userId: "U1" });
    expect((await installations.fetchInstallation({ ...query, userId: "U1" })).user.token).toBeUndefined();
    expect((await installations.fetchInstallation(query)).bot?.token).toBe("xoxb-team-1");
    await installations.deleteInstallation!(query);
    await expect(installations.fetchInstallation(query)).rejects.toThrow(/not installed/);
  });

  it("refuses a stored installation it cannot decrypt, naming the key variable", async () => {
    await databaseInstallationStore(store.installations, cipher).storeInstallation(teamInstallation);
    const otherKey = databaseInstallationStore(
      store.installations,
      tokenCipher(randomBytes(32).toString("hex")),
    );
    await expect(
      otherKey.fetchInstallation({ teamId: "T1", enterpriseId: "E1", isEnterpriseInstall: false }),
    ).rejects.toThrow(/another TOKEN_ENCRYPTION_KEY/);
  });
});
