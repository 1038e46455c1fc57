import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { advise } from "../../src/advice/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { dataDir } from "../../src/paths.js";
import { RequirementsSchema } from "../../src/vocabulary/index.js";
import { cli, type CliRun } from "../cli/run.js";
import { tempFolder } from "../store/new-decision.js";
import { corruptCopy, failure } from "./data-copy.js";

/**
 * Every source a person can see is a public page by title and link (DESIGN §7; issue 9, "Sources people can
 * open"): the source documents the data was specified from are provenance, so their file names
 * (000_….txt) and the word "seed" appear in no data file, no `--json` answer and no JSON export.
 */
const FILE_NAME = /\d{3}_[0-9a-f]{16}\.txt/;
const SEED = /\bseed/i;
const PUBLIC_PAGE =
  /^https:\/\/(learn\.microsoft\.com|azure\.microsoft\.com|docs\.aws\.amazon\.com|aws\.amazon\.com|cloud\.google\.com)\//;
const dataFiles = readdirSync(dataDir()).filter((file) => /\.(json|ya?ml)$/.test(file));
const knowledge = loadKnowledge();

/** Every `source` value in a JSON document, with where it sits. */
function sourcesIn(node: unknown, path = ""): { path: string; source: unknown }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => sourcesIn(item, `${path}[${i}]`));
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    key === "source" ? [{ path, source: value }] : sourcesIn(value, `${path}.${key}`),
  );
}

describe("the knowledge files cite public pages only", () => {
  it("has data files to check", () => expect(dataFiles).toEqual(expect.arrayContaining(["tree.json"])));

  it.each(dataFiles)("%s holds no source file name and no 'seed'", (file) => {
    const text = readFileSync(join(dataDir(), file), "utf8");
    expect(text).not.toMatch(FILE_NAME);
    expect(text).not.toMatch(SEED);
  });

  it.each(dataFiles.filter((file) => file.endsWith(".json")))(
    "every source in %s is a titled vendor page",
    (file) => {
      const sources = sourcesIn(JSON.parse(readFileSync(join(dataDir(), file), "utf8")));
      for (const { path, source } of sources) {
        expect(source, path).toMatchObject({ title: expect.any(String) as unknown });
        expect((source as { url: unknown }).url, path).toMatch(PUBLIC_PAGE);
        expect(Object.keys(source as object).sort(), path).toEqual(["title", "url"]);
      }
    },
  );

  it.each([
    ["tree.json", ["nodes", "q-cloud", "branches", 0, "source"]],
    ["tree.json", ["nodes", "leaf-service-endpoint", "source"]],
    ["options.json", ["options", "private-endpoint", "caveats", 0, "source"]],
    ["options.json", ["options", "service-endpoint", "drawbacks", 0, "source"]],
  ] as const)("the loader refuses a file name or bare link as a source in %s (%j)", (file, path) => {
    for (const value of ["003_bb4d763537a99345.txt", "https://learn.microsoft.com/en-us/azure/"]) {
      expect(failure(corruptCopy(file, { path: [...path], value }))).toMatch(/source/);
    }
  });
});

describe("answers and exports cite public pages only", () => {
  const answers: Record<string, unknown>[] = [
    ...knowledge.offeredServices().flatMap((service) =>
      [false, true].map((onPremisesAccess) => ({
        cloud: service.cloud,
        target: "cloud-service",
        service: service.id,
        onPremisesAccess,
        disablePublicAccess: onPremisesAccess,
        dns: onPremisesAccess ? "custom-forwarding" : "azure-private-dns",
      })),
    ),
    ...(["azure", "aws", "gcp"] as const).flatMap((cloud) =>
      (["own-service", "virtual-network"] as const).map((target) => ({ cloud, target })),
    ),
  ];

  it.each(answers.map((answer) => [Object.values(answer).slice(0, 3).join(" "), answer]))(
    "the advice JSON for %s",
    (_, answer) => {
      const json = JSON.stringify(advise(RequirementsSchema.parse(answer), knowledge));
      expect(json).not.toMatch(FILE_NAME);
      expect(json).not.toMatch(SEED);
    },
  );

  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.remove());

  function ok(result: CliRun): string {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    return result.stdout;
  }

  it("`advise --json` and `export --format json` of saved decisions", () => {
    const db = folder.path("decisions.db");
    for (const answer of [answers[0]!, answers[1]!, answers.at(-1)!]) {
      const out = ok(
        cli(["advise", "--answers", "-", "--json", "--save", "--db", db], JSON.stringify(answer)),
      );
      expect(out).not.toMatch(FILE_NAME);
      expect(out).not.toMatch(SEED);
    }
    const exported = ok(cli(["export", "--format", "json", "--db", db]));
    expect(JSON.parse(exported)).toHaveLength(3);
    expect(exported).not.toMatch(FILE_NAME);
    expect(exported).not.toMatch(SEED);
  });
});
