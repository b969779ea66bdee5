import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { readEvidence } from "@/lib/belts/evidence";
import { isoDay, todayUtc } from "@/lib/period";
import { reevaluateEveryone } from "@/lib/server/belts/service";
import { PermissionError } from "@/lib/server/errors";
import { endMentorship, recordMentorship } from "@/lib/server/mentoring/service";
import { mentorshipSchema } from "@/lib/validations/mentorship";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

const form = (mentorId: number, menteeEmail: string, startedOn = "2026-01-05") =>
  mentorshipSchema.parse({ mentorId: String(mentorId), menteeEmail, startedOn, endedOn: "" });

async function guardian(orgId: number, teamId: number, status: "ACTIVE" | "NOMINATED" = "ACTIVE") {
  const u = await createUser(["GUARDIAN"], { orgId, teamId });
  await db.guardianMembership.create({
    data: {
      userId: u.id,
      teamId,
      status,
      nominatedOn: new Date("2025-01-01"),
      activeOn: status === "ACTIVE" ? new Date("2025-01-02") : null,
    },
  });
  return u;
}

/** A Green-belt guardian with 10 completed reviews and three ratings averaging 4.33: all Black needs but mentoring. */
async function world() {
  const org = await createOrg();
  const team = await createTeam(org.id);
  const mentor = await guardian(org.id, team.id);
  const mentee = await guardian(org.id, team.id, "NOMINATED");
  const secEng = await createUser(["SECURITY_ENGINEER"], { orgId: org.id });
  for (let i = 1; i <= 10; i++) {
    const review = await db.review.create({
      data: {
        key: `R-${i}`,
        teamId: team.id,
        service: `Service ${i}`,
        requestedAt: new Date("2026-01-01"),
        completedAt: new Date(`2026-02-${String(i).padStart(2, "0")}`),
        participants: { create: [{ userId: mentor.id }] },
      },
    });
    if (i <= 3)
      await db.feedback.create({
        data: {
          reviewId: review.id,
          guardianId: mentor.id,
          raterId: secEng.id,
          rating: i === 1 ? 5 : 4,
        },
      });
  }
  for (const belt of ["WHITE", "YELLOW", "GREEN"] as const)
    await db.beltAward.create({
      data: { userId: mentor.id, belt, awardedOn: new Date("2026-01-01"), evidence: { rule: [] } },
    });
  const lead = (await loadActor((await createUser(["LEAD"], { orgId: org.id })).id))!;
  return { org, team, mentor, mentee, lead, secEng };
}

describe("recording mentoring", () => {
  it("makes the Black belt reachable: awarded at once, with the mentee and reviews as evidence", async () => {
    const w = await world();
    // Without mentoring, re-evaluating everyone awards nothing.
    expect(await reevaluateEveryone(w.lead)).toEqual([]);
    const { awarded } = await recordMentorship(w.lead, form(w.mentor.id, w.mentee.email));
    expect(awarded).toEqual([{ userId: w.mentor.id, belt: "BLACK" }]);
    const black = await db.beltAward.findFirstOrThrow({
      where: { userId: w.mentor.id, belt: "BLACK" },
    });
    const evidence = readEvidence(black.evidence)!;
    const by = (type: string) => evidence.rule.find((c) => c.type === type)!;
    expect(by("mentoring")).toMatchObject({
      current: 1,
      required: 1,
      records: [{ kind: "person", id: w.mentee.id, name: w.mentee.name }],
    });
    expect(by("reviews").records).toHaveLength(10);
    expect(by("reviews").records![0]).toMatchObject({ kind: "review", key: "R-10" });
    expect(by("feedback-average")).toMatchObject({ current: 4.33, count: 3 });
    const audit = await db.auditLog.findMany({
      where: { entity: { in: ["Mentorship", "BeltAward"] } },
      orderBy: { id: "asc" },
      select: { entity: true, action: true, actorId: true },
    });
    expect(audit).toEqual([
      { entity: "Mentorship", action: "create", actorId: w.lead.id },
      { entity: "BeltAward", action: "award", actorId: w.lead.id },
    ]);
  });

  it("the lead's re-evaluation of everyone obeys the same rule (mentoring written by another path)", async () => {
    const w = await world();
    await db.mentorship.create({
      data: { mentorId: w.mentor.id, menteeId: w.mentee.id, startedOn: new Date("2026-01-05") },
    });
    expect(await reevaluateEveryone(w.lead)).toEqual([{ userId: w.mentor.id, belt: "BLACK" }]);
  });

  it("refuses oneself, a duplicate, a non-guardian, an unknown email and a mentor who is not a guardian", async () => {
    const w = await world();
    const builder = await createUser(["BUILDER"], { orgId: w.org.id });
    await expect(recordMentorship(w.lead, form(w.mentor.id, w.mentor.email))).rejects.toMatchObject(
      {
        field: "menteeEmail",
        fieldMessage: "No one mentors themselves",
      },
    );
    await expect(recordMentorship(w.lead, form(w.mentor.id, builder.email))).rejects.toMatchObject({
      field: "menteeEmail",
    });
    await expect(
      recordMentorship(w.lead, form(w.mentor.id, "nobody@example.test")),
    ).rejects.toMatchObject({
      field: "menteeEmail",
    });
    await expect(recordMentorship(w.lead, form(w.mentee.id, w.mentor.email))).rejects.toThrow(
      "not an active guardian",
    );
    expect(await db.mentorship.count()).toBe(0);
    await recordMentorship(w.lead, form(w.mentor.id, w.mentee.email));
    const twice = await Promise.allSettled([
      recordMentorship(w.lead, form(w.mentor.id, w.mentee.email)),
      recordMentorship(w.lead, form(w.mentor.id, w.mentee.email, "2026-02-01")),
    ]);
    for (const r of twice)
      expect((r as PromiseRejectedResult).reason).toMatchObject({ field: "menteeEmail" });
    expect(await db.mentorship.count()).toBe(1);
  });

  it("the database refuses self-mentoring and an end before the start, whatever writes it", async () => {
    const w = await world();
    await expect(
      db.mentorship.create({
        data: { mentorId: w.mentor.id, menteeId: w.mentor.id, startedOn: new Date("2026-01-05") },
      }),
    ).rejects.toThrow();
    await expect(
      db.mentorship.create({
        data: {
          mentorId: w.mentor.id,
          menteeId: w.mentee.id,
          startedOn: new Date("2026-01-05"),
          endedOn: new Date("2026-01-04"),
        },
      }),
    ).rejects.toThrow();
  });

  it("only leads and admins record or end mentoring", async () => {
    const w = await world();
    const others = await Promise.all(
      (["GUARDIAN", "SECURITY_ENGINEER", "MANAGER", "BUILDER"] as const).map(async (r) =>
        loadActor((await createUser([r], { orgId: w.org.id })).id),
      ),
    );
    for (const who of [...others, await loadActor(w.mentor.id)])
      await expect(
        recordMentorship(who!, form(w.mentor.id, w.mentee.email)),
      ).rejects.toBeInstanceOf(PermissionError);
    expect(await db.mentorship.count()).toBe(0);
    const { id } = await recordMentorship(w.lead, form(w.mentor.id, w.mentee.email));
    await expect(
      endMentorship(others[0]!, { mentorshipId: id, endedOn: isoDay(todayUtc()) }),
    ).rejects.toBeInstanceOf(PermissionError);
  });

  it("ending keeps the belt it helped earn, refuses an end before the start, and ends once", async () => {
    const w = await world();
    const { id } = await recordMentorship(w.lead, form(w.mentor.id, w.mentee.email));
    await expect(
      endMentorship(w.lead, { mentorshipId: id, endedOn: "2026-01-04" }),
    ).rejects.toMatchObject({
      field: "endedOn",
    });
    const today = isoDay(todayUtc());
    await endMentorship(w.lead, { mentorshipId: id, endedOn: today });
    await expect(endMentorship(w.lead, { mentorshipId: id, endedOn: today })).rejects.toThrow(
      "already ended",
    );
    expect(
      await db.beltAward.count({ where: { userId: w.mentor.id, belt: "BLACK", revokedAt: null } }),
    ).toBe(1);
    expect(isoDay((await db.mentorship.findUniqueOrThrow({ where: { id } })).endedOn!)).toBe(today);
  });
});
