import { openStore } from "../../src/store/index.js";
import { newDecision } from "./new-decision.js";

/**
 * A separate process that saves `count` decisions into the file named by its first argument, one per
 * transaction as the app does, and prints each id only after its save returned.
 */
const [path, count = "1000000", prefix = "w"] = process.argv.slice(2);
if (path === undefined) throw new Error("usage: writer.ts DB_PATH [COUNT] [PREFIX]");
const store = await openStore(path);
for (let index = 0; index < Number(count); index += 1) {
  const { decision } = await store.saveDecision(
    newDecision({ dedupeKey: `${prefix}-${index}`, title: `${prefix} ${index}` }),
  );
  process.stdout.write(`${decision.id} ${prefix}-${index}\n`);
}
await store.close();
