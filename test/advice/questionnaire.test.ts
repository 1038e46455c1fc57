import { describe, expect, it } from "vitest";
import { answeredQuestions, questionsFor, type Answers } from "../../src/advice/questionnaire.js";
import { RequirementsSchema } from "../../src/vocabulary/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

const knowledge = loadKnowledge();

const fields = (step: 1 | 2, answers: Answers): string[] =>
  questionsFor(step, answers, knowledge).map((q) => q.field);

describe("questionsFor", () => {
  it("asks cloud, target, service and title first", () => {
    expect(fields(1, {})).toEqual(["cloud", "target", "service", "title"]);
  });

  it("does not ask for a service when a virtual network is the target", () => {
    expect(fields(1, { cloud: "azure", target: "virtual-network" })).toEqual(["cloud", "target", "title"]);
  });

  it("lists only the services of the chosen cloud", () => {
    const service = questionsFor(1, { cloud: "aws", target: "cloud-service" }, knowledge).find(
      (q) => q.field === "service",
    );
    const awsServices = knowledge.servicesFor("aws");
    expect(service?.choices.map((c) => c.value)).toEqual(awsServices.map((s) => s.id));
    expect(service?.choices).toContainEqual({
      value: "aws-s3",
      label: knowledge.findService("aws-s3")?.name,
    });
  });

  it("peering: no DNS, service or endpoint questions; asks about overlap, transitivity and protocols", () => {
    const asked = fields(2, { cloud: "azure", target: "virtual-network" });
    expect(asked).toEqual(
      expect.arrayContaining([
        "crossRegion",
        "crossTenant",
        "overlappingAddressSpaces",
        "transitiveRouting",
        "protocols",
      ]),
    );
    for (const field of ["dns", "onPremisesAccess", "endpointCount", "disablePublicAccess"]) {
      expect(asked).not.toContain(field);
    }
  });

  it("cloud service: no overlap or transitivity questions; DNS asked on Azure", () => {
    const asked = fields(2, { cloud: "azure", target: "cloud-service", service: "azure-storage-blob" });
    expect(asked).toContain("dns");
    expect(asked).toContain("onPremisesAccess");
    expect(asked).not.toContain("overlappingAddressSpaces");
    expect(asked).not.toContain("transitiveRouting");
  });

  it("AWS: no Azure-only questions (DNS setup, tenants)", () => {
    const asked = fields(2, { cloud: "aws", target: "cloud-service", service: "aws-s3" });
    expect(asked).not.toContain("dns");
    expect(asked).not.toContain("crossTenant");
  });

  it("asks a question when any one of its conditions holds", () => {
    const onPremises = (cloud: "azure" | "gcp", target: "cloud-service" | "own-service") =>
      fields(2, { cloud, target }).includes("onPremisesAccess");
    expect(onPremises("azure", "cloud-service")).toBe(true);
    expect(onPremises("azure", "own-service")).toBe(false);
    expect(onPremises("gcp", "own-service")).toBe(true);
  });

  it("own service: overlap matters, transitivity does not", () => {
    const asked = fields(2, { cloud: "azure", target: "own-service" });
    expect(asked).toContain("overlappingAddressSpaces");
    expect(asked).not.toContain("transitiveRouting");
  });

  it("fills in the Requirements defaults and keeps labels within Slack's option limit", () => {
    const all = [
      ...questionsFor(1, {}, knowledge),
      ...questionsFor(2, { target: "cloud-service" }, knowledge),
    ];
    expect(all.find((q) => q.field === "cloud")?.default).toBe("azure");
    expect(all.find((q) => q.field === "protocols")?.default).toEqual(["tcp"]);
    expect(all.find((q) => q.field === "monthlyBudgetUsd")?.default).toBeNull();
    expect(all.find((q) => q.field === "monthlyBudgetUsd")?.optional).toBe(true);
    for (const q of all) {
      expect(q.label.length).toBeLessThanOrEqual(75);
      expect(q.hint.length).toBeGreaterThan(0);
    }
  });

  it("asks the questionnaire of the knowledge it is given", () => {
    const [cloud] = knowledge.questionnaire.questions;
    const onlyCloud = { ...knowledge, questionnaire: { version: "2026-01-01", questions: [cloud!] } };
    expect(questionsFor(1, {}, onlyCloud).map((q) => q.field)).toEqual(["cloud"]);
    expect(questionsFor(2, {}, onlyCloud)).toEqual([]);
  });
});

describe("answeredQuestions", () => {
  const answered = (input: Answers) => answeredQuestions(RequirementsSchema.parse(input), knowledge);
  const byField = (input: Answers) => new Map(answered(input).map((a) => [a.field, a]));

  it("gives each choice the questionnaire's label and the service its catalog name", () => {
    const answers = byField({
      target: "cloud-service",
      service: "azure-key-vault",
      dns: "cannot-change",
      protocols: ["udp", "tcp"],
    });
    expect(answers.get("cloud")).toMatchObject({
      question: "Which cloud?",
      value: "azure",
      chosen: ["Azure"],
    });
    expect(answers.get("dns")?.chosen).toEqual(["Our DNS cannot be changed"]);
    expect(answers.get("service")?.chosen).toEqual([knowledge.findService("azure-key-vault")?.name]);
    expect(answers.get("protocols")?.chosen).toEqual(["UDP", "TCP"]);
  });

  it("keeps booleans and numbers as values, with the question's label", () => {
    const answers = byField({ target: "cloud-service", service: "aws-s3", cloud: "aws", endpointCount: 3 });
    expect(answers.get("onPremisesAccess")).toMatchObject({ kind: "boolean", value: false, chosen: [] });
    expect(answers.get("endpointCount")).toMatchObject({ kind: "number", value: 3, chosen: [] });
    expect(answers.get("monthlyBudgetUsd")?.value).toBeNull();
  });

  it("lists only the questions that matter, and no empty title", () => {
    const fields = answered({ target: "virtual-network" }).map((a) => a.field);
    for (const field of ["service", "dns", "onPremisesAccess", "title"]) expect(fields).not.toContain(field);
    expect(fields).toContain("transitiveRouting");
    expect(answered({ target: "virtual-network", title: "Hub and spokes" }).map((a) => a.field)).toContain(
      "title",
    );
  });

  it("shows a value the questionnaire has no choice for as it is", () => {
    const answers = byField({ target: "cloud-service", service: "azure-retired-service" });
    expect(answers.get("service")?.chosen).toEqual(["azure-retired-service"]);
  });
});
