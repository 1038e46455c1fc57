import { expect, it } from "vitest";
import { AUTHOR, CHANNEL, TEAM } from "./harness.js";
import { useSocketModeApp } from "./socket-harness.js";

const app = useSocketModeApp();

it("receives a slash command envelope over Socket Mode, acks it by envelope id and opens the modal", async () => {
  await app().slack.start();
  const socket = await app().connection;
  expect(app().stub.callsTo("apps.connections.open")).toHaveLength(1);
  const acked = new Promise<{ envelope_id: string }>((resolve) =>
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { envelope_id?: string };
      if (message.envelope_id !== undefined) resolve(message as { envelope_id: string });
    }),
  );
  socket.send(
    JSON.stringify({
      envelope_id: "env-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id: AUTHOR,
        command: "/endpoint-advice",
        text: "",
        api_app_id: "A1",
        response_url: `${app().stub.responseUrl}/socket`,
        trigger_id: "trigger.socket",
      },
    }),
  );
  expect((await acked).envelope_id).toBe("env-1");
  const [open] = await app().stub.waitFor("views.open");
  expect(open!.body.trigger_id).toBe("trigger.socket");
});
