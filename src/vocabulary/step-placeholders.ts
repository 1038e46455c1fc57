/**
 * The {placeholders} a next step or caveat may use, filled from the service's catalog entry for the option:
 * {dnsZone} repeats a step once per zone, {dnsZones} lists them all, {tierRequirement} is the catalog's
 * sentence on the tier the option needs, {cliGroup} the az command group of the resource (webapp, functionapp).
 */
export const STEP_PLACEHOLDERS = [
  "serviceTag",
  "cliGroup",
  "groupId",
  "endpointServiceName",
  "dnsZone",
  "dnsZones",
  "tierRequirement",
] as const;
