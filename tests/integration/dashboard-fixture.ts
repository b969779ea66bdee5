import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { createOrg, createTeam, createUser } from "../factories";

const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

// A small program whose every figure is computed by hand in the tests that use it
// (dashboard.test.ts, dashboard-views.test.ts).
export async function buildDashboardProgram() {
  const orgA = await createOrg({ name: "Payments" });
  const orgB = await createOrg({ name: "Retail" });
  // a sub-org: in org A's figures
  const orgA2 = await createOrg({ name: "Payments Cards", parentId: orgA.id });
  // Named so that ties between them are listed by name: Accounts before Cards.
  const teamA1 = await createTeam(orgA.id, { name: "Cards", joinedOn: d("2025-01-01") });
  const teamA2 = await createTeam(orgA.id, { name: "Accounts", joinedOn: d("2026-09-30") });
  await createTeam(orgA.id, { joinedOn: d("2026-10-05") }); // joins after Q3: not counted
  // after Q3 too; its data is in Q4
  const teamSub = await createTeam(orgA2.id, { name: "Card issuing", joinedOn: d("2026-10-05") });
  const teamB = await createTeam(orgB.id, { joinedOn: d("2025-01-01") });
  const g1 = await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: teamA1.id });
  const g2 = await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: teamA2.id });
  const builder = await createUser(["BUILDER"], { orgId: orgA.id, teamId: teamA1.id });
  const gB = await createUser(["GUARDIAN"], { orgId: orgB.id, teamId: teamB.id });
  const eng = await createUser(["SECURITY_ENGINEER"]);
  await db.guardianMembership.createMany({
    data: [
      {
        userId: g1.id,
        teamId: teamA1.id,
        status: "ACTIVE",
        nominatedOn: d("2025-06-01"),
        activeOn: d("2025-06-01"),
      },
      {
        userId: g2.id,
        teamId: teamA2.id,
        status: "ACTIVE",
        nominatedOn: d("2026-08-01"),
        activeOn: d("2026-08-15"),
      },
      {
        userId: gB.id,
        teamId: teamB.id,
        status: "ACTIVE",
        nominatedOn: d("2025-01-01"),
        activeOn: d("2025-01-01"),
      },
    ],
  });
  const review = async (
    key: string,
    teamId: number,
    req: string,
    done: string,
    effortQh: number,
    participants: number[],
  ) =>
    db.review.create({
      data: {
        key,
        teamId,
        service: key,
        requestedAt: d(req),
        startedAt: d(req),
        completedAt: d(done),
        securityEngineerId: eng.id,
        effortQuarterHours: effortQh,
        participants: { create: participants.map((userId) => ({ userId })) },
      },
    });
  // Org A, Q3: with guardian 2 and 4 days; without 6 days (builder only, and g1 on another team's
  // review is not "with").
  const r1 = await review("R1", teamA1.id, "2026-07-01T00:00:00Z", "2026-07-03T00:00:00Z", 16, [
    g1.id,
  ]);
  await review("R2", teamA1.id, "2026-08-01T00:00:00Z", "2026-08-05T00:00:00Z", 12, [
    g1.id,
    builder.id,
  ]);
  await review("R3", teamA1.id, "2026-09-01T00:00:00Z", "2026-09-07T00:00:00Z", 20, [builder.id]);
  // g1 guards A1, not A2; g2 not yet active on 07-11? (active 08-15) → without
  await review("R4", teamA2.id, "2026-07-01T00:00:00Z", "2026-07-11T00:00:00Z", 8, [g1.id]);
  await review("RB", teamB.id, "2026-07-01T00:00:00Z", "2026-07-02T00:00:00Z", 4, [gB.id]); // org B
  // previous quarter
  await review("R-Q2", teamA1.id, "2026-06-01T00:00:00Z", "2026-06-30T00:00:00Z", 4, [g1.id]);
  // sub-org, Q4: 3 days
  await review("RS", teamSub.id, "2026-10-06T00:00:00Z", "2026-10-09T00:00:00Z", 4, []);
  const r3 = await db.review.findFirstOrThrow({ where: { key: "R3" } });
  // Releases, org A, Q3: with guardian 10 days (R1), without 20 days (R3), no review 30 and 6 days.
  await db.release.createMany({
    data: [
      {
        key: "REL1",
        teamId: teamA1.id,
        name: "Cards v2",
        startedOn: d("2026-07-01"),
        releasedOn: d("2026-07-11"),
        reviewId: r1.id,
      },
      {
        key: "REL2",
        teamId: teamA1.id,
        name: "Cards v3",
        startedOn: d("2026-07-01"),
        releasedOn: d("2026-07-21"),
        reviewId: r3.id,
      },
      {
        key: "REL3",
        teamId: teamA2.id,
        name: "Accounts v1",
        startedOn: d("2026-08-01"),
        releasedOn: d("2026-08-31"),
      },
      {
        key: "REL4",
        teamId: teamA2.id,
        name: "Accounts v1.1",
        startedOn: d("2026-08-01"),
        releasedOn: d("2026-08-07"),
      },
      {
        key: "REL5",
        teamId: teamA1.id,
        name: "Cards v4",
        startedOn: d("2026-09-01"),
        releasedOn: d("2026-10-02"),
      }, // released in Q4
      { key: "REL6", teamId: teamA1.id, name: "Cards v5", startedOn: d("2026-09-01") }, // not released
      {
        key: "RELB",
        teamId: teamB.id,
        name: "Shop",
        startedOn: d("2026-07-01"),
        releasedOn: d("2026-07-02"),
      }, // org B
    ],
  });
  await db.finding.createMany({
    data: [
      {
        key: "F1",
        reviewId: r1.id,
        teamId: teamA1.id,
        severity: "HIGH",
        status: "MITIGATED",
        openedOn: d("2026-07-03"),
        closedOn: d("2026-07-13"),
      },
      {
        key: "F2",
        reviewId: r1.id,
        teamId: teamA1.id,
        severity: "CRITICAL",
        status: "OPEN",
        openedOn: d("2026-07-03"),
      },
      { key: "F3", teamId: teamA2.id, severity: "LOW", status: "OPEN", openedOn: d("2026-09-30") },
      { key: "FB", teamId: teamB.id, severity: "LOW", status: "OPEN", openedOn: d("2026-07-10") },
    ],
  });
  await db.activityEntry.createMany({
    data: [
      { userId: g1.id, date: d("2026-07-10"), quarterHours: 8, type: "REVIEW" },
      { userId: g1.id, date: d("2026-08-10"), quarterHours: 6, type: "QUESTION" },
      // before g2 became active: builder hours
      { userId: g2.id, date: d("2026-08-01"), quarterHours: 4, type: "DEEP_DIVE" },
      { userId: g2.id, date: d("2026-09-01"), quarterHours: 10, type: "REVIEW" },
      { userId: builder.id, date: d("2026-09-02"), quarterHours: 2, type: "OTHER" },
      { userId: gB.id, date: d("2026-07-10"), quarterHours: 40, type: "REVIEW" },
    ],
  });
  const tm = await db.threatModel.create({
    data: {
      key: "TM1",
      teamId: teamA1.id,
      system: "Cards",
      status: "APPROVED",
      createdOn: d("2026-07-01"),
      approvedOn: d("2026-07-20"),
      authors: { create: [{ userId: g1.id }] },
      threats: {
        create: [
          {
            key: "T1",
            category: "SPOOFING",
            severity: "HIGH",
            mitigation: "mTLS",
            mitigationStatus: "IMPLEMENTED",
          },
          { key: "T2", category: "TAMPERING", severity: "MEDIUM", mitigationStatus: "NONE" },
        ],
      },
    },
  });
  // Guardian-authored counts an author who was an active guardian of the model's own team on the
  // approval day: TM2 (team A2) by g1, a guardian of A1 only, is not; TM3 by g2, approved before
  // g2 became active, is not either.
  await db.threatModel.create({
    data: {
      key: "TM2",
      teamId: teamA2.id,
      system: "Ledger",
      status: "APPROVED",
      createdOn: d("2026-07-01"),
      approvedOn: d("2026-08-01"),
      authors: { create: [{ userId: g1.id }] },
    },
  });
  await db.threatModel.create({
    data: {
      key: "TM3",
      teamId: teamA2.id,
      system: "Statements",
      status: "APPROVED",
      createdOn: d("2026-07-01"),
      approvedOn: d("2026-08-01"),
      authors: { create: [{ userId: g2.id }, { userId: builder.id }] },
    },
  });
  await db.feedback.createMany({
    data: [
      { reviewId: r1.id, guardianId: g1.id, raterId: eng.id, rating: 4 },
      { threatModelId: tm.id, guardianId: g1.id, raterId: eng.id, rating: 5 },
    ],
  });
  const required = await db.course.create({
    data: { key: "onboarding", title: "Onboarding", required: true },
  });
  await db.course.create({ data: { key: "advanced", title: "Advanced", required: false } });
  await db.courseCompletion.create({
    data: { userId: g1.id, courseId: required.id, completedOn: d("2026-01-10") },
  });
  const manager = await createUser(["MANAGER"], { orgId: orgA.id });
  const lead = await createUser(["LEAD"]);
  // Surveys: the annual one closes in Q3, a pulse in Q2. Respondents count by their own org and team.
  const survey = async (
    title: string,
    closesOn: string,
    questions: { text: string; kind: "RATING" | "TEXT" }[],
    responses: { userId: number; answers: { rating?: number; text?: string }[] }[],
  ) => {
    const created = await db.survey.create({
      data: {
        title,
        opensOn: d(closesOn),
        closesOn: d(closesOn),
        questions: { create: questions.map((q, i) => ({ ...q, position: i + 1 })) },
      },
      include: { questions: { orderBy: { position: "asc" } } },
    });
    for (const r of responses) {
      await db.surveyResponse.create({
        data: {
          surveyId: created.id,
          userId: r.userId,
          answers: {
            create: r.answers.map((a, i) => ({
              questionId: created.questions[i].id,
              rating: a.rating ?? null,
              text: a.text ?? null,
            })),
          },
        },
      });
    }
  };
  await survey(
    "Annual 2026",
    "2026-08-20",
    [
      { text: "The program helps me", kind: "RATING" },
      { text: "What should change?", kind: "TEXT" },
    ],
    [
      { userId: g1.id, answers: [{ rating: 4 }, { text: "More deep dives" }] },
      { userId: builder.id, answers: [{ rating: 2 }, { text: "   " }] }, // a blank answer is no answer
      { userId: manager.id, answers: [{ rating: 5 }, {}] }, // org A, no team
      { userId: gB.id, answers: [{ rating: 1 }, { text: "Less email" }] }, // org B
    ],
  );
  await survey(
    "Pulse Q2",
    "2026-05-10",
    [{ text: "Mood", kind: "RATING" }],
    [{ userId: g1.id, answers: [{ rating: 3 }] }],
  );
  return {
    orgA,
    orgA2,
    orgB,
    teamA1,
    teamA2,
    teamSub,
    teamB,
    g1,
    g2,
    builder,
    gB,
    managerUser: manager,
    manager: (await loadActor(manager.id))!,
    lead: (await loadActor(lead.id))!,
    guardian: (await loadActor(g1.id))!,
  };
}
