import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { importFindingsFile } from "@/lib/server/reviews/findings-import";
import { requestReview } from "@/lib/server/reviews/service";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { requestReviewSchema } from "@/lib/validations/review";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

const file = (name: string) => ({
  name,
  content: new Uint8Array(readFileSync(`tests/fixtures/tools/${name}`)),
});
const text = (name: string, value: string) => ({ name, content: new TextEncoder().encode(value) });

async function world() {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const team = await createTeam(orgA.id);
  const load = async (id: number) => (await loadActor(id))!;
  const engineer = await load((await createUser(["SECURITY_ENGINEER"])).id);
  const guardian = await load(
    (await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: team.id })).id,
  );
  const review = await requestReview(
    guardian,
    requestReviewSchema.parse({ team: team.name, service: "Payments API" }),
  );
  return {
    engineer,
    guardian,
    review,
    managerB: await load((await createUser(["MANAGER"], { orgId: orgB.id })).id),
  };
}

describe("findings files", () => {
  it("a DefectDojo file previewed, imported, and imported again gives the same findings once", async () => {
    const w = await world();
    const preview = await importFindingsFile(
      w.engineer,
      w.review.id,
      "preview",
      file("defectdojo-findings-v2.json"),
    );
    expect(preview).toMatchObject({ committed: false, format: "DefectDojo (API v2)", created: 0 });
    expect(preview.findings.map((f) => f.action)).toEqual(["create", "create", "create", "create"]);
    expect(await db.finding.count()).toBe(0);

    const first = await importFindingsFile(
      w.engineer,
      w.review.id,
      "commit",
      file("defectdojo-findings-v2.json"),
    );
    expect(first.created).toBe(4);
    const rows = await db.finding.findMany({
      where: { reviewId: w.review.id },
      orderBy: { externalId: "asc" },
    });
    expect(rows.map((f) => [f.externalId, f.severity, f.status])).toEqual([
      ["1001", "CRITICAL", "OPEN"],
      ["1002", "HIGH", "MITIGATED"],
      ["1003", "MEDIUM", "ACCEPTED"],
      ["1004", "LOW", "FALSE_POSITIVE"],
    ]);
    expect(rows[1].closedOn?.toISOString().slice(0, 10)).toBe("2026-10-20");
    expect(rows.every((f) => f.teamId === w.review.teamId && /^FND-\d{6}$/.test(f.key))).toBe(true);
    expect(await db.auditLog.count({ where: { action: "import-findings" } })).toBe(1);

    const second = await importFindingsFile(
      w.engineer,
      w.review.id,
      "commit",
      file("defectdojo-findings-v2.json"),
    );
    expect(second.created).toBe(0);
    expect(second.findings.every((f) => f.action === "skip")).toBe(true);
    expect(await db.finding.count()).toBe(4);
    expect(await db.auditLog.count({ where: { action: "import-findings" } })).toBe(1);
  });

  it("a SARIF file imported twice gives the same findings once", async () => {
    const w = await world();
    const first = await importFindingsFile(
      w.engineer,
      w.review.id,
      "commit",
      file("sarif-2.1.0-codeql.sarif.json"),
    );
    expect(first.created).toBe(4);
    const again = await importFindingsFile(
      w.engineer,
      w.review.id,
      "commit",
      file("sarif-2.1.0-codeql.sarif.json"),
    );
    expect(again.created).toBe(0);
    expect(
      await db.finding.count({ where: { reviewId: w.review.id, externalSource: "sarif" } }),
    ).toBe(4);
    // Both at once (a double submit) still write them once.
    const other = await requestReview(
      w.guardian,
      requestReviewSchema.parse({
        team: (await db.team.findFirstOrThrow()).name,
        service: "Other",
      }),
    );
    await Promise.all([
      importFindingsFile(w.engineer, other.id, "commit", file("sarif-2.1.0-codeql.sarif.json")),
      importFindingsFile(w.engineer, other.id, "commit", file("sarif-2.1.0-codeql.sarif.json")),
    ]);
    expect(await db.finding.count({ where: { reviewId: other.id } })).toBe(4);
  });

  it("bad files change nothing", async () => {
    const w = await world();
    const bad = JSON.parse(
      readFileSync("tests/fixtures/tools/defectdojo-findings-v2.json", "utf8"),
    );
    bad.results[0].severity = "Urgent";
    await expect(
      importFindingsFile(w.engineer, w.review.id, "commit", text("dd.json", JSON.stringify(bad))),
    ).rejects.toThrow("dd.json has 1 problem(s): nothing was imported.");
    await expect(
      importFindingsFile(w.engineer, w.review.id, "commit", text("x.sarif", '{"runs": [')),
    ).rejects.toThrow(/x\.sarif is not valid JSON \(line 1, column 11\)/);
    expect(await db.finding.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "import-findings" } })).toBe(0);
  });

  it("refuses a role without review.conduct, and a review that does not exist", async () => {
    const w = await world();
    await expect(
      importFindingsFile(w.guardian, w.review.id, "preview", file("defectdojo-findings-v2.json")),
    ).rejects.toThrow(PermissionError);
    await expect(
      importFindingsFile(w.managerB, w.review.id, "preview", file("defectdojo-findings-v2.json")),
    ).rejects.toThrow(PermissionError);
    // review.conduct is held program-wide (security engineers, leads): out of reach is only a
    // review that does not exist.
    await expect(
      importFindingsFile(w.engineer, 999_999, "preview", file("defectdojo-findings-v2.json")),
    ).rejects.toThrow(NotFoundError);
  });
});
