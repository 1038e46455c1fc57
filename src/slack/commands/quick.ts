import { parseRequirements } from "../../advice/index.js";
import { z } from "zod";
import type { RequirementField } from "../../knowledge/questionnaire-schema.js";
import { closeMatches } from "../../render/index.js";
import { readAmount, requirementFieldSchema } from "../../vocabulary/index.js";
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
      text: say("quick-unknown-keys", { unknown: parsed.unknown, keys: [...QUICK_KEYS.keys()] }),
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

type Problem = "yes-no" | "cross-same" | "number" | "budget" | "choice";
/** A value read, or what is wrong with it (for a choice: the values allowed, and the one not among them). */
type Read = { value: unknown } | { problem: Problem; allowed?: string[]; given?: string };
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
const choice =
  (allowed: readonly string[]): Convert =>
  (value) =>
    allowed.includes(value.toLowerCase())
      ? { value: value.toLowerCase() }
      : { problem: "choice", allowed: [...allowed] };
const list =
  (allowed: readonly string[]): Convert =>
  (value) => {
    const values = value.toLowerCase().split(",").filter(Boolean);
    const wrong = values.find((one) => !allowed.includes(one));
    return wrong === undefined
      ? { value: values }
      : { problem: "choice", allowed: [...allowed], given: wrong };
  };

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

/**
 * The quick key of every Requirements field (a new field without one does not compile), and how its value
 * is read where the field's schema alone does not say (readerFor).
 */
const QUICK_FIELDS: Record<RequirementField, { key: string; convert?: Convert }> = {
  cloud: { key: "cloud" },
  target: { key: "target" },
  service: { key: "service" },
  tier: { key: "tier" },
  onPremisesAccess: { key: "onprem" },
  onPremisesDnsResolution: { key: "onpremdns" },
  // "public=off" reads as "the public endpoint must be off".
  disablePublicAccess: { key: "public", convert: (value) => negate(yesNo(value)) },
  exfiltrationProtection: { key: "exfil" },
  dns: { key: "dns" },
  appTrafficDirection: { key: "direction" },
  firewallInspection: { key: "firewall" },
  clientsInOtherNetworks: { key: "othernetworks" },
  crossRegion: { key: "region", convert: crossSame },
  crossTenant: { key: "tenant", convert: crossSame },
  overlappingAddressSpaces: { key: "overlap" },
  transitiveRouting: { key: "transitive" },
  monthlyBudgetUsd: {
    key: "budget",
    convert: (value) => {
      if (value.toLowerCase() === "none") return { value: null };
      const read = number(value);
      return "problem" in read ? { problem: "budget" } : read;
    },
  },
  dataGbPerMonth: { key: "gb" },
  dataGbInboundPerMonth: { key: "gbin" },
  dataGbOutboundPerMonth: { key: "gbout" },
  endpointCount: { key: "endpoints" },
  protocols: { key: "protocols" },
  title: { key: "title" },
};

/** quick key → its Requirements field and reader, in the order help lists them. */
export const QUICK_KEYS: ReadonlyMap<string, { field: RequirementField; convert: Convert }> = new Map(
  (Object.entries(QUICK_FIELDS) as [RequirementField, { key: string; convert?: Convert }][]).map(
    ([field, { key, convert }]) => [key, { field, convert: convert ?? readerFor(field) }],
  ),
);
const KEY_OF_FIELD = new Map([...QUICK_KEYS].map(([key, { field }]) => [field as string, key]));

/** The reader a field's schema implies: yes/no, a number, one of its values, a list of them, or text. */
function readerFor(field: RequirementField): Convert {
  const schema = requirementFieldSchema(field);
  if (schema instanceof z.ZodBoolean) return yesNo;
  if (schema instanceof z.ZodNumber) return number;
  if (schema instanceof z.ZodEnum) return choice(schema.options as string[]);
  if (schema instanceof z.ZodArray && schema.element instanceof z.ZodEnum)
    return list(schema.element.options as string[]);
  return text;
}

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
    const spec = QUICK_KEYS.get(key.toLowerCase());
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
        message: say("quick-bad-value", {
          problem: read.problem,
          value,
          allowed: read.allowed ?? [],
          close: closeMatches(read.given ?? value.toLowerCase(), read.allowed ?? []),
        }),
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
