import { readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { z } from "zod";
import { type Cloud, type KnowledgeVersions, type OptionId, OPTION_IDS } from "../vocabulary/index.js";
import { dataDir as defaultDataDir, projectRoot } from "../paths.js";
import { checkConsistency } from "./consistency.js";
import { KnowledgeError, formatPath } from "./error.js";
import type { Catalog, DecisionTree, OptionProfiles, Pricing, Service } from "./schemas.js";
import { CatalogSchema, OptionProfilesSchema, PricingSchema, TreeSchema } from "./schemas.js";
import { QuestionnaireSchema, type Questionnaire } from "./questionnaire-schema.js";

export { KnowledgeError } from "./error.js";

/** The validated knowledge the advice is computed from, with indexes built once at load. */
export interface Knowledge {
  catalog: Catalog;
  pricing: Pricing;
  tree: DecisionTree;
  options: OptionProfiles;
  /** The questions every surface asks, in order (data/questionnaire.json). */
  questionnaire: Questionnaire;
  versions: KnowledgeVersions;
  findService(id: string): Service | undefined;
  /** Every catalog service of one cloud, retired ones included (old decisions name them). */
  servicesFor(cloud: Cloud): Service[];
  /**
   * The services a new question may be about: not retired. The questionnaire, the quick command's hints and
   * `services` list these. Without a cloud: all clouds, in catalog order.
   */
  offeredServices(cloud?: Cloud): Service[];
  /** The option ids of one cloud, in the contract's order (DESIGN.md §1). */
  optionsFor(cloud: Cloud): OptionId[];
}

/**
 * Reads data/catalog.json, pricing.json, tree.json, options.json and questionnaire.json, validates each
 * with zod and checks them against each other. Throws KnowledgeError naming the file and the JSON path of the first problem.
 */
export function loadKnowledge(dataDir: string = defaultDataDir()): Knowledge {
  const files: DataFiles = {
    catalog: readData(dataDir, "catalog.json", CatalogSchema),
    pricing: readData(dataDir, "pricing.json", PricingSchema),
    tree: readData(dataDir, "tree.json", TreeSchema),
    options: readData(dataDir, "options.json", OptionProfilesSchema),
    questionnaire: readData(dataDir, "questionnaire.json", QuestionnaireSchema),
  };
  checkConsistency({
    catalog: { file: fileLabel(dataDir, "catalog.json"), data: files.catalog },
    pricing: { file: fileLabel(dataDir, "pricing.json"), data: files.pricing },
    tree: { file: fileLabel(dataDir, "tree.json"), data: files.tree },
    options: { file: fileLabel(dataDir, "options.json"), data: files.options },
    questionnaire: { file: fileLabel(dataDir, "questionnaire.json"), data: files.questionnaire },
  });
  return withIndexes(files);
}

/** The validated contents of each data file. */
interface DataFiles {
  catalog: Catalog;
  pricing: Pricing;
  tree: DecisionTree;
  options: OptionProfiles;
  questionnaire: Questionnaire;
}

function withIndexes({ catalog, pricing, tree, options, questionnaire }: DataFiles): Knowledge {
  const byId = new Map(catalog.services.map((service) => [service.id, service]));
  const byCloud = new Map<Cloud, Service[]>();
  for (const service of catalog.services) {
    byCloud.set(service.cloud, [...(byCloud.get(service.cloud) ?? []), service]);
  }
  const optionsByCloud = new Map<Cloud, OptionId[]>();
  for (const option of OPTION_IDS) {
    const cloud = options.options[option].cloud;
    optionsByCloud.set(cloud, [...(optionsByCloud.get(cloud) ?? []), option]);
  }
  return {
    catalog,
    pricing,
    tree,
    options,
    questionnaire,
    versions: {
      tree: tree.version,
      catalog: catalog.version,
      pricing: pricing.version,
      options: options.version,
      questionnaire: questionnaire.version,
    },
    findService: (id) => byId.get(id),
    servicesFor: (cloud) => byCloud.get(cloud) ?? [],
    offeredServices: (cloud) =>
      (cloud === undefined ? catalog.services : (byCloud.get(cloud) ?? [])).filter(
        (service) => service.retired === undefined,
      ),
    optionsFor: (cloud) => optionsByCloud.get(cloud) ?? [],
  };
}

function readData<T extends z.ZodType>(dir: string, name: string, schema: T): z.output<T> {
  const file = fileLabel(dir, name);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, name), "utf8"));
  } catch (error) {
    throw new KnowledgeError(`${file}: cannot read JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "(top level)" : formatPath(issue.path);
    throw new KnowledgeError(`${file}: ${where}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

/** "data/tree.json" inside the project; the full path elsewhere (e.g. a test's temp copy). */
function fileLabel(dir: string, name: string): string {
  const path = relative(projectRoot(), join(dir, name));
  return path.startsWith("..") || isAbsolute(path) ? join(dir, name) : path;
}
