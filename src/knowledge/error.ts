/** A data file is missing, malformed or inconsistent; the message names the file and the JSON path. */
export class KnowledgeError extends Error {
  override readonly name = "KnowledgeError";
}

/** ["nodes", "q-onprem", "branches", 1, "next"] → "nodes.q-onprem.branches[1].next". */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : (index === 0 ? "" : ".") + String(key)))
    .join("");
}
