import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { previewRule, saveRule } from "@/lib/server/belts/rules";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { giveRecognition } from "@/lib/server/recognition/service";
import { getProfile } from "@/lib/server/people/profile";
import { recordCompletion, saveCourse } from "@/lib/server/training/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { completionSchema, courseSchema } from "@/lib/validations/training";
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
  for (const key of ["R1", "R2"])
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
  const onboarding = await db.course.create({
    data: { key: "guardian-onboarding", title: "Onboarding", required: true, onboarding: true },
  });
  const load = async (id: number) => (await loadActor(id))!;
  const managerB = await createUser(["MANAGER"], { orgId: orgB.id });
  const managerA = await createUser(["MANAGER"], { orgId: orgA.id });
  return {
    g,
    onboarding,
    guardian: await load(g.id),
    lead: await load((await createUser(["LEAD"])).id),
    managerA: await load(managerA.id),
    managerB: await load(managerB.id),
    builder: await load((await createUser(["BUILDER"], { orgId: orgA.id })).id),
  };
}

const today = new Date().toISOString().slice(0, 10);

describe("training", () => {
  it("completing the last required course awards the belt once, even when recorded twice at once", async () => {
    const w = await world();
    await reevaluateBelts([w.g.id]);
    const input = completionSchema.parse({ courseId: String(w.onboarding.id), completedOn: today });
    const [a, b] = await Promise.all([
      recordCompletion(w.guardian, input),
      recordCompletion(w.guardian, input),
    ]);
    expect([...a.awarded, ...b.awarded].map((x) => x.belt)).toEqual(["YELLOW"]);
    expect(await db.courseCompletion.count()).toBe(1);
    expect(await db.beltAward.count({ where: { userId: w.g.id, belt: "YELLOW" } })).toBe(1);
  });

  it("refuses future dates, other people's completions for non-leads, and course edits by guardians", async () => {
    const w = await world();
    const future = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
    expect(
      completionSchema.safeParse({ courseId: String(w.onboarding.id), completedOn: future }).error
        ?.issues[0].message,
    ).toBe("Enter a date no later than tomorrow");
    await expect(
      recordCompletion(w.guardian, {
        ...completionSchema.parse({ courseId: String(w.onboarding.id), completedOn: today }),
        completedOn: future,
      }),
    ).rejects.toThrow("cannot be in the future");
    const other = await createUser(["BUILDER"], { email: "other@example.test" });
    await expect(
      recordCompletion(
        w.guardian,
        completionSchema.parse({
          courseId: String(w.onboarding.id),
          completedOn: today,
          email: "other@example.test",
        }),
      ),
    ).rejects.toBeInstanceOf(DomainError);
    await recordCompletion(
      w.lead,
      completionSchema.parse({
        courseId: String(w.onboarding.id),
        completedOn: today,
        email: "other@example.test",
      }),
    );
    expect(await db.courseCompletion.count({ where: { userId: other.id } })).toBe(1);
    await expect(
      saveCourse(w.guardian, null, courseSchema.parse({ title: "Hacking 101", hours: "2" })),
    ).rejects.toBeInstanceOf(PermissionError);
    expect(courseSchema.safeParse({ title: "x", hours: "-1", link: "ftp://x" }).success).toBe(
      false,
    );
  });
});

describe("belt rule preview", () => {
  it("matches what saving and re-evaluating then awards", async () => {
    const w = await world();
    await reevaluateBelts([w.g.id]);
    const easierYellow = [{ type: "previous-belt" as const }, { type: "reviews" as const, min: 2 }];
    const preview = await previewRule(w.lead, "YELLOW", easierYellow);
    expect(preview.newlyQualifying.map((p) => [p.userId, p.belt])).toEqual([[w.g.id, "YELLOW"]]);
    const awarded = await saveRule(w.lead, "YELLOW", easierYellow);
    expect(awarded.map((a) => [a.userId, a.belt])).toEqual(
      preview.newlyQualifying.map((p) => [p.userId, p.belt]),
    );
    await expect(previewRule(w.managerA, "YELLOW", easierYellow)).rejects.toBeInstanceOf(
      PermissionError,
    );
  });
});

describe("recognition and profiles", () => {
  it("a manager recognises someone in their org; another org's manager cannot", async () => {
    const w = await world();
    await giveRecognition(w.managerA, {
      recipientId: w.g.id,
      kind: "KUDOS",
      title: "Great prep",
      reason: "Prepared the review thoroughly.",
    });
    await expect(
      giveRecognition(w.managerB, {
        recipientId: w.g.id,
        kind: "KUDOS",
        title: "Great prep",
        reason: "Prepared the review thoroughly.",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      giveRecognition(w.builder, {
        recipientId: w.g.id,
        kind: "AWARD",
        title: "Great prep",
        reason: "Prepared the review thoroughly.",
      }),
    ).rejects.toBeInstanceOf(PermissionError);
    expect(await db.recognition.count()).toBe(1);
  });

  it("a profile is visible in scope only, and feedback only to those who may read it", async () => {
    const w = await world();
    const eng = await createUser(["SECURITY_ENGINEER"]);
    const review = await db.review.findFirstOrThrow({ where: { key: "R1" } });
    await db.feedback.create({
      data: { reviewId: review.id, guardianId: w.g.id, raterId: eng.id, rating: 4 },
    });
    const own = await getProfile(w.guardian, w.g.id);
    expect(own?.reviewCount).toBe(2);
    expect(own?.feedback?.map((f) => f.rating)).toEqual([4]);
    expect(await getProfile(w.managerB, w.g.id)).toBeNull();
    expect((await getProfile(w.builder, w.g.id))?.feedback).toBeNull();
  });
});
