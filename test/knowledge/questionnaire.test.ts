import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { corruptCopy, failure } from "./data-copy.js";

describe("loadKnowledge reads the questionnaire", () => {
  it("validates the shipped file and versions it with the other data", () => {
    const knowledge = loadKnowledge();
    expect(knowledge.questionnaire.questions[0]?.field).toBe("cloud");
    expect(knowledge.versions.questionnaire).toBe(knowledge.questionnaire.version);
    expect(knowledge.versions.questionnaire).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });
});

describe("loadKnowledge rejects a broken questionnaire with file and JSON path", () => {
  const cloud = ["questions", 0];
  const service = ["questions", 2];

  it("a choice Requirements would not accept", () => {
    const dir = corruptCopy("questionnaire.json", {
      path: [...cloud, "choices", 0, "value"],
      value: "oracle",
    });
    expect(failure(dir)).toContain(
      'questionnaire.json: questions[0].choices[0].value: cloud does not accept "oracle"',
    );
  });

  it("an unknown field", () => {
    const dir = corruptCopy("questionnaire.json", { path: [...cloud, "field"], value: "colour" });
    expect(failure(dir)).toMatch(/questionnaire\.json: questions\[0\]\.field: /);
  });

  it.each([
    [
      "an answer not asked before",
      { dns: ["cannot-change"] },
      "dns: depends on dns, which is not asked before it",
    ],
    [
      "a value the field cannot take",
      { target: ["cloud-servce"] },
      'target[0]: target does not accept "cloud-servce"',
    ],
  ])("a condition on %s", (_, askWhen, problem) => {
    const dir = corruptCopy("questionnaire.json", { path: [...service, "askWhen"], value: askWhen });
    expect(failure(dir)).toContain(`questionnaire.json: questions[2].askWhen.${problem}`);
  });

  it("a condition in a list of conditions, with its place in the list", () => {
    const askWhen = [{ cloud: ["aws"] }, { target: ["cloud-servce"] }];
    const dir = corruptCopy("questionnaire.json", { path: [...service, "askWhen"], value: askWhen });
    expect(failure(dir)).toContain(
      'questionnaire.json: questions[2].askWhen[1].target[0]: target does not accept "cloud-servce"',
    );
  });

  it("catalog choices on a question that does not ask for a service", () => {
    const dir = corruptCopy(
      "questionnaire.json",
      { path: [...cloud, "choices"], value: [] },
      { path: [...cloud, "choicesFrom"], value: "catalog" },
    );
    expect(failure(dir)).toContain(
      "questionnaire.json: questions[0].choicesFrom: catalog ids are services, but the question asks for cloud",
    );
  });

  it("a service choice the catalog does not have", () => {
    const dir = corruptCopy(
      "questionnaire.json",
      { path: [...service, "choicesFrom"], remove: true },
      { path: [...service, "choices"], value: [{ value: "azure-storge-blob", label: "Blob" }] },
    );
    expect(failure(dir)).toContain(
      'questionnaire.json: questions[2].choices[0].value: no service "azure-storge-blob" in the catalog',
    );
  });

  it("a cloud whose services the catalog cannot list", () => {
    const dir = corruptCopy("catalog.json", {
      path: ["services"],
      value: loadKnowledge().catalog.services.filter((s) => s.cloud !== "gcp"),
    });
    expect(failure(dir)).toContain(
      'questionnaire.json: questions[0].choices[2].value: the catalog has no service of cloud "gcp" to list',
    );
  });
});
