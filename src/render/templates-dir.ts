import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** templates/ at the project root. */
export function templatesDir(): string {
  return join(projectRootDir(), "templates");
}

/** The project root: found by walking up to package.json (works from src/ and dist/src/). */
export function projectRootDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above the render module");
    dir = parent;
  }
  return dir;
}
