import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import {
  addComment,
  createThreatModel,
  decide,
  saveThreat,
  submitForReview,
} from "@/lib/server/threat-models/service";
import { rateGuardian } from "@/lib/server/feedback/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { ratingSchema } from "@/lib/validations/review";
import { threatSchema, threatModelSchema } from "@/lib/validations/threat-model";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

async function world() {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const team = await createTeam(orgA.id);
  const g = await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: team.id });
  await db.guardianMembership.create({
    data: {
      userId: g.id,
      teamId: team.id,
      status: "ACTIVE",
      nominatedOn: new Date("2026-01-01"),
      activeOn: new Date("2026-01-01"),
    },
  });
  const load = async (id: number) => (await loadActor(id))!;
  return {
    team,
    g,
    guardian: await load(g.id),
    engineer: await load((await createUser(["SECURITY_ENGINEER"])).id),
    managerB: await load((await createUser(["MANAGER"], { orgId: orgB.id })).id),
  };
}

const threat = (tmId: number, over: Record<string, string> = {}) =>
  threatSchema.parse({
    threatModelId: String(tmId),
    threatId: "",
    title: "Token replay",
    category: "SPOOFING",
    severity: "HIGH",
    mitigation: "",
    mitigationStatus: "NONE",
    ...over,
  });

describe("threat models", () => {
  it("a guardian drafts with an undocumented threat; approval is refused until accepted; approved models are read-only", async () => {
    const w = await world();
    const tm = await createThreatModel(
      w.guardian,
      threatModelSchema.parse({ team: w.team.name, system: "Card vault" }),
    );
    expect(tm.key).toMatch(/^TM-\d{5}$/);
    await saveThreat(w.guardian, threat(tm.id));
    await saveThreat(
      w.guardian,
      threat(tm.id, {
        title: "Tampered payload",
        category: "TAMPERING",
        mitigation: "Sign payloads",
        mitigationStatus: "IMPLEMENTED",
      }),
    );
    await submitForReview(w.guardian, tm.id);
    await expect(
      decide(w.engineer, {
        threatModelId: tm.id,
        decision: "approve",
        comment: null,
        acceptUndocumented: false,
      }),
    ).rejects.toThrow("1 threat has no documented mitigation");
    await addComment(w.engineer, tm.id, "Please document the replay mitigation.");
    await decide(w.engineer, {
      threatModelId: tm.id,
      decision: "approve",
      comment: "Accepted for now",
      acceptUndocumented: true,
    });
    const done = await db.threatModel.findUniqueOrThrow({
      where: { id: tm.id },
      include: { threats: { orderBy: { id: "asc" } }, comments: true },
    });
    expect(done.status).toBe("APPROVED");
    expect(done.threats.map((t) => t.mitigationStatus)).toEqual(["ACCEPTED", "IMPLEMENTED"]);
    expect(done.comments).toHaveLength(2);
    await expect(saveThreat(w.guardian, threat(tm.id))).rejects.toThrow(
      "An approved threat model cannot be changed.",
    );
    await rateGuardian(w.engineer, {
      threatModelId: tm.id,
      guardianId: w.g.id,
      rating: 4,
      comment: null,
    });
    expect(await db.feedback.count({ where: { threatModelId: tm.id } })).toBe(1);
  });

  it("refuses bad input, the wrong role and another organisation", async () => {
    const w = await world();
    expect(
      threatSchema.safeParse({
        threatModelId: "1",
        title: "x",
        category: "PHISHING",
        severity: "HUGE",
        mitigationStatus: "MAYBE",
      }).success,
    ).toBe(false);
    const tm = await createThreatModel(w.guardian, { team: w.team.key, system: "Card vault" });
    await expect(saveThreat(w.managerB, threat(tm.id))).rejects.toBeInstanceOf(PermissionError);
    await expect(
      decide(w.guardian, {
        threatModelId: tm.id,
        decision: "approve",
        comment: null,
        acceptUndocumented: true,
      }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      decide(w.engineer, {
        threatModelId: tm.id,
        decision: "approve",
        comment: null,
        acceptUndocumented: true,
      }),
    ).rejects.toBeInstanceOf(DomainError);
    const outsider = (await loadActor(
      (await createUser(["GUARDIAN"], { orgId: w.managerB.orgScope[0] })).id,
    ))!;
    await expect(saveThreat(outsider, threat(tm.id))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.threat.count()).toBe(0);
  });

  it("edits an existing threat to document its mitigation while the model is a draft or in review; approved, foreign or mismatched threats are refused", async () => {
    const w = await world();
    const tm = await createThreatModel(w.guardian, { team: w.team.key, system: "Card vault" });
    const other = await createThreatModel(w.guardian, { team: w.team.key, system: "Payouts" });
    const flagged = await saveThreat(w.guardian, threat(tm.id));
    const elsewhere = await saveThreat(
      w.guardian,
      threat(other.id, { title: "Other model's threat" }),
    );
    const edit = (over: Record<string, string> = {}) =>
      threat(tm.id, {
        threatId: String(flagged.id),
        title: "Token replay",
        category: "TAMPERING",
        severity: "CRITICAL",
        mitigation: "Nonce per request, 60 s expiry",
        mitigationStatus: "PLANNED",
        ...over,
      });
    const row = () =>
      db.threat.findUniqueOrThrow({
        where: { id: flagged.id },
        select: {
          title: true,
          category: true,
          severity: true,
          mitigation: true,
          mitigationStatus: true,
        },
      });
    const untouched = await row();

    expect(
      threatSchema.safeParse({
        ...edit(),
        threatModelId: String(tm.id),
        threatId: String(flagged.id),
        mitigation: "x".repeat(2001),
      }).success,
    ).toBe(false);
    await expect(saveThreat(w.managerB, edit())).rejects.toBeInstanceOf(PermissionError);
    const outsider = (await loadActor(
      (await createUser(["GUARDIAN"], { orgId: w.managerB.orgScope[0] })).id,
    ))!;
    await expect(saveThreat(outsider, edit())).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      saveThreat(w.guardian, { ...edit(), threatId: elsewhere.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await row()).toEqual(untouched);
    expect(await db.threat.count()).toBe(2);

    await submitForReview(w.guardian, tm.id);
    await saveThreat(w.guardian, edit());
    expect(await row()).toEqual({
      title: "Token replay",
      category: "TAMPERING",
      severity: "CRITICAL",
      mitigation: "Nonce per request, 60 s expiry",
      mitigationStatus: "PLANNED",
    });
    const log = await db.auditLog.findFirstOrThrow({
      where: { entity: "Threat", entityId: String(flagged.id), action: "update" },
    });
    expect([
      (log.before as { mitigationStatus: string }).mitigationStatus,
      (log.after as { mitigationStatus: string }).mitigationStatus,
    ]).toEqual(["NONE", "PLANNED"]);
    // Documented now: approval needs no acceptance.
    await decide(w.engineer, {
      threatModelId: tm.id,
      decision: "approve",
      comment: null,
      acceptUndocumented: false,
    });
    await expect(saveThreat(w.guardian, edit({ mitigationStatus: "IMPLEMENTED" }))).rejects.toThrow(
      "An approved threat model cannot be changed.",
    );
    expect((await row()).mitigationStatus).toBe("PLANNED");
    expect(await db.threat.count()).toBe(2);
  });

  it("keeps the engineer's comment with a rating of a guardian author", async () => {
    const w = await world();
    const tm = await createThreatModel(w.guardian, { team: w.team.key, system: "Card vault" });
    await saveThreat(
      w.guardian,
      threat(tm.id, { mitigation: "Short-lived tokens", mitigationStatus: "IMPLEMENTED" }),
    );
    await submitForReview(w.guardian, tm.id);
    await decide(w.engineer, {
      threatModelId: tm.id,
      decision: "approve",
      comment: null,
      acceptUndocumented: false,
    });
    await rateGuardian(
      w.engineer,
      ratingSchema.parse({
        threatModelId: String(tm.id),
        guardianId: String(w.g.id),
        rating: "5",
        comment: "Clear data-flow diagram",
      }),
    );
    expect(
      await db.feedback.findMany({
        where: { threatModelId: tm.id },
        select: { rating: true, comment: true },
      }),
    ).toEqual([{ rating: 5, comment: "Clear data-flow diagram" }]);
  });
});
