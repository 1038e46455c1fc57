import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DecisionStore, InstallationRecord } from "../../src/store/index.js";
import { ENGINES, testDatabase, type TestDatabase } from "./engines.js";
import { listed, newDecision } from "./new-decision.js";

const DAY = 86_400_000;
const T0 = new Date("2026-03-01T10:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

function teamInstall(team: string, overrides: Partial<InstallationRecord> = {}): InstallationRecord {
  return {
    key: `team:${team}`,
    enterpriseId: null,
    teamId: team,
    isEnterpriseInstall: false,
    workspace: team,
    installerUserId: "U1",
    secrets: `sealed-${team}`,
    user: { userId: "U1", secrets: `sealed-user-${team}` },
    ...overrides,
  };
}

const orgInstall: InstallationRecord = {
  key: "enterprise:E1",
  enterpriseId: "E1",
  teamId: null,
  isEnterpriseInstall: true,
  workspace: "E1",
  installerUserId: "U9",
  secrets: "sealed-org",
  user: { userId: "U9", secrets: "sealed-user-org" },
};

describe.each(ENGINES)("installation records on %s", (engine) => {
  let database: TestDatabase;
  let store: DecisionStore;
  beforeEach(async () => {
    database = await testDatabase(engine);
    store = await database.open();
  });
  afterEach(async () => {
    await store.close();
    await database.remove();
  });

  it("stores, finds and replaces an installation with each user's part", async () => {
    const { installations } = store;
    await installations.saveInstallation(teamInstall("T1"), T0);
    await installations.saveInstallation(
      teamInstall("T1", {
        installerUserId: "U2",
        secrets: "sealed-2",
        user: { userId: "U2", secrets: "u2" },
      }),
      later(1000),
    );
    expect(await installations.findInstallation("team:T1")).toEqual({
      key: "team:T1",
      enterpriseId: null,
      teamId: "T1",
      isEnterpriseInstall: false,
      installerUserId: "U2",
      installedAt: later(1000).toISOString(),
      secrets: "sealed-2",
      user: { userId: "U2", secrets: "u2" },
    });
    expect((await installations.findInstallation("team:T1", "U1"))?.user).toEqual({
      userId: "U1",
      secrets: "sealed-user-T1",
    });
    expect((await installations.findInstallation("team:T1", "U3"))?.user).toBeUndefined();
    expect(await installations.findInstallation("team:T2")).toBeUndefined();

    await installations.deleteInstallation("team:T1", "U1");
    expect((await installations.findInstallation("team:T1", "U1"))?.user).toBeUndefined();
    expect(await installations.deleteUserTokens("team:T1", ["U2", "U3"])).toBe(1);
    await installations.deleteInstallation("team:T1");
    expect(await installations.findInstallation("team:T1")).toBeUndefined();
  });

  it("names the installation acting for a workspace: the team's own, else the org-wide one it came through", async () => {
    const { installations } = store;
    await installations.saveInstallation(orgInstall, T0);
    await installations.rememberWorkspace("enterprise:E1", "T5");
    await installations.rememberWorkspace("enterprise:E1", "T6");
    await installations.saveInstallation(teamInstall("T6", { enterpriseId: "E1" }), T0);
    const org = { key: "enterprise:E1", enterpriseId: "E1", teamId: null, isEnterpriseInstall: true };
    expect(await installations.installationFor("T5")).toEqual(org);
    expect(await installations.installationFor("E1")).toEqual(org);
    expect(await installations.installationFor("T6")).toMatchObject({
      key: "team:T6",
      isEnterpriseInstall: false,
    });
    expect(await installations.installationFor("T9")).toBeUndefined();
    await installations.deleteInstallation("enterprise:E1");
    expect(await installations.installationFor("T5")).toBeUndefined();
  });

  it("deletes the tokens at once on uninstall and the decisions only when the retention ends", async () => {
    const { installations } = store;
    await installations.saveInstallation(teamInstall("T1"), T0);
    await installations.saveInstallation(teamInstall("T2"), T0);
    const delivery = { kind: "answer", channel: "C1", user: "U1", responseUrl: null };
    const first = await store.saveDecision(newDecision({ workspace: "T1", delivery }));
    const second = await store.saveDecision(newDecision({ workspace: "T1" }));
    // Status changes and a supersession link the decisions to each other and to the audit trail.
    const supersede = { actor: "U1", actorIsAdmin: false, supersededBy: second.decision.id };
    const changed = await store.changeStatus("T1", first.decision.id, { status: "superseded", ...supersede });
    expect(changed.ok).toBe(true);
    await store.saveDecision(newDecision({ workspace: "T2", title: "Other workspace" }));

    expect(
      await installations.recordUninstall({ key: "team:T1", at: later(DAY), purgeAfter: later(31 * DAY) }),
    ).toBe("deleted");
    expect(await installations.findInstallation("team:T1")).toBeUndefined();
    expect(await installations.pendingPurges()).toEqual([
      { key: "team:T1", uninstalledAt: later(DAY).toISOString(), purgeAfter: later(31 * DAY).toISOString() },
    ]);

    expect(await installations.purgeDue(later(30 * DAY))).toEqual([]);
    expect((await listed(store, "T1")).items).toHaveLength(2);

    expect(await installations.purgeDue(later(31 * DAY))).toEqual([
      { key: "team:T1", workspaces: ["T1"], decisionsDeleted: 2 },
    ]);
    expect((await listed(store, "T1")).items).toEqual([]);
    expect((await listed(store, "T1", { text: "payments" })).items).toEqual([]);
    expect((await listed(store, "T2", { text: "workspace" })).items.map((d) => d.title)).toEqual([
      "Other workspace",
    ]);
    expect(await installations.pendingPurges()).toEqual([]);
    expect(await installations.purgeDue(later(40 * DAY))).toEqual([]);
    // A workspace that comes back starts a new history.
    expect((await store.saveDecision(newDecision({ workspace: "T1" }))).decision.id).toBe("EA-1");
  });

  it("cancels a pending deletion when the workspace installs the app again", async () => {
    const { installations } = store;
    await installations.saveInstallation(teamInstall("T1"), T0);
    await store.saveDecision(newDecision({ workspace: "T1" }));
    await installations.recordUninstall({ key: "team:T1", at: later(DAY), purgeAfter: later(2 * DAY) });
    await installations.saveInstallation(teamInstall("T1"), later(DAY + 1000));
    expect(await installations.pendingPurges()).toEqual([]);
    expect(await installations.purgeDue(later(3 * DAY))).toEqual([]);
    expect((await listed(store, "T1")).items).toHaveLength(1);
  });

  it("keeps an installation stored after the uninstall it is told of, unless told to delete regardless", async () => {
    const { installations } = store;
    await installations.saveInstallation(teamInstall("T1"), later(DAY));
    const stale = { key: "team:T1", at: later(2 * DAY), purgeAfter: later(2 * DAY) };
    expect(await installations.recordUninstall({ ...stale, installedNoLaterThan: T0 })).toBe("kept");
    expect(await installations.findInstallation("team:T1")).toBeDefined();
    expect(await installations.pendingPurges()).toEqual([]);
    expect(await installations.recordUninstall({ ...stale, installedNoLaterThan: later(DAY) })).toBe(
      "deleted",
    );
    expect(await installations.findInstallation("team:T1")).toBeUndefined();
  });

  it("purges every workspace an org-wide install acted for, but not one another installation still covers", async () => {
    const { installations } = store;
    await installations.saveInstallation(orgInstall, T0);
    await installations.rememberWorkspace("enterprise:E1", "T1");
    await installations.rememberWorkspace("enterprise:E1", "T2");
    await installations.rememberWorkspace("enterprise:E1", "T2");
    // T2 also installed the app on its own.
    await installations.saveInstallation(teamInstall("T2"), T0);
    for (const workspace of ["E1", "T1", "T2", "T3"]) await store.saveDecision(newDecision({ workspace }));

    await installations.recordUninstall({ key: "enterprise:E1", at: T0, purgeAfter: T0 });
    expect(await installations.purgeDue(T0)).toEqual([
      { key: "enterprise:E1", workspaces: ["E1", "T1"], decisionsDeleted: 2 },
    ]);
    for (const [workspace, left] of [
      ["E1", 0],
      ["T1", 0],
      ["T2", 1],
      ["T3", 1],
    ] as const) {
      expect((await listed(store, workspace)).items, workspace).toHaveLength(left);
    }
  });

  it("purges each workspace once when two instances purge at once", async () => {
    const other = await database.open();
    try {
      const teams = ["T1", "T2", "T3", "T4", "T5", "T6"];
      for (const team of teams) {
        await store.installations.saveInstallation(teamInstall(team), T0);
        await store.saveDecision(newDecision({ workspace: team }));
        await store.installations.recordUninstall({ key: `team:${team}`, at: T0, purgeAfter: T0 });
      }
      const runs = await Promise.all([store, other, store, other].map((s) => s.installations.purgeDue(T0)));
      const purged = runs.flat();
      expect(purged.map((result) => result.key).sort()).toEqual(teams.map((team) => `team:${team}`));
      expect(purged.reduce((sum, result) => sum + result.decisionsDeleted, 0)).toBe(teams.length);
    } finally {
      await other.close();
    }
  });

  it("keeps the earlier deletion date when the app is uninstalled twice", async () => {
    const { installations } = store;
    await installations.recordUninstall({ key: "team:T1", at: T0, purgeAfter: later(DAY) });
    await installations.recordUninstall({ key: "team:T1", at: later(1000), purgeAfter: later(5 * DAY) });
    expect((await installations.pendingPurges())[0]?.purgeAfter).toBe(later(DAY).toISOString());
  });
});
