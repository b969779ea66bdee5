import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FileFormatError, parseJsonFile } from "@/lib/formats/json-file";
import { readThreatModelFile, writeThreatModelFile } from "@/lib/threat-models/formats/read-file";
import type { ReadResult } from "@/lib/threat-models/formats/types";

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/tools/${name}`));
const bytes = (text: string) => new TextEncoder().encode(text);
const json = (v: unknown) => bytes(JSON.stringify(v));
const shape = (r: ReadResult) =>
  r.model.threats.map((t) => [t.externalId, t.category, t.severity, t.mitigationStatus]);

describe("Threat Dragon v2", () => {
  const read = readThreatModelFile("demo.json", fixture("threat-dragon-v2-demo.json"));

  it("reads the system, every threat of every cell and flow, and what it does not keep", () => {
    expect(read.format).toBe("threat-dragon");
    expect(read.problems).toEqual([]);
    expect(read.model.system).toBe("Demo Threat Model");
    expect(shape(read)).toEqual([
      ["7df716cd-a982-48a5-b4ed-800ccb670734", "INFORMATION_DISCLOSURE", "HIGH", "PLANNED"],
      ["21fc4b20-ca29-4891-9691-d8f0331b2a11", "INFORMATION_DISCLOSURE", "HIGH", "IMPLEMENTED"],
      ["e12765bf-ec61-47d8-8e9f-6bb3f5adab47", "INFORMATION_DISCLOSURE", "MEDIUM", "PLANNED"],
      ["4ab1bd4f-8f1b-4c1c-9d6e-42b3f1c0d8f2", "DENIAL_OF_SERVICE", "LOW", "ACCEPTED"],
      ["5cd0e5a8-4f67-4a55-a7a8-2a1e27c3b7b3", "ELEVATION_OF_PRIVILEGE", "CRITICAL", "NONE"],
      ["7a2c9d34-0b5e-4f51-8a73-0d6bbf7e9c14", "TAMPERING", "MEDIUM", "IMPLEMENTED"],
      ["9e8f7a6b-5c4d-4e3f-8a1b-0c9d8e7f6a5b", "REPUDIATION", "LOW", "PLANNED"],
      ["1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9", "SPOOFING", "HIGH", "NONE"],
    ]);
    expect(read.model.threats[0].mitigation).toMatch(/^Encrypt the DB credentials/);
    expect(read.model.threats[0].description).toMatch(/^The Background Worker/);
    expect(read.unmapped.map((u) => u.where)).toEqual(
      expect.arrayContaining([
        "summary.description",
        "summary.owner",
        "detail.contributors",
        "detail.diagrams[0]",
      ]),
    );
  });

  it("round-trips: exported and read again, the same threats, categories, severities and statuses", () => {
    const text = writeThreatModelFile("threat-dragon", { ...read.model, key: "TM-00001" });
    const again = readThreatModelFile("export.json", bytes(text));
    expect(again.format).toBe("threat-dragon");
    expect(again.problems).toEqual([]);
    expect(again.model).toEqual(read.model);
    const doc = JSON.parse(text);
    expect(doc.detail.diagrams[0].cells[0].data.threats[1]).toMatchObject({
      status: "Mitigated",
      severity: "High",
      type: "Information disclosure",
      modelType: "STRIDE",
    });
  });

  it("refuses unknown categories, severities and statuses, saying where", () => {
    const doc = JSON.parse(readFileSync("tests/fixtures/tools/threat-dragon-v2-demo.json", "utf8"));
    const threats = doc.detail.diagrams[0].cells[1].data.threats;
    threats[0].type = "Linkability";
    threats[0].modelType = "LINDDUN";
    threats[1].severity = "Severe";
    doc.detail.diagrams[0].cells[0].data.threats[0].status = "Closed";
    const r = readThreatModelFile("bad.json", json(doc));
    expect(r.problems).toEqual([
      {
        where: "detail.diagrams[0].cells[0].data.threats[0].status",
        message: expect.stringContaining('"Closed" is not a Threat Dragon status'),
      },
      {
        where: "detail.diagrams[0].cells[1].data.threats[0].type",
        message: expect.stringContaining(
          '"Linkability" is not a STRIDE category (a LINDDUN threat)',
        ),
      },
      {
        where: "detail.diagrams[0].cells[1].data.threats[1].severity",
        message: expect.stringContaining('"Severe" is not a severity'),
      },
    ]);
  });

  it("refuses a repeated id, a missing title and a Threat Dragon 1 file", () => {
    const doc = JSON.parse(readFileSync("tests/fixtures/tools/threat-dragon-v2-demo.json", "utf8"));
    const threats = doc.detail.diagrams[0].cells[1].data.threats;
    threats[1].id = threats[0].id;
    threats[0].title = "";
    const messages = readThreatModelFile("x.json", json(doc)).problems.map((p) => p.message);
    expect(messages).toEqual([
      "The threat has no title (3 characters at least).",
      `The threat id "${threats[0].id}" is used twice.`,
    ]);
    const v1 = { summary: { title: "Old" }, detail: { diagrams: [{ diagramJson: {} }] } };
    expect(readThreatModelFile("v1.json", json(v1)).problems[0].message).toMatch(/Threat Dragon 1/);
  });

  it("reads a threat without a severity as Medium and says so", () => {
    const doc = {
      summary: { title: "S" },
      detail: {
        diagrams: [
          {
            cells: [
              {
                data: {
                  threats: [
                    { id: "t1", title: "Abc", type: "Spoofing", status: "Open", severity: "TBD" },
                  ],
                },
              },
            ],
          },
        ],
      },
    };
    const r = readThreatModelFile("x.json", json(doc));
    expect(r.model.threats[0].severity).toBe("MEDIUM");
    expect(r.unmapped).toContainEqual({
      where: "detail.diagrams[0].cells[0].data.threats[0].severity",
      what: "No severity given: imported as Medium",
    });
  });
});

describe("Open Threat Model", () => {
  const read = readThreatModelFile("otm.json", fixture("otm-example.json"));

  it("reads the project, threats with their first STRIDE category, impact as severity, instance states as status", () => {
    expect(read.format).toBe("otm");
    expect(read.problems).toEqual([]);
    expect(read.model.externalId).toBe("test-project");
    expect(read.model.system).toBe("Test project");
    expect(shape(read)).toEqual([
      ["22724267-be7e-44c0-8b1f-d7d33e9a34ec", "SPOOFING", "CRITICAL", "PLANNED"],
      ["b3c0c1a2-0f0e-4d7b-9a55-3c1d2e3f4a5b", "INFORMATION_DISCLOSURE", "HIGH", "IMPLEMENTED"],
      ["c4d5e6f7-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "DENIAL_OF_SERVICE", "LOW", "ACCEPTED"],
      ["d6e7f8a9-2b3c-4d5e-9f0a-1b2c3d4e5f6a", "ELEVATION_OF_PRIVILEGE", "MEDIUM", "NONE"],
    ]);
    expect(read.model.threats[0].mitigation).toBe("Description for mitigation 1");
    expect(read.unmapped.map((u) => u.where)).toEqual(
      expect.arrayContaining([
        "components",
        "dataflows",
        "trustZones",
        "assets",
        "threats[0].categories",
        "threats[0].cwes",
      ]),
    );
  });

  it("round-trips through its own export", () => {
    const text = writeThreatModelFile("otm", { ...read.model, key: "TM-00002" });
    const again = readThreatModelFile("export.json", bytes(text));
    expect(again.problems).toEqual([]);
    expect(again.model).toEqual(read.model);
    expect(JSON.parse(text)).toMatchObject({
      otmVersion: "0.2.0",
      project: { id: "test-project", name: "Test project" },
    });
  });

  it("round-trips every status, with and without a mitigation, through both formats", () => {
    const statuses = ["NONE", "PLANNED", "IMPLEMENTED", "ACCEPTED"] as const;
    const threats = statuses.flatMap((s, i) =>
      [null, "Fix it."].map((mitigation, j) => ({
        externalId: `t-${i}-${j}`,
        title: `Threat ${i} ${j}`,
        category: "TAMPERING" as const,
        severity: (["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const)[i],
        description: null,
        mitigation,
        mitigationStatus: s,
      })),
    );
    // Threat Dragon keeps "Open" for both none and planned: a plan is its mitigation text.
    const expectedTd = threats.map((t) =>
      t.mitigationStatus === "PLANNED" || t.mitigationStatus === "NONE"
        ? { ...t, mitigationStatus: t.mitigation ? "PLANNED" : "NONE" }
        : t,
    );
    const model = { externalId: "m1", system: "Sys", threats, key: "TM-1" };
    expect(
      readThreatModelFile("a", bytes(writeThreatModelFile("otm", model))).model.threats,
    ).toEqual(threats);
    expect(
      readThreatModelFile("b", bytes(writeThreatModelFile("threat-dragon", model))).model.threats,
    ).toEqual(expectedTd);
  });

  it("refuses unknown categories and a missing or out-of-range impact", () => {
    const doc = JSON.parse(readFileSync("tests/fixtures/tools/otm-example.json", "utf8"));
    doc.threats[0].categories = ["Injection"];
    doc.threats[1].risk = { likelihood: 1 };
    doc.threats[2].risk.impact = 140;
    const r = readThreatModelFile("bad.json", json(doc));
    expect(r.problems.map((p) => p.where)).toEqual([
      "threats[0].categories",
      "threats[1].risk.impact",
      "threats[2].risk.impact",
    ]);
    expect(r.problems[0].message).toMatch(/"Injection" is not a STRIDE category/);
  });
});

describe("file checks", () => {
  it("names the file, line and column of malformed JSON", () => {
    expect(() => parseJsonFile("model.json", '{\n  "a": 1,\n  "b" 2}')).toThrow(
      /model\.json is not valid JSON \(line 3, column 7\)/,
    );
    expect(() => parseJsonFile("model.json", '{"a":')).toThrow(/line 1, column 6/);
    expect(() => parseJsonFile("model.json", "  ")).toThrow("model.json is empty.");
  });

  it("refuses a file of another format and text that is not UTF-8", () => {
    expect(() => readThreatModelFile("x.json", json({ runs: [] }))).toThrow(FileFormatError);
    expect(() => readThreatModelFile("x.json", json({ runs: [] }))).toThrow(
      /neither a Threat Dragon v2 model/,
    );
    expect(() => readThreatModelFile("x.json", new Uint8Array([0xff, 0xfe, 0x00]))).toThrow(
      /not UTF-8/,
    );
  });
});
