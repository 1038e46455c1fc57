import type { ConditionalText, OptionSupport } from "../knowledge/schemas.js";
import { matches } from "./conditions.js";
import type { Facts } from "../vocabulary/index.js";

/**
 * The option's first implementation steps that apply to these facts, with the catalog's details filled in.
 * A step naming {dnsZone} is repeated for each zone; a detail the catalog lacks stays a visible <placeholder>.
 */
export function nextStepsFor(
  steps: ConditionalText[],
  facts: Facts,
  support: OptionSupport | undefined,
): string[] {
  return steps
    .filter((step) => matches(step.when, facts))
    .flatMap((step) => {
      const zones = support?.dnsZones ?? [];
      if (!step.text.includes("{dnsZone}") || zones.length === 0)
        return [fill(step.text, support, "<dns-zone>")];
      return zones.map((zone) => fill(step.text, support, zone));
    });
}

/** A caveat's text with the catalog's details filled in. */
export function fillCaveat(text: string, support: OptionSupport | undefined): string {
  return fill(text, support, "<dns-zone>");
}

function fill(text: string, support: OptionSupport | undefined, dnsZone: string): string {
  const values: Record<string, string | undefined> = {
    serviceTag: support?.serviceTag,
    groupId: support?.groupId,
    endpointServiceName: support?.endpointServiceName,
    dnsZone,
    dnsZones: support?.dnsZones?.join(", "),
    tierRequirement: support?.requiresTier?.text,
  };
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `<${kebab(name)}>`);
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => "-" + letter.toLowerCase());
}
