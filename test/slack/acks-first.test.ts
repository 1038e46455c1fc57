import { EventEmitter } from "node:events";
import { createServer } from "node:http";
import type { Server, ServerResponse } from "node:http";
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
  await acksFirst.turn(); // nothing unanswered: resolves after the quiet period
  server.close();
});

it("keeps holding the work when another request of the burst arrives as the last one is answered", async () => {
  // Arrivals are emitted by hand so their order is exact: the server sees only "request" and "close".
  const server = new EventEmitter();
  const acksFirst = new AcksFirst();
  acksFirst.watch(server as Server);
  const arrive = () => {
    const response = new EventEmitter();
    server.emit("request", {}, response);
    return response;
  };

  const first = arrive();
  let resumed = false;
  const turn = acksFirst.turn().then(() => (resumed = true));
  await nextTurn();
  first.emit("close");
  const second = arrive();
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(resumed).toBe(false);

  second.emit("close");
  await turn;
  expect(resumed).toBe(true);
});
