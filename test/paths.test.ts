import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir, projectRoot } from "../src/paths.js";

describe("projectRoot", () => {
  it("is the folder of this project's package.json", () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as {
      name: string;
    };
    expect(manifest.name).toBe("endpoint-advice");
  });

  it("holds the knowledge files in data/", () => {
    for (const file of ["catalog.json", "pricing.json", "tree.json", "options.json"]) {
      expect(existsSync(join(dataDir(), file)), file).toBe(true);
    }
  });
});
