import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFindingsFile } from "@/lib/findings/formats/read-file";

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/tools/${name}`));
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const doc = (name: string) => JSON.parse(readFileSync(`tests/fixtures/tools/${name}`, "utf8"));

describe("DefectDojo findings (API v2)", () => {
  it("maps severity and status, keeps the tool's id, leaves out informational and duplicates", () => {
    const r = readFindingsFile("dd.json", fixture("defectdojo-findings-v2.json"));
    expect(r.format).toBe("defectdojo");
    expect(r.problems).toEqual([]);
    expect(
      r.findings.map((f) => [f.externalId, f.severity, f.status, f.openedOn, f.closedOn]),
    ).toEqual([
      ["1001", "CRITICAL", "OPEN", "2026-10-02", null],
      ["1002", "HIGH", "MITIGATED", "2026-09-15", "2026-10-20"],
      ["1003", "MEDIUM", "ACCEPTED", "2026-09-16", null],
      ["1004", "LOW", "FALSE_POSITIVE", "2026-09-17", null],
    ]);
    expect(r.unmapped.map((u) => u.where)).toEqual(["results[4]", "results[5]"]);
  });

  it("reads a bare list and a single finding; refuses unknown severities with where", () => {
    const list = doc("defectdojo-findings-v2.json").results.slice(0, 2);
    expect(readFindingsFile("l.json", json(list)).findings).toHaveLength(2);
    expect(readFindingsFile("one.json", json(list[0])).findings[0].externalId).toBe("1001");
    const bad = doc("defectdojo-findings-v2.json");
    bad.results[2].severity = "Severe";
    bad.results[3].title = "";
    expect(readFindingsFile("bad.json", json(bad)).problems).toEqual([
      {
        where: "results[2].severity",
        message: expect.stringMatching(/"Severe" is not a DefectDojo severity/),
      },
      { where: "results[3].title", message: "The finding has no title." },
    ]);
  });

  it("says when the list has further pages", () => {
    const paged = {
      ...doc("defectdojo-findings-v2.json"),
      next: "https://dojo/api/v2/findings/?offset=6",
    };
    expect(readFindingsFile("p.json", json(paged)).unmapped[0].where).toBe("next");
  });
});

describe("SARIF 2.1.0", () => {
  it("maps security-severity or level, keeps fingerprints as ids, leaves out passes and level none", () => {
    const r = readFindingsFile("scan.sarif", fixture("sarif-2.1.0-codeql.sarif.json"));
    expect(r.format).toBe("sarif");
    expect(r.tool).toBe("CodeQL, Semgrep OSS");
    expect(r.problems).toEqual([]);
    expect(r.findings.map((f) => [f.externalId, f.severity, f.status])).toEqual([
      ["CodeQL:js/sql-injection:primaryLocationLineHash=9a3bc41e0f8d7c21:1", "HIGH", "OPEN"],
      ["CodeQL:js/xss:primaryLocationLineHash=51e0ad2c9b7f0e13:1", "CRITICAL", "ACCEPTED"],
      [expect.stringMatching(/^CodeQL:js\/unused-local-variable:[0-9a-f]{32}$/), "LOW", "OPEN"],
      [
        "Semgrep OSS:python.lang.security.audit.eval-detected:matchBasedId/v1=c1f2e3d4",
        "MEDIUM",
        "OPEN",
      ],
    ]);
    expect(r.findings[0].title).toBe(
      "Database query built from user-controlled sources: This query depends on a user-provided value. (src/db/users.js:42)",
    );
    expect(r.unmapped.map((u) => u.where)).toEqual(["runs[0].results[3]", "runs[1].results[1]"]);
  });

  it("gives the same ids when read twice (the import skips them the second time)", () => {
    const a = readFindingsFile("a", fixture("sarif-2.1.0-codeql.sarif.json"));
    const b = readFindingsFile("b", fixture("sarif-2.1.0-codeql.sarif.json"));
    expect(b.findings.map((f) => f.externalId)).toEqual(a.findings.map((f) => f.externalId));
  });

  it("refuses another SARIF version, an unknown level and a result without a message", () => {
    const bad = doc("sarif-2.1.0-codeql.sarif.json");
    bad.version = "2.0.0";
    bad.runs[0].results[0].level = "fatal";
    delete bad.runs[1].results[0].message;
    expect(readFindingsFile("bad.sarif", json(bad)).problems.map((p) => p.where)).toEqual([
      "version",
      "runs[0].results[0].level",
      "runs[1].results[0].message.text",
    ]);
  });

  it("refuses a file of another kind", () => {
    expect(() => readFindingsFile("tm.json", json({ otmVersion: "0.2.0" }))).toThrow(
      /neither a SARIF file/,
    );
  });
});
