import type { Scenario } from "./scenario.js";

// Prices (Azure Private Link pricing): $0.01 per private endpoint-hour (730 h a month: $7.30 each); data
// processed $0.01/GB for the first 1 PB, $0.006/GB for the next 4 PB, $0.004/GB beyond 5 PB, inbound and
// outbound each on its own ladder (1 PB = 1,048,576 GB). Without a given split, half the GB go each way.
// VNet peering (Virtual Network pricing): $0.01/GB out of the sending VNet and $0.01/GB into the receiving
// one in one region; global peering Zone 1 $0.035/GB each way.

const SERVICE_ENDPOINTS = {
  title: "Azure virtual network service endpoints",
  url: "https://learn.microsoft.com/en-us/azure/virtual-network/virtual-network-service-endpoints-overview",
};
const PRIVATE_ENDPOINT = {
  title: "What is a private endpoint?",
  url: "https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-overview",
};
const PRIVATE_ENDPOINT_DNS = {
  title: "Azure Private Endpoint private DNS zone values",
  url: "https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-dns",
};
const PRIVATE_ENDPOINT_DNS_INTEGRATION = {
  title: "Azure Private Endpoint DNS integration",
  url: "https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-dns-integration",
};
const PRIVATE_LINK_PRICING = {
  title: "Azure Private Link pricing",
  url: "https://azure.microsoft.com/en-us/pricing/details/private-link/",
};
const VNET_PRICING = {
  title: "Virtual Network pricing",
  url: "https://azure.microsoft.com/en-us/pricing/details/virtual-network/",
};
const PEERING = {
  title: "Azure Virtual Network peering",
  url: "https://learn.microsoft.com/en-us/azure/virtual-network/virtual-network-peering-overview",
};
const PRIVATE_LINK_SERVICE = {
  title: "What is Azure Private Link service?",
  url: "https://learn.microsoft.com/en-us/azure/private-link/private-link-service-overview",
};
const STORAGE_NETWORK_SECURITY = {
  title: "Azure Storage firewall and virtual network rules",
  url: "https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security",
};

const blob = { target: "cloud-service", service: "azure-storage-blob" };

export const AZURE_SCENARIOS: Scenario[] = [
  // — Storage: the plain case, then each need that calls for a private IP —
  {
    question:
      "Our VMs read blobs from a storage account in the same region; nothing else is needed. Service endpoint or private endpoint?",
    requirements: { ...blob, dataGbPerMonth: 5000 },
    expect: {
      option: "service-endpoint",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "private-endpoint": true },
      says: [/--service-endpoints Microsoft\.Storage /],
    },
    doc: SERVICE_ENDPOINTS,
  },
  {
    question:
      "The payments team must reach a storage account from the data centre over ExpressRoute: service endpoint or private endpoint?",
    requirements: { ...blob, onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "service-endpoint": false },
      says: [/--group-id blob/, /privatelink\.blob\.core\.windows\.net/],
    },
    doc: SERVICE_ENDPOINTS,
  },
  {
    // 730 h × $0.01 = $7.30; 2,048 GB (1,024 each way) × $0.01 = $20.48; total $27.78.
    question:
      "On-premises backup jobs push 2 TB a month into blob storage over a site-to-site VPN: what does that cost privately?",
    requirements: { ...blob, onPremisesAccess: true, dataGbPerMonth: 2048 },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 27.78 },
    doc: PRIVATE_LINK_PRICING,
  },
  {
    question:
      "Security wants the storage account's public endpoint switched off entirely. Can we still reach it from our VNet?",
    requirements: { ...blob, disablePublicAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "service-endpoint": false },
    },
    doc: PRIVATE_ENDPOINT,
  },
  {
    question:
      "Only our own storage account may be reachable from the subnet, not every account in Azure (data exfiltration). What do we set up?",
    requirements: { ...blob, exfiltrationProtection: true },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 7.3 },
    doc: PRIVATE_ENDPOINT,
  },
  {
    question:
      "Our storage account lives in another, non-paired region. Does a service endpoint still work, and which one?",
    requirements: { ...blob, crossRegion: true },
    expect: {
      option: "service-endpoint",
      fits: true,
      monthlyCostUsd: 0,
      says: [/--service-endpoints Microsoft\.Storage\.Global /, /cannot share a subnet/],
    },
    doc: STORAGE_NETWORK_SECURITY,
  },
  {
    question:
      "Traffic to storage must pass our Azure Firewall for inspection. Can a service endpoint do that?",
    requirements: { ...blob, firewallInspection: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "service-endpoint": false },
    },
    doc: SERVICE_ENDPOINTS,
  },
  {
    question:
      "A subnet in another Microsoft Entra tenant needs our blob storage; nothing else is required. Do service endpoints work across tenants?",
    requirements: { ...blob, crossTenant: true },
    expect: { option: "service-endpoint", fits: true, monthlyCostUsd: 0 },
    doc: SERVICE_ENDPOINTS,
  },
  {
    question:
      "A partner's tenant must reach our storage from their data centre. What does the cross-tenant private endpoint involve?",
    requirements: { ...blob, crossTenant: true, onPremisesAccess: true },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 7.3, says: [/approv/i] },
    doc: PRIVATE_ENDPOINT,
  },
  {
    question:
      "We run our own DNS servers and forward to Azure: can on-premises clients still resolve the storage account's private endpoint?",
    requirements: { ...blob, onPremisesAccess: true, dns: "custom-forwarding" },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 7.3, says: [/168\.63\.129\.16/] },
    doc: PRIVATE_ENDPOINT_DNS_INTEGRATION,
  },
  {
    question:
      "We cannot touch DNS at all, and the VMs just need storage from their own subnet. Is that a problem?",
    requirements: { ...blob, dns: "cannot-change" },
    expect: { option: "service-endpoint", fits: true, monthlyCostUsd: 0 },
    doc: SERVICE_ENDPOINTS,
  },
  {
    question: "From the data centre to storage, but nobody can change DNS: does a private endpoint work?",
    requirements: { ...blob, onPremisesAccess: true, dns: "cannot-change" },
    expect: {
      option: "private-endpoint",
      fits: false,
      monthlyCostUsd: 7.3,
      alternatives: { "service-endpoint": false },
    },
    doc: PRIVATE_ENDPOINT_DNS_INTEGRATION,
  },
  {
    question:
      "Monitoring pings the storage endpoint from on-premises (ICMP). Will that work through a private endpoint?",
    requirements: { ...blob, onPremisesAccess: true, protocols: ["tcp", "icmp"] },
    expect: { option: "private-endpoint", fits: false, monthlyCostUsd: 7.3 },
    doc: PRIVATE_ENDPOINT,
  },
  {
    question: "Data centre to storage, and finance gives us $5 a month for it. Does that cover it?",
    requirements: { ...blob, onPremisesAccess: true, monthlyBudgetUsd: 5 },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      withinBudget: false,
      alternatives: { "service-endpoint": false },
    },
    doc: PRIVATE_LINK_PRICING,
  },
  {
    question: "Exfiltration protection for storage with a budget of zero: does the free service endpoint do?",
    requirements: { ...blob, exfiltrationProtection: true, monthlyBudgetUsd: 0 },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 7.3, withinBudget: false },
    doc: PRIVATE_LINK_PRICING,
  },
  {
    question:
      "Azure Files shares must be mounted from the office over VPN. Which endpoint, and which sub-resource?",
    requirements: { target: "cloud-service", service: "azure-storage-file", onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/--group-id file/, /privatelink\.file\.core\.windows\.net/],
    },
    doc: {
      title: "Azure Files networking considerations",
      url: "https://learn.microsoft.com/en-us/azure/storage/files/storage-files-networking-overview",
    },
  },
  {
    question:
      "A Data Lake Storage Gen2 account must be reachable from on-premises Spark clusters. Which sub-resource?",
    requirements: { target: "cloud-service", service: "azure-storage-dfs", onPremisesAccess: true },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 7.3, says: [/--group-id dfs/] },
    doc: PRIVATE_ENDPOINT_DNS,
  },
  {
    question: "Queue storage from workers in the same VNet, nothing special. Service endpoint?",
    requirements: { target: "cloud-service", service: "azure-storage-queue" },
    expect: { option: "service-endpoint", fits: true, monthlyCostUsd: 0 },
    doc: SERVICE_ENDPOINTS,
  },

  // — Volume: Private Link data on its per-direction ladders —
  {
    // The seed example: 730 h × $0.01 = $7.30; 100 TB in + 100 TB out = 204,800 GB × $0.01 = $2,048;
    // total $2,055.30 ("over $2,000 monthly").
    question: "A private endpoint up all month with 100 TB in and 100 TB out: what is the monthly bill?",
    requirements: { ...blob, onPremisesAccess: true, dataGbPerMonth: 204800 },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 2055.3 },
    doc: PRIVATE_LINK_PRICING,
  },
  {
    // 1.5 PB each way = 1,572,864 GB per direction. Per direction: 1,048,576 × $0.01 = $10,485.76 plus
    // 524,288 × $0.006 = $3,145.728 → $13,631.488; both directions $27,262.976; + $7.30 = $27,270.276.
    // (One summed ladder would give 1,048,576 × 0.01 + 2,097,152 × 0.006 = $23,068.67, $4,194 too low.)
    question:
      "Our analytics platform moves 1.5 PB each way a month through one private endpoint. What does Private Link charge?",
    requirements: { ...blob, onPremisesAccess: true, dataGbPerMonth: 3145728 },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 27270.28 },
    doc: PRIVATE_LINK_PRICING,
  },
  {
    // 6 PB each way = 6,291,456 GB per direction: 1,048,576 × 0.01 = $10,485.76; 4,194,304 × 0.006 =
    // $25,165.824; 1,048,576 × 0.004 = $4,194.304 → $39,845.888 per direction, $79,691.776 both; + $7.30
    // = $79,699.076.
    question: "At 6 PB each way a month, past the last tier, what does one private endpoint cost?",
    requirements: { ...blob, onPremisesAccess: true, dataGbPerMonth: 12582912 },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 79699.08 },
    doc: PRIVATE_LINK_PRICING,
  },
  {
    // Inbound 1,200,000 GB: 1,048,576 × 0.01 + 151,424 × 0.006 = $10,485.76 + $908.544 = $11,394.304;
    // outbound 200,000 × 0.01 = $2,000; + $7.30 → $13,401.604.
    question:
      "Ingestion is lopsided: 1.2 million GB in and 200,000 GB out a month. What does the private endpoint cost?",
    requirements: {
      ...blob,
      onPremisesAccess: true,
      dataGbInboundPerMonth: 1200000,
      dataGbOutboundPerMonth: 200000,
    },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 13401.6 },
    doc: PRIVATE_LINK_PRICING,
  },
  {
    // 5 endpoints × 730 h × $0.01 = $36.50; 300 GB × $0.01 = $3; total $39.50.
    question:
      "Five key vaults, each with its own private endpoint for on-premises build agents, 300 GB a month in all: cost?",
    requirements: {
      target: "cloud-service",
      service: "azure-key-vault",
      onPremisesAccess: true,
      endpointCount: 5,
      dataGbPerMonth: 300,
    },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 39.5, says: [/--group-id vault/] },
    doc: PRIVATE_LINK_PRICING,
  },

  // — Databases —
  {
    question: "App servers in the same region as our Azure SQL server: is a service endpoint enough?",
    requirements: { target: "cloud-service", service: "azure-sql-database" },
    expect: { option: "service-endpoint", fits: true, monthlyCostUsd: 0, says: [/Microsoft\.Sql/] },
    doc: {
      title: "Use virtual network service endpoints and rules for servers in Azure SQL Database",
      url: "https://learn.microsoft.com/en-us/azure/azure-sql/database/vnet-service-endpoint-rule-overview",
    },
  },
  {
    question:
      "The Azure SQL server is in West Europe, the app VNet in North Europe. Can a service endpoint span regions?",
    requirements: { target: "cloud-service", service: "azure-sql-database", crossRegion: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "service-endpoint": false },
      says: [/--group-id sqlServer/],
    },
    doc: {
      title: "Use virtual network service endpoints and rules for servers in Azure SQL Database",
      url: "https://learn.microsoft.com/en-us/azure/azure-sql/database/vnet-service-endpoint-rule-overview",
    },
  },
  {
    question: "Reporting in the data centre queries Azure SQL Database directly: what do we need?",
    requirements: { target: "cloud-service", service: "azure-sql-database", onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/privatelink\.database\.windows\.net/],
    },
    doc: PRIVATE_ENDPOINT_DNS,
  },
  {
    question: "Cosmos DB with public network access disabled, used from AKS in our VNet: which option?",
    requirements: { target: "cloud-service", service: "azure-cosmos-db", disablePublicAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/privatelink\.documents\.azure\.com/],
    },
    doc: {
      title: "Configure Azure Private Link for an Azure Cosmos DB account",
      url: "https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-configure-private-endpoints",
    },
  },
  {
    question:
      "PostgreSQL flexible server reached from on-premises: private endpoint or VNet integration, and do they mix?",
    requirements: {
      target: "cloud-service",
      service: "azure-postgresql-flexible-server",
      onPremisesAccess: true,
    },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/--group-id postgresqlServer/, /VNet integration .* different model/],
    },
    doc: {
      title: "Azure Database for PostgreSQL flexible server networking with Private Link",
      url: "https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-networking-private-link",
    },
  },
  {
    question: "A new MySQL flexible server for the shop, reachable from the office: which option?",
    requirements: { target: "cloud-service", service: "azure-mysql-flexible-server", onPremisesAccess: true },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 7.3, says: [/--group-id mysqlServer/] },
    doc: PRIVATE_ENDPOINT_DNS,
  },
  {
    question:
      "SQL Managed Instance must be reachable from a peered hub and from on-premises: what do we set up?",
    requirements: { target: "cloud-service", service: "azure-sql-managed-instance", onPremisesAccess: true },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 7.3 },
    doc: PRIVATE_ENDPOINT_DNS,
  },
  {
    question:
      "Azure Cache for Redis for the web tier, reachable from the data centre for a migration: which option?",
    requirements: { target: "cloud-service", service: "azure-cache-for-redis", onPremisesAccess: true },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 7.3 },
    doc: PRIVATE_ENDPOINT_DNS,
  },

  // — Retired services: refused, successor named —
  {
    question: "We still have a PostgreSQL single server: service endpoint or private endpoint for it?",
    requirements: { target: "cloud-service", service: "azure-postgresql-single-server" },
    expect: {
      refused: { field: "service", says: /retired on 2025-03-28.*azure-postgresql-flexible-server/ },
    },
    doc: {
      title: "What's happening to Azure Database for PostgreSQL single server?",
      url: "https://learn.microsoft.com/en-us/azure/postgresql/migrate/whats-happening-to-postgresql-single-server",
    },
  },
  {
    question: "Can we put a service endpoint in front of our MySQL single server?",
    requirements: { target: "cloud-service", service: "azure-mysql-single-server" },
    expect: { refused: { field: "service", says: /retired on 2024-09-16.*azure-mysql-flexible-server/ } },
    doc: {
      title: "What's happening to Azure Database for MySQL single server?",
      url: "https://learn.microsoft.com/en-us/azure/mysql/migrate/whats-happening-to-mysql-single-server",
    },
  },
  {
    question: "The old Data Lake Store Gen1 account needs private access from the cluster subnet. How?",
    requirements: { target: "cloud-service", service: "azure-data-lake-store-gen1" },
    expect: { refused: { field: "service", says: /retired on 2024-02-29.*azure-storage-dfs/ } },
    doc: {
      title: "Azure Data Lake Storage Gen1 - Microsoft Lifecycle",
      url: "https://learn.microsoft.com/en-us/lifecycle/products/azure-data-lake-storage-gen1",
    },
  },

  // — Secrets, messaging, registries: tiers decide —
  {
    question: "Key Vault used only by VMs in one subnet, nothing else required: service endpoint?",
    requirements: { target: "cloud-service", service: "azure-key-vault" },
    expect: { option: "service-endpoint", fits: true, monthlyCostUsd: 0, says: [/Microsoft\.KeyVault/] },
    doc: SERVICE_ENDPOINTS,
  },
  {
    question:
      "Key Vault for on-premises build agents over ExpressRoute: which zone does the private endpoint need?",
    requirements: { target: "cloud-service", service: "azure-key-vault", onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/privatelink\.vaultcore\.azure\.net/, /dns-zone-group create/],
    },
    doc: {
      title: "Integrate Key Vault with Azure Private Link",
      url: "https://learn.microsoft.com/en-us/azure/key-vault/general/private-link-service",
    },
  },
  {
    question:
      "On-premises apps talk to our Key Vault, but DNS is owned by another team and cannot change. What now?",
    requirements: {
      target: "cloud-service",
      service: "azure-key-vault",
      onPremisesAccess: true,
      dns: "cannot-change",
    },
    expect: { option: "private-endpoint", fits: false, monthlyCostUsd: 7.3 },
    doc: PRIVATE_ENDPOINT_DNS_INTEGRATION,
  },
  {
    question: "Service Bus Premium namespace, consumers only in our VNet: service endpoint?",
    requirements: { target: "cloud-service", service: "azure-service-bus", tier: "premium" },
    expect: {
      option: "service-endpoint",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "private-endpoint": true },
      says: [/Microsoft\.ServiceBus/],
    },
    doc: {
      title: "Configure virtual network service endpoints for Azure Service Bus",
      url: "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-service-endpoints",
    },
  },
  {
    question: "Service Bus Premium reached from the data centre: private endpoint, which zone?",
    requirements: {
      target: "cloud-service",
      service: "azure-service-bus",
      tier: "premium",
      onPremisesAccess: true,
    },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/privatelink\.servicebus\.windows\.net/],
    },
    doc: {
      title: "Allow access to Azure Service Bus namespaces via private endpoints",
      url: "https://learn.microsoft.com/en-us/azure/service-bus-messaging/private-link-service",
    },
  },
  {
    question:
      "Our Service Bus namespace is on Standard and must be reachable from on-premises privately. Possible?",
    requirements: {
      target: "cloud-service",
      service: "azure-service-bus",
      tier: "standard",
      onPremisesAccess: true,
    },
    expect: { option: "private-endpoint", fits: false, monthlyCostUsd: 7.3, says: [/Premium/] },
    doc: {
      title: "Allow access to Azure Service Bus namespaces via private endpoints",
      url: "https://learn.microsoft.com/en-us/azure/service-bus-messaging/private-link-service",
    },
  },
  {
    question: "Service Bus Standard, consumers only in our VNet: can we at least use a service endpoint?",
    requirements: { target: "cloud-service", service: "azure-service-bus", tier: "standard" },
    expect: {
      option: "private-endpoint",
      fits: false,
      monthlyCostUsd: 7.3,
      alternatives: { "service-endpoint": false },
      says: [/Premium/],
    },
    doc: {
      title: "Configure virtual network service endpoints for Azure Service Bus",
      url: "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-service-endpoints",
    },
  },
  {
    question: "Service Bus, tier not decided yet, reached from the office: what should we know?",
    requirements: { target: "cloud-service", service: "azure-service-bus", onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/private endpoints need the Premium tier/],
    },
    doc: {
      title: "Allow access to Azure Service Bus namespaces via private endpoints",
      url: "https://learn.microsoft.com/en-us/azure/service-bus-messaging/private-link-service",
    },
  },
  {
    question: "Event Hubs ingest from on-premises producers: private endpoint, which zone?",
    requirements: { target: "cloud-service", service: "azure-event-hubs", onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/privatelink\.servicebus\.windows\.net/],
    },
    doc: PRIVATE_ENDPOINT_DNS,
  },
  {
    question:
      "AKS nodes pull from our Premium container registry; nothing else needed. Is the registry's service endpoint fine?",
    requirements: { target: "cloud-service", service: "azure-container-registry", tier: "premium" },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "service-endpoint": false },
      says: [/--group-id registry/],
    },
    doc: {
      title: "Restrict access to a container registry using a service endpoint in an Azure virtual network",
      url: "https://learn.microsoft.com/en-us/azure/container-registry/container-registry-vnet",
    },
  },
  {
    question: "Our container registry is on Basic. Can the build agents reach it over a private endpoint?",
    requirements: { target: "cloud-service", service: "azure-container-registry", tier: "basic" },
    expect: { option: "private-endpoint", fits: false, monthlyCostUsd: 7.3, says: [/Premium/] },
    doc: {
      title: "Connect privately to an Azure container registry using Azure Private Link",
      url: "https://learn.microsoft.com/en-us/azure/container-registry/container-registry-private-link",
    },
  },

  // — Monitoring and AI —
  {
    question: "Agents on our VMs send logs to Log Analytics: is there a service endpoint for that?",
    requirements: { target: "cloud-service", service: "azure-log-analytics" },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "service-endpoint": false },
      says: [/Azure Monitor Private Link Scope/, /privatelink\.agentsvc\.azure-automation\.net/],
    },
    doc: {
      title: "Use Azure Private Link to connect networks to Azure Monitor",
      url: "https://learn.microsoft.com/en-us/azure/azure-monitor/logs/private-link-security",
    },
  },
  {
    question: "Azure OpenAI called from our data centre: private endpoint, which sub-resource and zone?",
    requirements: { target: "cloud-service", service: "azure-openai", onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/--group-id account/, /privatelink\.openai\.azure\.com/],
    },
    doc: PRIVATE_ENDPOINT_DNS,
  },
  {
    question: "An Azure AI services account with its public endpoint switched off: how do our apps reach it?",
    requirements: { target: "cloud-service", service: "azure-cognitive-services", disablePublicAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/privatelink\.cognitiveservices\.azure\.com/],
    },
    doc: {
      title: "Configure Azure AI services virtual networks",
      url: "https://learn.microsoft.com/en-us/azure/ai-services/cognitive-services-virtual-networks",
    },
  },
  {
    question:
      "Event Grid topics must not be reachable from the internet: what do the publishers in our VNet use?",
    requirements: { target: "cloud-service", service: "azure-event-grid", disablePublicAccess: true },
    expect: { option: "private-endpoint", fits: true, monthlyCostUsd: 7.3 },
    doc: PRIVATE_ENDPOINT_DNS,
  },

  // — Data and platform services with private endpoints only —
  {
    question: "Synapse dedicated SQL pools queried from on-premises BI tools: which sub-resource and zone?",
    requirements: { target: "cloud-service", service: "azure-synapse", onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/--group-id Sql /, /privatelink\.sql\.azuresynapse\.net/],
    },
    doc: PRIVATE_ENDPOINT_DNS,
  },
  {
    question:
      "Engineers open the Databricks workspace UI and API from the office over ExpressRoute: which endpoint?",
    requirements: { target: "cloud-service", service: "azure-databricks", onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/--group-id databricks_ui_api/, /privatelink\.azuredatabricks\.net/],
    },
    doc: PRIVATE_ENDPOINT_DNS,
  },
  {
    question:
      "Our AKS API server must not be public; the CI runners sit in a peered VNet. Which option, which zone?",
    requirements: { target: "cloud-service", service: "azure-aks-api-server", disablePublicAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/--group-id management/, /privatelink\.<region>\.azmk8s\.io/],
    },
    doc: PRIVATE_ENDPOINT_DNS,
  },
  {
    question: "AI Search indexes are queried by on-premises apps: which sub-resource and zone?",
    requirements: { target: "cloud-service", service: "azure-ai-search", onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/--group-id searchService/, /privatelink\.search\.windows\.net/],
    },
    doc: PRIVATE_ENDPOINT_DNS,
  },
  {
    question: "App Configuration with public access disabled, read by apps in our VNet: what do we create?",
    requirements: { target: "cloud-service", service: "azure-app-configuration", disablePublicAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/--group-id configurationStores/, /privatelink\.azconfig\.io/],
    },
    doc: PRIVATE_ENDPOINT_DNS,
  },
  {
    question: "Application Insights telemetry from VMs in a locked-down VNet: is there a service endpoint?",
    requirements: { target: "cloud-service", service: "azure-application-insights" },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "service-endpoint": false },
      says: [/--group-id azuremonitor/],
    },
    doc: {
      title: "Use Azure Private Link to connect networks to Azure Monitor",
      url: "https://learn.microsoft.com/en-us/azure/azure-monitor/logs/private-link-security",
    },
  },
  {
    question:
      "A subnet in another Entra tenant reads secrets from our Key Vault, nothing else required. Service endpoint across tenants?",
    requirements: { target: "cloud-service", service: "azure-key-vault", crossTenant: true },
    expect: { option: "service-endpoint", fits: true, monthlyCostUsd: 0 },
    doc: SERVICE_ENDPOINTS,
  },

  // — App Service and Functions: which direction —
  {
    question:
      "Front-end VMs call our App Service app; only their subnet may reach it. Access restrictions with a service endpoint?",
    requirements: { target: "cloud-service", service: "azure-app-service" },
    expect: { option: "service-endpoint", fits: true, monthlyCostUsd: 0, says: [/Microsoft\.Web/] },
    doc: {
      title: "Azure App Service access restrictions",
      url: "https://learn.microsoft.com/en-us/azure/app-service/overview-access-restrictions",
    },
  },
  {
    question:
      "Users in the office must open our internal App Service app over ExpressRoute, never over the internet. Which option?",
    requirements: { target: "cloud-service", service: "azure-app-service", onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/--group-id sites/, /privatelink\.azurewebsites\.net/],
    },
    doc: {
      title: "Using private endpoints for App Service apps",
      url: "https://learn.microsoft.com/en-us/azure/app-service/overview-private-endpoint",
    },
  },
  {
    question:
      "Our App Service app must call a database that lives inside a VNet. What connects the app's outbound calls?",
    requirements: {
      target: "cloud-service",
      service: "azure-app-service",
      appTrafficDirection: "out-of-the-app",
    },
    expect: {
      option: "vnet-integration",
      fits: true,
      monthlyCostUsd: 0,
      says: [/^az webapp vnet-integration add /m],
    },
    doc: {
      title: "Integrate your app with an Azure virtual network",
      url: "https://learn.microsoft.com/en-us/azure/app-service/overview-vnet-integration",
    },
  },
  {
    question:
      "Our App Service app calls out to a VNet: would a private endpoint or a service endpoint on the app do instead of VNet integration?",
    requirements: {
      target: "cloud-service",
      service: "azure-app-service",
      appTrafficDirection: "out-of-the-app",
    },
    expect: {
      option: "vnet-integration",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "private-endpoint": false, "service-endpoint": false },
    },
    doc: {
      title: "Use private endpoints for Azure App Service apps",
      url: "https://learn.microsoft.com/en-us/azure/app-service/networking/private-endpoint",
    },
  },
  {
    question:
      "A function app must read from a storage account locked to our VNet: what do the function's outbound calls need?",
    requirements: {
      target: "cloud-service",
      service: "azure-functions",
      appTrafficDirection: "out-of-the-app",
    },
    expect: {
      option: "vnet-integration",
      fits: true,
      monthlyCostUsd: 0,
      says: [/^az functionapp vnet-integration add /m],
    },
    doc: {
      title: "Azure Functions networking options",
      url: "https://learn.microsoft.com/en-us/azure/azure-functions/functions-networking-options",
    },
  },
  {
    question:
      "An HTTP-triggered function must be callable only from on-premises systems over VPN. Which option?",
    requirements: { target: "cloud-service", service: "azure-functions", onPremisesAccess: true },
    expect: {
      option: "private-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "service-endpoint": false },
      says: [/--group-id sites/],
    },
    doc: {
      title: "Azure Functions networking options",
      url: "https://learn.microsoft.com/en-us/azure/azure-functions/functions-networking-options",
    },
  },

  // — Our own service for other networks —
  {
    question:
      "We want to offer our internal API behind a Standard Load Balancer to other teams' VNets. What do we build?",
    requirements: { target: "own-service" },
    expect: {
      option: "private-link-service",
      fits: true,
      monthlyCostUsd: 0,
      says: [/az network private-link-service create/],
    },
    doc: PRIVATE_LINK_SERVICE,
  },
  {
    question:
      "A SaaS we run must be consumed by customers in their own tenants, whose address ranges overlap ours. How?",
    requirements: { target: "own-service", crossTenant: true, overlappingAddressSpaces: true },
    expect: {
      option: "private-link-service",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "vnet-peering": false },
    },
    doc: PRIVATE_LINK_SERVICE,
  },

  // — VNet to VNet —
  {
    // 1,000 GB × $0.01 out of one VNet + 1,000 GB × $0.01 into the other = $20.
    question:
      "Two VNets in West Europe must talk, about 1 TB a month between them. Peering, and what does it cost?",
    requirements: { target: "virtual-network", dataGbPerMonth: 1000 },
    expect: { option: "vnet-peering", fits: true, monthlyCostUsd: 20 },
    doc: VNET_PRICING,
  },
  {
    // Zone 1: 1,000 GB × $0.035 outbound + 1,000 GB × $0.035 inbound = $70.
    question: "Our VNet in East US must reach one in North Europe, 1 TB a month. Global peering cost?",
    requirements: { target: "virtual-network", crossRegion: true, dataGbPerMonth: 1000 },
    expect: {
      option: "global-vnet-peering",
      fits: true,
      monthlyCostUsd: 70,
      alternatives: { "vnet-peering": false },
    },
    doc: VNET_PRICING,
  },
  {
    question:
      "We must connect a VNet in a partner's tenant to ours, 100 GB a month, same region. Can we peer across tenants?",
    requirements: { target: "virtual-network", crossTenant: true, dataGbPerMonth: 100 },
    expect: { option: "vnet-peering", fits: true, monthlyCostUsd: 2 },
    doc: PEERING,
  },
  {
    question: "After an acquisition both VNets use 10.0.0.0/16. Can we peer them, or what instead?",
    requirements: { target: "virtual-network", overlappingAddressSpaces: true },
    expect: {
      option: "private-link-service",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "vnet-peering": false, "global-vnet-peering": false },
    },
    doc: PEERING,
  },
  {
    // Two peerings (A–hub, hub–C), each billed out and in: 4 × 1,000 GB × $0.01 = $40, plus the hub's
    // firewall (not in our price list).
    question:
      "Spoke A must reach spoke C through the hub (A → B → C), 1 TB a month. Is peering enough, and what does it cost?",
    requirements: { target: "virtual-network", transitiveRouting: true, dataGbPerMonth: 1000 },
    expect: {
      option: "hub-and-spoke",
      fits: true,
      monthlyCostUsd: 40,
      alternatives: { "vnet-peering": false, "virtual-wan": true },
      says: [/not transitive/],
    },
    doc: {
      title: "Hub-spoke network topology in Azure",
      url: "https://learn.microsoft.com/en-us/azure/architecture/networking/architecture/hub-spoke",
    },
  },
  {
    question: "Spoke-to-spoke through the hub with a $10 budget for 1 TB a month: does it fit?",
    requirements: {
      target: "virtual-network",
      transitiveRouting: true,
      dataGbPerMonth: 1000,
      monthlyBudgetUsd: 10,
    },
    expect: { option: "hub-and-spoke", fits: true, monthlyCostUsd: 40, withinBudget: false },
    doc: VNET_PRICING,
  },
  {
    // Across regions each peering hop is global peering, billed out and in at the global rate (Zone 1:
    // $0.035/GB each way): 4 × 1,000 GB × $0.035 = $140, not the regional $40.
    question:
      "Spokes in West Europe and North Europe talk through a hub, 1 TB a month: what do the peerings cost across regions?",
    requirements: {
      target: "virtual-network",
      transitiveRouting: true,
      crossRegion: true,
      dataGbPerMonth: 1000,
    },
    expect: { option: "hub-and-spoke", fits: true, monthlyCostUsd: 140 },
    doc: VNET_PRICING,
  },
];
