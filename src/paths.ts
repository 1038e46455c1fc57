import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the nearest folder above this module that holds package.json.
 * Walking up (instead of a fixed "../..") keeps it right both from src/ under vitest and from dist/src/.
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** The folder of the knowledge files (catalog, pricing, tree, options). */
export function dataDir(): string {
  return join(projectRoot(), "data");
}
