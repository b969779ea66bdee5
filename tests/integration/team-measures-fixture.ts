import { db } from "@/lib/db/client";
import { createOrg, createTeam, createUser } from "../factories";

const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

// A small program whose per-team figures tests/integration/team-measures.test.ts works out by hand.
/**
 * Platform: Alpha (gA; gAB), Beta (gAB from 08-10), Gamma (gC, Jul 1 – Aug 20), Delta (nothing);
 * Other: Omega, whose data must stay out of Platform's figures. gAB guards two teams.
 */
export async function buildTeamMeasuresProgram() {
  const org = await createOrg({ name: "Platform" });
  const other = await createOrg({ name: "Other" });
  const teams = {
    alpha: await createTeam(org.id, { name: "Alpha", joinedOn: d("2025-01-01") }),
    beta: await createTeam(org.id, { name: "Beta", joinedOn: d("2025-01-01") }),
    gamma: await createTeam(org.id, { name: "Gamma", joinedOn: d("2025-01-01") }),
    delta: await createTeam(org.id, { name: "Delta", joinedOn: d("2026-01-01") }),
    omega: await createTeam(other.id, { name: "Omega", joinedOn: d("2025-01-01") }),
  };
  const gA = await createUser(["GUARDIAN"], { orgId: org.id, teamId: teams.alpha.id });
  const gAB = await createUser(["GUARDIAN"], { orgId: org.id, teamId: teams.alpha.id });
  const gC = await createUser(["GUARDIAN"], { orgId: org.id, teamId: teams.gamma.id });
  const gO = await createUser(["GUARDIAN"], { orgId: other.id, teamId: teams.omega.id });
  const builder = await createUser(["BUILDER"], { orgId: org.id, teamId: teams.alpha.id });
  const eng = await createUser(["SECURITY_ENGINEER"]);
  const member = (userId: number, teamId: number, activeOn: string, leftOn?: string) => ({
    userId,
    teamId,
    status: leftOn ? ("ALUMNI" as const) : ("ACTIVE" as const),
    nominatedOn: d(activeOn),
    activeOn: d(activeOn),
    leftOn: leftOn ? d(leftOn) : null,
  });
  await db.guardianMembership.createMany({
    data: [
      member(gA.id, teams.alpha.id, "2026-01-01"),
      member(gAB.id, teams.alpha.id, "2026-01-01"),
      member(gAB.id, teams.beta.id, "2026-08-10"),
      member(gC.id, teams.gamma.id, "2026-07-01", "2026-08-20"),
      member(gO.id, teams.omega.id, "2025-01-01"),
    ],
  });

  const review = (
    key: string,
    teamId: number,
    requested: string,
    completed: string,
    effortQuarterHours: number | null,
    participants: number[],
  ) =>
    db.review.create({
      data: {
        key,
        teamId,
        service: key,
        requestedAt: d(requested),
        startedAt: d(requested),
        completedAt: d(completed),
        securityEngineerId: eng.id,
        effortQuarterHours,
        participants: { create: participants.map((userId) => ({ userId })) },
      },
    });
  const r1 = await review("R1", teams.alpha.id, "2026-07-01", "2026-07-03", 8, [gA.id]);
  await review("R2", teams.alpha.id, "2026-07-10T12:00:00Z", "2026-07-11T00:00:00Z", null, []);
  const r3 = await review("R3", teams.beta.id, "2026-08-01", "2026-08-11", 16, [gAB.id]);
  const rQ2 = await review("R-Q2", teams.alpha.id, "2026-06-01", "2026-06-30", 4, [gA.id]);
  await review("RO", teams.omega.id, "2026-07-01", "2026-07-31", 40, [gO.id]);

  await db.release.createMany({
    data: [
      {
        key: "REL1",
        teamId: teams.alpha.id,
        name: "a1",
        startedOn: d("2026-07-01"),
        releasedOn: d("2026-07-11"),
        reviewId: r1.id,
      },
      {
        key: "REL2",
        teamId: teams.alpha.id,
        name: "a2",
        startedOn: d("2026-07-01"),
        releasedOn: d("2026-07-05"),
      },
      {
        key: "REL3",
        teamId: teams.beta.id,
        name: "b1",
        startedOn: d("2026-08-01"),
        releasedOn: d("2026-08-21"),
      },
      { key: "REL4", teamId: teams.gamma.id, name: "c1", startedOn: d("2026-09-01") }, // not released
    ],
  });

  await db.finding.createMany({
    data: [
      {
        key: "F1",
        teamId: teams.alpha.id,
        severity: "HIGH",
        status: "MITIGATED",
        openedOn: d("2026-07-05"),
        closedOn: d("2026-07-15"),
      },
      {
        key: "F2",
        teamId: teams.alpha.id,
        severity: "LOW",
        status: "OPEN",
        openedOn: d("2026-07-06"),
      },
      // opened in Q2, mitigated in Q3: counts for time to mitigate, not as opened
      {
        key: "F3",
        teamId: teams.alpha.id,
        severity: "MEDIUM",
        status: "MITIGATED",
        openedOn: d("2026-06-01"),
        closedOn: d("2026-07-01"),
      },
      // accepted, not mitigated
      {
        key: "F4",
        teamId: teams.beta.id,
        severity: "LOW",
        status: "ACCEPTED",
        openedOn: d("2026-09-01"),
        closedOn: d("2026-09-05"),
      },
      {
        key: "FO",
        teamId: teams.omega.id,
        severity: "CRITICAL",
        status: "OPEN",
        openedOn: d("2026-07-01"),
      },
    ],
  });

  await db.activityEntry.createMany({
    data: [
      { userId: gA.id, date: d("2026-07-10"), quarterHours: 8, type: "REVIEW" },
      { userId: gA.id, date: d("2026-09-10"), quarterHours: 4, type: "QUESTION" },
      { userId: gAB.id, date: d("2026-07-15"), quarterHours: 4, type: "QUESTION" }, // Alpha only
      { userId: gAB.id, date: d("2026-08-15"), quarterHours: 12, type: "REVIEW" }, // Alpha and Beta
      { userId: gC.id, date: d("2026-07-20"), quarterHours: 6, type: "DEEP_DIVE" },
      { userId: gC.id, date: d("2026-08-25"), quarterHours: 4, type: "OTHER" }, // after leaving
      { userId: builder.id, date: d("2026-07-10"), quarterHours: 40, type: "OTHER" },
      { userId: gO.id, date: d("2026-07-10"), quarterHours: 40, type: "REVIEW" },
    ],
  });

  const onboarding = await db.course.create({
    data: { key: "onboarding", title: "Onboarding", required: true },
  });
  const legacy = await db.course.create({
    data: { key: "legacy", title: "Legacy", required: true, active: false },
  });
  await db.course.create({ data: { key: "advanced", title: "Advanced", required: false } });
  await db.courseCompletion.createMany({
    data: [
      { userId: gA.id, courseId: onboarding.id, completedOn: d("2026-02-01") },
      { userId: gAB.id, courseId: onboarding.id, completedOn: d("2026-10-05") }, // after Q3
      { userId: gAB.id, courseId: legacy.id, completedOn: d("2026-02-01") },
      { userId: gC.id, courseId: onboarding.id, completedOn: d("2026-02-01") },
    ],
  });

  const model = (key: string, teamId: number, approvedOn: string, authors: number[]) =>
    db.threatModel.create({
      data: {
        key,
        teamId,
        system: key,
        status: "APPROVED",
        createdOn: d("2026-07-01"),
        approvedOn: d(approvedOn),
        authors: { create: authors.map((userId) => ({ userId })) },
      },
    });
  const tm1 = await model("TM1", teams.alpha.id, "2026-07-20", [gA.id]);
  await model("TM2", teams.alpha.id, "2026-08-01", [builder.id]);
  // gAB guards Alpha, not yet Beta, on 08-01; gC guards Gamma on 08-05: neither counts for Beta.
  await model("TM3", teams.beta.id, "2026-08-01", [gAB.id]);
  await model("TM4", teams.beta.id, "2026-08-05", [gC.id, builder.id]);
  await model("TM5", teams.beta.id, "2026-09-01", [gAB.id]);

  await db.feedback.createMany({
    data: [
      { reviewId: r1.id, guardianId: gA.id, raterId: eng.id, rating: 4 },
      { threatModelId: tm1.id, guardianId: gA.id, raterId: eng.id, rating: 5 },
      { reviewId: r3.id, guardianId: gAB.id, raterId: eng.id, rating: 2 },
      { reviewId: rQ2.id, guardianId: gA.id, raterId: eng.id, rating: 1 }, // Q2
    ],
  });
  return { org, other, teams };
}
