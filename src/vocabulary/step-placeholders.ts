/**
 * The {placeholders} a next step or caveat may use, filled from the service's catalog entry for the option:
 * {dnsZone} repeats a step once per zone, {dnsZones} lists them all, {tierRequirement} is the catalog's
 * sentence on the tier the option needs.
 */
export const STEP_PLACEHOLDERS = [
  "serviceTag",
  "groupId",
  "endpointServiceName",
  "dnsZone",
  "dnsZones",
  "tierRequirement",
] as const;
