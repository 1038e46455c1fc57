import type { NextStep, OptionSupport } from "../knowledge/schemas.js";
import { matches } from "./conditions.js";
import type { Facts } from "../vocabulary/index.js";

/**
 * The option's first implementation steps that apply to these facts, with the catalog's details filled in.
 * A step naming {dnsZone} is given for each zone (its `furtherZones` command after the first, where it has
 * one); a detail the catalog lacks stays a visible <placeholder>.
 */
export function nextStepsFor(steps: NextStep[], facts: Facts, support: OptionSupport | undefined): string[] {
  const filled: string[] = [];
  const zones = support?.dnsZones ?? [];
  for (const step of steps) {
    if (!matches(step.when, facts)) continue;
    if (zones.length === 0 || !step.text.includes("{dnsZone}"))
      filled.push(fill(step.text, support, "<dns-zone>"));
    else
      zones.forEach((zone, index) =>
        filled.push(fill(index === 0 ? step.text : (step.furtherZones ?? step.text), support, zone)),
      );
  }
  return filled;
}

/** A caveat's text with the catalog's details filled in. */
export function fillCaveat(text: string, support: OptionSupport | undefined): string {
  return fill(text, support, "<dns-zone>");
}

/**
 * Replaces each {name} (letters, digits, underscores) with the catalog's value, scanning once: this runs for
 * every step and constraint of every option an answer weighs, so it builds no table and no regex per call.
 */
function fill(text: string, support: OptionSupport | undefined, dnsZone: string): string {
  let open = text.indexOf("{");
  if (open < 0) return text;
  let filled = "";
  let copied = 0;
  while (open >= 0) {
    let end = open + 1;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end += 1;
    if (end > open + 1 && text.charCodeAt(end) === CLOSE_BRACE) {
      const name = text.slice(open + 1, end);
      filled += text.slice(copied, open) + (valueOf(name, support, dnsZone) ?? `<${kebab(name)}>`);
      copied = end + 1;
      open = text.indexOf("{", copied);
    } else {
      open = text.indexOf("{", open + 1);
    }
  }
  return filled + text.slice(copied);
}

function valueOf(name: string, support: OptionSupport | undefined, dnsZone: string): string | undefined {
  switch (name) {
    case "serviceTag":
      return support?.serviceTag;
    case "groupId":
      return support?.groupId;
    case "cliGroup":
      return support?.cliGroup;
    case "endpointServiceName":
      return support?.endpointServiceName;
    case "dnsZone":
      return dnsZone;
    case "dnsZones":
      return support?.dnsZones?.join(", ");
    case "tierRequirement":
      return support?.requiresTier?.text;
    default:
      return undefined;
  }
}

const CLOSE_BRACE = 0x7d;

/** \w: A–Z, a–z, 0–9, _ */
function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => "-" + letter.toLowerCase());
}
