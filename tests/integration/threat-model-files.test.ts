import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { importThreatModelFile } from "@/lib/server/threat-models/file-import";
import { exportThreatModelFile } from "@/lib/server/threat-models/file-export";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { threatModelImportSchema } from "@/lib/validations/tool-import";
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
const input = (team: string, mode: "preview" | "commit") =>
  threatModelImportSchema.parse({ team, mode });

async function world() {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const team = await createTeam(orgA.id);
  const teamB = await createTeam(orgB.id);
  const load = async (id: number) => (await loadActor(id))!;
  return {
    team,
    teamB,
    guardian: await load((await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: team.id })).id),
    builder: await load((await createUser(["BUILDER"], { orgId: orgA.id })).id),
    guardianB: await load(
      (await createUser(["GUARDIAN"], { orgId: orgB.id, teamId: teamB.id })).id,
    ),
  };
}

const counts = async () => ({
  models: await db.threatModel.count(),
  threats: await db.threat.count(),
  audit: await db.auditLog.count(),
});

describe("threat-model files", () => {
  it("previews without writing, commits, and a re-import updates the same model", async () => {
    const w = await world();
    const preview = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "preview"),
      file("threat-dragon-v2-demo.json"),
    );
    expect(preview).toMatchObject({
      committed: false,
      format: "Threat Dragon v2",
      system: "Demo Threat Model",
      target: { action: "create" },
    });
    expect(preview.threats).toHaveLength(8);
    expect(preview.threats.every((t) => t.action === "create")).toBe(true);
    expect(await counts()).toEqual({ models: 0, threats: 0, audit: 0 });

    const done = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "commit"),
      file("threat-dragon-v2-demo.json"),
    );
    expect(done.committed).toBe(true);
    const tm = await db.threatModel.findUniqueOrThrow({
      where: { id: done.modelId },
      include: { threats: true, authors: true },
    });
    expect(tm).toMatchObject({
      system: "Demo Threat Model",
      teamId: w.team.id,
      externalSource: "threat-dragon",
      status: "DRAFT",
    });
    expect(tm.authors.map((a) => a.userId)).toEqual([w.guardian.id]);
    expect(
      tm.threats.find((t) => t.externalId === "21fc4b20-ca29-4891-9691-d8f0331b2a11"),
    ).toMatchObject({
      title: "Unauthorised access",
      category: "INFORMATION_DISCLOSURE",
      severity: "HIGH",
      mitigationStatus: "IMPLEMENTED",
      description: "An attacker could make an query call on the DB,",
    });
    expect(await db.auditLog.count({ where: { action: "import-create" } })).toBe(9);

    // The same file again: nothing to change.
    const again = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "preview"),
      file("threat-dragon-v2-demo.json"),
    );
    expect(again.target).toMatchObject({ action: "update", id: tm.id });
    expect(again.threats.every((t) => t.action === "unchanged")).toBe(true);

    // An edited file: one threat changed, one added, the others kept.
    const doc = JSON.parse(readFileSync("tests/fixtures/tools/threat-dragon-v2-demo.json", "utf8"));
    doc.detail.diagrams[0].cells[1].data.threats[1].status = "Mitigated";
    doc.detail.diagrams[0].cells[0].data.threats.push({
      id: "new-1",
      title: "Config tampering",
      type: "Tampering",
      severity: "Low",
      status: "Open",
    });
    doc.detail.diagrams[0].cells[2].data.threats = [];
    const edited = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "commit"),
      text("edited.json", JSON.stringify(doc)),
    );
    expect(edited.modelId).toBe(tm.id);
    expect(edited.keptCount).toBe(2);
    expect(
      edited.threats.filter((t) => t.action !== "unchanged").map((t) => [t.externalId, t.action]),
    ).toEqual([
      ["new-1", "create"],
      ["e12765bf-ec61-47d8-8e9f-6bb3f5adab47", "update"],
    ]);
    expect(await db.threatModel.count()).toBe(1);
    expect(await db.threat.count({ where: { threatModelId: tm.id } })).toBe(9);
  });

  it("round-trips: an OTM import exported as OTM and as Threat Dragon reads back the same threats", async () => {
    const w = await world();
    const done = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "commit"),
      file("otm-example.json"),
    );
    const otm = await exportThreatModelFile(w.guardian, done.modelId!, "otm");
    expect(otm.fileName).toMatch(/^TM-\d{5}\.otm\.json$/);
    const original = done.threats.map((t) => [
      t.externalId,
      t.category,
      t.severity,
      t.mitigationStatus,
    ]);
    const otmBack = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "preview"),
      text("back.json", otm.text),
    );
    expect(otmBack.target).toMatchObject({ action: "update", id: done.modelId });
    expect(
      otmBack.threats.map((t) => [t.externalId, t.category, t.severity, t.mitigationStatus]),
    ).toEqual(original);
    expect(otmBack.threats.every((t) => t.action === "unchanged")).toBe(true);

    const td = await exportThreatModelFile(w.guardian, done.modelId!, "threat-dragon");
    const tdBack = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "preview"),
      text("back.json", td.text),
    );
    expect(tdBack.target).toMatchObject({ action: "update", id: done.modelId });
    expect(tdBack.threats.map((t) => [t.externalId, t.category, t.severity])).toEqual(
      original.map((r) => r.slice(0, 3)),
    );
  });

  it("a model made in the app exports with its keys, and its export re-imports onto it", async () => {
    const w = await world();
    const first = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "commit"),
      file("otm-example.json"),
    );
    await db.threat.updateMany({ data: { externalId: null } });
    await db.threatModel.updateMany({ data: { externalId: null, externalSource: null } });
    const td = await exportThreatModelFile(w.guardian, first.modelId!, "threat-dragon");
    const back = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "preview"),
      text("td.json", td.text),
    );
    expect(back.target).toMatchObject({ action: "update", id: first.modelId });
  });

  it("bad files change nothing and say why", async () => {
    const w = await world();
    const bad = (name: string, body: string) =>
      importThreatModelFile(w.guardian, input(w.team.name, "commit"), text(name, body));
    await expect(bad("x.json", '{"summary": {"title": "A"},\n "detail": ')).rejects.toThrow(
      /x\.json is not valid JSON \(line 2, column 12\)/,
    );
    await expect(bad("x.json", '{"runs": []}')).rejects.toThrow(/neither a Threat Dragon v2 model/);
    // A preview lists an unreadable file as its one problem.
    const unreadable = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "preview"),
      text("x.json", "[1,"),
    );
    expect(unreadable).toMatchObject({
      unreadable: true,
      threats: [],
      problems: [{ where: "file", message: expect.stringMatching(/x\.json is not valid JSON/) }],
    });
    const doc = JSON.parse(readFileSync("tests/fixtures/tools/otm-example.json", "utf8"));
    doc.threats[3].categories = ["Injection"];
    await expect(bad("otm.json", JSON.stringify(doc))).rejects.toThrow(
      "otm.json has 1 problem(s): nothing was imported.",
    );
    const preview = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "preview"),
      text("otm.json", JSON.stringify(doc)),
    );
    expect(preview.problems).toEqual([
      {
        where: "threats[3].categories",
        message: expect.stringMatching(/"Injection" is not a STRIDE category/),
      },
    ]);
    expect(await counts()).toEqual({ models: 0, threats: 0, audit: 0 });
  });

  it("an approved model is not changed by a re-import", async () => {
    const w = await world();
    const done = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "commit"),
      file("otm-example.json"),
    );
    await db.threatModel.update({
      where: { id: done.modelId },
      data: { status: "APPROVED", approvedOn: new Date() },
    });
    await expect(
      importThreatModelFile(w.guardian, input(w.team.name, "commit"), file("otm-example.json")),
    ).rejects.toThrow(DomainError);
  });

  it("refuses a role without write access, another organisation's team and model", async () => {
    const w = await world();
    await expect(
      importThreatModelFile(w.builder, input(w.team.name, "preview"), file("otm-example.json")),
    ).rejects.toThrow(PermissionError);
    await expect(
      importThreatModelFile(w.guardianB, input(w.team.name, "commit"), file("otm-example.json")),
    ).rejects.toThrow(/not visible to you/);
    const done = await importThreatModelFile(
      w.guardian,
      input(w.team.name, "commit"),
      file("otm-example.json"),
    );
    await expect(exportThreatModelFile(w.guardianB, done.modelId!, "otm")).rejects.toThrow(
      NotFoundError,
    );
    // The same file into another organisation's team makes that team its own model.
    const other = await importThreatModelFile(
      w.guardianB,
      input(w.teamB.name, "commit"),
      file("otm-example.json"),
    );
    expect(other.modelId).not.toBe(done.modelId);
  });
});
