import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/paths.js";

/**
 * The arrows of DESIGN.md §6 below the adapters: advice → knowledge → vocabulary, advice → vocabulary, and
 * never back. Each layer may import itself, the layers listed for it, and packages; nothing else in src/.
 */
const ALLOWED: Record<string, string[]> = {
  vocabulary: ["vocabulary"],
  knowledge: ["knowledge", "vocabulary", "paths.ts"],
  advice: ["advice", "knowledge", "vocabulary"],
};

const src = join(projectRoot(), "src");

describe("import direction of the core", () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`src/${layer} imports only ${allowed.join(", ")} within src`, () => {
      const files = tsFiles(join(src, layer));
      expect(files.length).toBeGreaterThan(0);
      const wrong = files.flatMap((file) =>
        importsOf(file)
          .filter((target) => !allowed.includes(target.split("/")[0] ?? ""))
          .map((target) => `${relative(src, file)} → ${target}`),
      );
      expect(wrong).toEqual([]);
    });
  }

  it("sees every kind of import it checks", () => {
    const sample = [
      'import { a } from "../knowledge/index.js";',
      'import type { B } from "../render/index.js";',
      'export { c } from "../slack/app.js";',
      'const d = await import("../cli/bin.js");',
      'import "../store/index.js";',
      'import { z } from "zod";',
    ].join("\n");
    expect(specifiers(sample)).toEqual([
      "../knowledge/index.js",
      "../render/index.js",
      "../slack/app.js",
      "../cli/bin.js",
      "../store/index.js",
      "zod",
    ]);
  });
});

/** The src/ paths (relative, e.g. "knowledge/index.ts") a file imports; packages and node: modules left out. */
function importsOf(file: string): string[] {
  return specifiers(readFileSync(file, "utf8"))
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => relative(src, join(dirname(file), specifier)).replace(/\.js$/, ".ts"));
}

function specifiers(code: string): string[] {
  const pattern =
    /(?:^|\n)\s*(?:import|export)\b[^"';]*?(?:from\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  return [...code.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? "");
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}
