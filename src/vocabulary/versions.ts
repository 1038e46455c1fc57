/** The version of each data file an advice was computed from (stored with every decision). */
export interface KnowledgeVersions {
  tree: string;
  catalog: string;
  pricing: string;
  options: string;
  /** Absent from decisions saved before the questionnaire was versioned with the other data. */
  questionnaire?: string;
}
