import { createServer } from "node:http";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setImmediate as nextTurn } from "node:timers/promises";
import { expect, it } from "vitest";
import { AcksFirst } from "../../src/slack/acks-first.js";

it("holds follow-up work while a received request still waits for its answer", async () => {
  let held: ServerResponse | undefined;
  const server = createServer();
  const arrived = new Promise<void>((resolve) => {
    server.once("request", (_request, response: ServerResponse) => {
      held = response;
      resolve();
    });
  });
  const acksFirst = new AcksFirst();
  acksFirst.watch(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const answered = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await arrived;

  let resumed = false;
  const turn = acksFirst.turn().then(() => (resumed = true));
  for (let i = 0; i < 5; i++) await nextTurn();
  expect(resumed).toBe(false);

  held?.end("ok");
  await turn;
  expect(resumed).toBe(true);
  expect(await (await answered).text()).toBe("ok");
  await acksFirst.turn(); // nothing waiting: resolves straight away
  server.close();
});
