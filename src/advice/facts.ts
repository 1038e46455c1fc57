import type { Knowledge } from "../knowledge/index.js";
import type { OptionSupport, Service } from "../knowledge/schemas.js";
import type { Facts, Requirements } from "../vocabulary/index.js";

/** The facts of one request: the requirement fields plus what the catalog says about the chosen service. */
export function computeFacts(requirements: Requirements, knowledge: Knowledge): Facts {
  const service = requirements.target === "cloud-service" ? serviceOf(requirements, knowledge) : undefined;
  const supports = (option: keyof Service["support"]): string =>
    String(usable(service?.support[option], requirements));
  const offered = (option: keyof Service["support"]): string =>
    offeredInTier(service?.support[option], requirements);
  return {
    cloud: requirements.cloud,
    target: requirements.target,
    dns: requirements.dns,
    onPremisesAccess: String(requirements.onPremisesAccess),
    disablePublicAccess: String(requirements.disablePublicAccess),
    exfiltrationProtection: String(requirements.exfiltrationProtection),
    crossRegion: String(requirements.crossRegion),
    crossTenant: String(requirements.crossTenant),
    overlappingAddressSpaces: String(requirements.overlappingAddressSpaces),
    transitiveRouting: String(requirements.transitiveRouting),
    appTrafficDirection: requirements.appTrafficDirection,
    clientsInOtherNetworks: String(requirements.clientsInOtherNetworks),
    firewallInspection: String(requirements.firewallInspection),
    icmpRequired: String(requirements.protocols.includes("icmp")),
    budgetSet: String(requirements.monthlyBudgetUsd !== null),
    serviceSupportsServiceEndpoint: offered("service-endpoint"),
    serviceSupportsPrivateEndpoint: offered("private-endpoint"),
    awsGatewayEndpointService: supports("aws-gateway-endpoint"),
    serviceSupportsInterfaceEndpoint: supports("aws-interface-endpoint"),
    serviceSupportsPrivateServiceConnect: supports("gcp-private-service-connect"),
    serviceSupportsPrivateGoogleAccess: supports("gcp-private-google-access"),
    serviceSupportsVnetIntegration: supports("vnet-integration"),
    ...combinedFacts(requirements, service),
  };
}

/** The facts that combine several answers (with the catalog): what changes with any one of those answers. */
export function combinedFacts(
  requirements: Requirements,
  service: Service | undefined,
): Pick<
  Facts,
  "privateIpNeeded" | "serviceEndpointCoversRegions" | "serviceEndpointTagChangesAcrossRegions"
> {
  const serviceEndpoint = service?.support["service-endpoint"];
  const coversRegions = !(requirements.crossRegion && serviceEndpoint?.sameRegionOnly === true);
  return {
    privateIpNeeded: String(
      requirements.onPremisesAccess ||
        requirements.disablePublicAccess ||
        requirements.exfiltrationProtection ||
        requirements.firewallInspection ||
        !coversRegions,
    ),
    serviceEndpointCoversRegions: String(coversRegions),
    serviceEndpointTagChangesAcrossRegions: String(
      requirements.crossRegion && serviceEndpoint?.crossRegionServiceTag !== undefined,
    ),
  };
}

/**
 * An option the advice may use for the service: documented as supported, not advised against by the vendor
 * (Container Registry service endpoints), and available in the service's tier when the tier is known (an
 * unknown tier leaves it usable; the advice names the tier it needs).
 */
function usable(support: OptionSupport | undefined, requirements: Requirements): boolean {
  return offeredInTier(support, requirements) === "true";
}

/** usable, or "needs-tier" when the option exists for the service but not in the tier chosen. */
function offeredInTier(support: OptionSupport | undefined, requirements: Requirements): string {
  if (support?.supported !== true || support.status === "not-recommended") return "false";
  const tiers = support.requiresTier?.tiers;
  const inTier = tiers === undefined || requirements.tier === undefined || tiers.includes(requirements.tier);
  return inTier ? "true" : "needs-tier";
}

/** The requested catalog service, when the request is about one (parseRequirements has checked the id). */
export function serviceOf(requirements: Requirements, knowledge: Knowledge): Service | undefined {
  return requirements.service === undefined ? undefined : knowledge.findService(requirements.service);
}
