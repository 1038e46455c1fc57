/**
 * The {placeholders} a next step or caveat may use, filled from the service's catalog entry for the option:
 * {dnsZone} repeats a step once per zone, {dnsZones} lists them all.
 */
export const STEP_PLACEHOLDERS = [
  "serviceTag",
  "groupId",
  "endpointServiceName",
  "dnsZone",
  "dnsZones",
] as const;
