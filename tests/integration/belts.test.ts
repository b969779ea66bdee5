import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import {
  qualifyingAwards,
  reevaluateBelts,
  reevaluateEveryone,
  revokeBelt,
} from "@/lib/server/belts/service";
import { PermissionError } from "@/lib/server/errors";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

async function guardianWithTwoReviews() {
  const org = await createOrg();
  const team = await createTeam(org.id);
  const g = await createUser(["GUARDIAN"], { orgId: org.id, teamId: team.id });
  await db.guardianMembership.create({
    data: {
      userId: g.id,
      teamId: team.id,
      status: "ACTIVE",
      nominatedOn: new Date("2026-01-01"),
      activeOn: new Date("2026-01-01"),
    },
  });
  for (const key of ["R1", "R2"]) {
    await db.review.create({
      data: {
        key,
        teamId: team.id,
        service: key,
        requestedAt: new Date("2026-02-01"),
        completedAt: new Date("2026-02-05"),
        participants: { create: [{ userId: g.id }] },
      },
    });
  }
  const onboarding = await db.course.create({
    data: { key: "guardian-onboarding", title: "Onboarding", required: true, onboarding: true },
  });
  return { g, onboarding };
}

describe("belt evaluation", () => {
  it("completing the onboarding course awards Yellow once, even with concurrent evaluations", async () => {
    const { g, onboarding } = await guardianWithTwoReviews();
    expect((await reevaluateBelts([g.id])).map((a) => a.belt)).toEqual(["WHITE"]);
    await db.courseCompletion.create({
      data: { userId: g.id, courseId: onboarding.id, completedOn: new Date("2026-03-01") },
    });
    const runs = await Promise.all([
      reevaluateBelts([g.id]),
      reevaluateBelts([g.id]),
      reevaluateBelts([g.id]),
    ]);
    expect(runs.flat().map((a) => a.belt)).toEqual(["YELLOW"]);
    const awards = await db.beltAward.findMany({ where: { userId: g.id }, orderBy: { id: "asc" } });
    expect(awards.map((a) => a.belt)).toEqual(["WHITE", "YELLOW"]);
    expect(awards[1].evidence).toMatchObject({
      rule: expect.arrayContaining([
        expect.objectContaining({
          type: "reviews",
          label: "Take part in security reviews",
          current: 2,
          required: 2,
          records: [
            expect.objectContaining({ kind: "review", key: "R2" }),
            expect.objectContaining({ kind: "review", key: "R1" }),
          ],
        }),
      ]),
    });
    expect(await db.auditLog.count({ where: { entity: "BeltAward", action: "award" } })).toBe(2);
  });

  it("people who are not active guardians earn nothing", async () => {
    const builder = await createUser(["BUILDER"]);
    expect(await reevaluateBelts([builder.id])).toEqual([]);
  });

  it("a revoked belt keeps its history and is not handed back automatically", async () => {
    const { g } = await guardianWithTwoReviews();
    await reevaluateBelts([g.id]);
    const white = await db.beltAward.findFirstOrThrow({ where: { userId: g.id, belt: "WHITE" } });
    const lead = (await loadActor((await createUser(["LEAD"])).id))!;
    const guardian = (await loadActor(g.id))!;
    await expect(revokeBelt(guardian, white.id, "nope")).rejects.toBeInstanceOf(PermissionError);
    await revokeBelt(lead, white.id, "Awarded by mistake");
    expect(await reevaluateEveryone(lead)).toEqual([]);
    const rows = await db.beltAward.findMany({ where: { userId: g.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ revokeReason: "Awarded by mistake", revokedById: lead.id });
    expect(await qualifyingAwards([g.id])).toEqual([]);
  });
});
