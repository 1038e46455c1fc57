import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/**
 * Starts `node` on a TypeScript file of this repository without a build: a loader transpiles each .ts
 * module (types stripped, nothing checked) and resolves the `.js` import specifiers to the .ts sources.
 * Child-process tests use it so they always run the code under test, never a stale dist/.
 */
export function spawnTs(script: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, ["--import", registration(), script, ...args], options);
}

let registrationUrl: string | undefined;

function registration(): string {
  const typescript = pathToFileURL(createRequire(import.meta.url).resolve("typescript")).href;
  const hooks = `
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from ${JSON.stringify(typescript)};
export async function resolve(specifier, context, next) {
  if (specifier.endsWith(".js") && specifier.startsWith(".") && context.parentURL?.startsWith("file:")) {
    const source = new URL(specifier.slice(0, -3) + ".ts", context.parentURL);
    if (!existsSync(new URL(specifier, context.parentURL)) && existsSync(source)) {
      return { url: source.href, shortCircuit: true };
    }
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.endsWith(".ts")) return next(url, context);
  const { outputText } = ts.transpileModule(readFileSync(fileURLToPath(url), "utf8"), {
    fileName: fileURLToPath(url),
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  });
  return { format: "module", source: outputText, shortCircuit: true };
}`;
  const register = `import { register } from "node:module"; register(${JSON.stringify(dataUrl(hooks))});`;
  registrationUrl ??= dataUrl(register);
  return registrationUrl;
}

function dataUrl(code: string): string {
  return `data:text/javascript,${encodeURIComponent(code)}`;
}
