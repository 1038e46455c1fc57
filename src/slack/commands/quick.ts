import { parseRequirements } from "../../advice/index.js";
import { readAmount } from "../../vocabulary/index.js";
import type { CommandArgs } from "../context.js";
import { recordAnswer } from "../deliver-answer.js";
import { describeFieldErrors } from "../field-errors.js";
import type { PrivateReply } from "../reply-privately.js";
import { deliverAfterAck, saveBeforeAck } from "../save-then-deliver.js";
import { say } from "../words.js";

/**
 * `/endpoint-advice quick cloud=azure service=… onprem=yes budget=20`: the answer without the modal. The
 * decision and its pending delivery are saved before the ack (a millisecond when the database is free), so
 * a command Slack saw acknowledged is never lost; the answer is then delivered from the outbox.
 */
export async function quickAnswer(args: CommandArgs, reply: PrivateReply, text: string): Promise<void> {
  const { ack, command, context } = args;
  const parsed = parseQuickArgs(text);
  if ("unknown" in parsed) {
    await ack();
    await reply({
      response_type: "ephemeral",
      text: say("quick-unknown-keys", { unknown: parsed.unknown, keys: QUICK_KEYS }),
    });
    return;
  }
  const requirements = parseRequirements(parsed.input, context.services.knowledge);
  // Every problem at once: the values quick could not read, and what the requirements then refuse.
  const errors = [
    ...parsed.errors,
    ...(requirements.ok ? [] : describeFieldErrors(requirements.errors, context.services.knowledge))
      .filter((error) => !parsed.errors.some((read) => read.field === error.field))
      .map((error) => ({ ...error, key: KEY_OF_FIELD.get(error.field) ?? error.field })),
  ];
  if (errors.length > 0 || !requirements.ok) {
    await ack();
    await reply({ response_type: "ephemeral", text: say("quick-errors", { errors }) });
    return;
  }
  const user = command.user_id;
  const saving = recordAnswer(args, {
    user,
    channel: command.channel_id,
    requirements: requirements.value,
    dedupeKey: `quick:${command.trigger_id}`,
    ...(command.response_url && { responseUrl: command.response_url }),
  });
  const atAck = await saveBeforeAck(saving);
  await ack();
  await deliverAfterAck(args, atAck, user, (message) => reply({ response_type: "ephemeral", text: message }));
}

type Read = { value: unknown } | { problem: "yes-no" | "cross-same" | "number" | "budget" };
type Convert = (value: string) => Read;

const yesNo: Convert = (value) => {
  const answer = YES_NO[value.toLowerCase()];
  return answer === undefined ? { problem: "yes-no" } : { value: answer };
};
const crossSame: Convert = (value) => {
  const answer = CROSS_SAME[value.toLowerCase()] ?? YES_NO[value.toLowerCase()];
  return answer === undefined ? { problem: "cross-same" } : { value: answer };
};
const number: Convert = (value) => {
  const parsed = readAmount(value);
  return parsed === undefined ? { problem: "number" } : { value: parsed };
};
const text: Convert = (value) => ({ value });

const YES_NO: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  on: true,
  "1": true,
  no: false,
  n: false,
  false: false,
  off: false,
  "0": false,
};
const CROSS_SAME: Record<string, boolean> = { cross: true, same: false };

// quick key → Requirements field and how its value is read.
const QUICK_FIELDS: Record<string, { field: string; convert: Convert }> = {
  cloud: { field: "cloud", convert: text },
  target: { field: "target", convert: text },
  service: { field: "service", convert: text },
  onprem: { field: "onPremisesAccess", convert: yesNo },
  // "public=off" reads as "the public endpoint must be off".
  public: { field: "disablePublicAccess", convert: (value) => negate(yesNo(value)) },
  exfil: { field: "exfiltrationProtection", convert: yesNo },
  dns: { field: "dns", convert: text },
  region: { field: "crossRegion", convert: crossSame },
  tenant: { field: "crossTenant", convert: crossSame },
  overlap: { field: "overlappingAddressSpaces", convert: yesNo },
  transitive: { field: "transitiveRouting", convert: yesNo },
  budget: {
    field: "monthlyBudgetUsd",
    convert: (value) => {
      if (value.toLowerCase() === "none") return { value: null };
      const read = number(value);
      return "problem" in read ? { problem: "budget" } : read;
    },
  },
  gb: { field: "dataGbPerMonth", convert: number },
  endpoints: { field: "endpointCount", convert: number },
  protocols: {
    field: "protocols",
    convert: (value) => ({ value: value.toLowerCase().split(",").filter(Boolean) }),
  },
  title: { field: "title", convert: text },
};
const QUICK_KEYS = Object.keys(QUICK_FIELDS);
const KEY_OF_FIELD = new Map(Object.entries(QUICK_FIELDS).map(([key, { field }]) => [field, key]));

interface QuickError {
  key: string;
  field: string;
  message: string;
}

type QuickParse = { unknown: string[] } | { input: Record<string, unknown>; errors: QuickError[] };

function parseQuickArgs(args: string): QuickParse {
  const input: Record<string, unknown> = { target: "cloud-service" };
  const unknown: string[] = [];
  const errors: QuickError[] = [];
  // key=value, key="several words" or key=“several words” (Slack clients often type curly quotes).
  const pairs = args.matchAll(/(\S+?)=(?:"([^"]*)"|“([^”]*)”|(\S*))|(\S+)/g);
  for (const [, key = "", quoted, curly, bare, stray] of pairs) {
    if (stray !== undefined) {
      errors.push({ key: stray, field: stray, message: say("quick-not-a-pair") });
      continue;
    }
    const spec = QUICK_FIELDS[key.toLowerCase()];
    if (spec === undefined) {
      unknown.push(key);
      continue;
    }
    const value = quoted ?? curly ?? bare ?? "";
    const read = spec.convert(value);
    if ("problem" in read)
      errors.push({
        key,
        field: spec.field,
        message: say("quick-bad-value", { problem: read.problem, value }),
      });
    else input[spec.field] = read.value;
  }
  if (unknown.length > 0) return { unknown };
  if (input.target !== "cloud-service") delete input.service;
  return { input, errors };
}

function negate(read: Read): Read {
  return "value" in read && typeof read.value === "boolean" ? { value: !read.value } : read;
}
