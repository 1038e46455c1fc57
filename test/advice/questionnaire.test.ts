import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  loadQuestionnaire,
  questionsFor,
  type Answers,
  type ServiceDirectory,
} from "../../src/advice/questionnaire.js";

const services: ServiceDirectory = {
  servicesFor: (cloud) =>
    cloud === "aws"
      ? [{ id: "aws-s3", name: "Amazon S3" }]
      : [
          { id: "azure-storage-blob", name: "Azure Blob Storage" },
          { id: "azure-key-vault", name: "Azure Key Vault" },
        ],
};

const fields = (step: 1 | 2, answers: Answers): string[] =>
  questionsFor(step, answers, services).map((q) => q.field);

describe("questionsFor", () => {
  it("asks cloud, target, service and title first", () => {
    expect(fields(1, {})).toEqual(["cloud", "target", "service", "title"]);
  });

  it("does not ask for a service when a virtual network is the target", () => {
    expect(fields(1, { cloud: "azure", target: "virtual-network" })).toEqual(["cloud", "target", "title"]);
  });

  it("lists only the services of the chosen cloud", () => {
    const service = questionsFor(1, { cloud: "aws", target: "cloud-service" }, services).find(
      (q) => q.field === "service",
    );
    expect(service?.choices).toEqual([{ value: "aws-s3", label: "Amazon S3" }]);
  });

  it("peering: no DNS, service, protocol or endpoint questions; asks about overlap and transitivity", () => {
    const asked = fields(2, { cloud: "azure", target: "virtual-network" });
    expect(asked).toEqual(
      expect.arrayContaining(["crossRegion", "crossTenant", "overlappingAddressSpaces", "transitiveRouting"]),
    );
    for (const field of ["dns", "onPremisesAccess", "protocols", "endpointCount", "disablePublicAccess"]) {
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

  it("own service: overlap matters, transitivity does not", () => {
    const asked = fields(2, { cloud: "azure", target: "own-service" });
    expect(asked).toContain("overlappingAddressSpaces");
    expect(asked).not.toContain("transitiveRouting");
  });

  it("fills in the Requirements defaults and keeps labels within Slack's option limit", () => {
    const all = [...questionsFor(1, {}, services), ...questionsFor(2, { target: "cloud-service" }, services)];
    expect(all.find((q) => q.field === "cloud")?.default).toBe("azure");
    expect(all.find((q) => q.field === "protocols")?.default).toEqual(["tcp"]);
    expect(all.find((q) => q.field === "monthlyBudgetUsd")?.default).toBeNull();
    expect(all.find((q) => q.field === "monthlyBudgetUsd")?.optional).toBe(true);
    for (const q of all) {
      expect(q.label.length).toBeLessThanOrEqual(75);
      expect(q.hint.length).toBeGreaterThan(0);
    }
  });
});

describe("loadQuestionnaire", () => {
  const shipped = JSON.parse(readFileSync(join("data", "questionnaire.json"), "utf8")) as {
    questions: Record<string, unknown>[];
  };

  function withChange(change: (q: typeof shipped) => void): string {
    const copy = structuredClone(shipped);
    change(copy);
    const path = join(mkdtempSync(join(tmpdir(), "questionnaire-")), "questionnaire.json");
    writeFileSync(path, JSON.stringify(copy));
    return path;
  }

  it("accepts the shipped file, which has a version", () => {
    expect(loadQuestionnaire().version).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it("rejects a choice Requirements would not accept, naming the path", () => {
    const path = withChange((q) => {
      (q.questions[0]!.choices as { value: string }[])[0]!.value = "oracle";
    });
    expect(() => loadQuestionnaire(path)).toThrow(
      /questions\.0\.choices\.0\.value: cloud does not accept "oracle"/,
    );
  });

  it("rejects an unknown field", () => {
    const path = withChange((q) => {
      q.questions[0]!.field = "colour";
    });
    expect(() => loadQuestionnaire(path)).toThrow(/questions\.0\.field/);
  });

  it("rejects a condition on an answer not asked before", () => {
    const path = withChange((q) => {
      q.questions.reverse();
    });
    expect(() => loadQuestionnaire(path)).toThrow(/askWhen.*not asked before it/);
  });

  it("rejects a file that is not JSON, naming it", () => {
    const path = join(mkdtempSync(join(tmpdir(), "questionnaire-")), "questionnaire.json");
    writeFileSync(path, "{ nope");
    expect(() => loadQuestionnaire(path)).toThrow(/questionnaire\.json: .*JSON/);
  });
});
