// The demo data obeys the app's own rules: the demo (small scale, the one `npm start` loads) is
// loaded into a fresh database and each rule the services, validations and database enforce is
// a query for the rows that break it, which must find none. Belts are checked with the app's
// own rule evaluation (lib/belts/evaluate) over each guardian's facts on the day of the award.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withClient } from "../setup/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { activeOnDay } from "@/lib/active-guardian/sql";
import { nextBelt, type BeltFacts } from "@/lib/belts/evaluate";
import { DEFAULT_BELT_RULES, type BeltName } from "@/lib/belts/default-rules";
import { dropDatabase, ensureDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { withDatabase } from "@/lib/db/url";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { generateDataset } from "@/lib/demo/generate";
import { seedDatabase } from "@/lib/demo/insert";
import { addQuarters, dayNumber, isoDay, quarterKey, quarterOf } from "@/lib/period";
import { BELT } from "@/lib/vocabulary";

const admin = withDatabase(inject("databaseUrl"), "postgres");
const name = `guardians_demo_rules_${process.pid}_${Date.now()}`;
const url = withDatabase(inject("databaseUrl"), name);
// The demo's clock: a fixed day, so the data (and this test) are the same on every run.
const TODAY = new Date("2026-11-22T00:00:00Z");
const today = `'${isoDay(TODAY)}'::date`;
const timings: string[] = [];

/** The app's "active guardian of a team on a day" (lib/active-guardian/sql.ts) as SQL text. */
const activeOn = (day: string, alias = "g") => activeOnDay(Prisma.raw(day), alias).sql;

beforeAll(async () => {
  await ensureDatabase(admin, name);
  await migrate(url);
  await seedDatabase(url, {
    seed: 42,
    scale: "small",
    today: TODAY,
    newsletters: true,
    log: (line) => timings.push(line),
  });
}, 240_000);

afterAll(async () => {
  await dropDatabase(admin, name);
});

const q = <T extends Record<string, unknown>>(sql: string) =>
  withClient(url, async (c) => (await c.query<T>(sql)).rows);

// [rule, the rows that break it]
const RULES: [string, string][] = [
  // Events (lib/events/rules.ts, lib/server/events/*).
  [
    "an event never has more people registered than places",
    `SELECT e.id FROM "Event" e JOIN "EventRegistration" r ON r."eventId" = e.id
       GROUP BY e.id HAVING count(*) > e.capacity`,
  ],
  [
    "attendance logged the event's hours as training on its day, and only attendance did",
    `SELECT r.id FROM "EventRegistration" r JOIN "Event" e ON e.id = r."eventId"
       LEFT JOIN "ActivityEntry" a ON a.id = r."entryId"
       WHERE r.attended <> (a.id IS NOT NULL AND a."deletedAt" IS NULL)
         OR (a.id IS NOT NULL AND (a.type <> 'TRAINING' OR a."quarterHours" <> e."quarterHours"
           OR a.date <> (e."startsAt" AT TIME ZONE 'UTC')::date OR a."userId" <> r."userId"))
         OR (r.attended AND e."startsAt" > ${today})`,
  ],
  [
    "a place is taken before the event starts, and not after today",
    `SELECT r.id FROM "EventRegistration" r JOIN "Event" e ON e.id = r."eventId"
       WHERE r."registeredAt" > e."startsAt" OR r."registeredAt" > ${today} + 1`,
  ],
  [
    "placings go to attendees of contests",
    `SELECT r.id FROM "EventRegistration" r JOIN "Event" e ON e.id = r."eventId"
       WHERE r."placing" IS NOT NULL AND (e.kind <> 'CONTEST' OR NOT r.attended)`,
  ],
  // Threat models (lib/threat-models/rules.ts approvalBlocker, decide in its service).
  [
    "an approved threat model has at least one threat",
    `SELECT tm.key FROM "ThreatModel" tm WHERE tm.status = 'APPROVED'
       AND NOT EXISTS (SELECT 1 FROM "Threat" t WHERE t."threatModelId" = tm.id)`,
  ],
  [
    "an approved threat model has no threat without a documented mitigation (undocumented ones were accepted)",
    `SELECT tm.key, t.key AS threat FROM "ThreatModel" tm JOIN "Threat" t ON t."threatModelId" = tm.id
      WHERE tm.status = 'APPROVED' AND (t."mitigationStatus" = 'NONE'
        OR (t."mitigationStatus" IN ('PLANNED', 'IMPLEMENTED') AND coalesce(btrim(t.mitigation), '') = ''))`,
  ],
  [
    "an approved threat model's high and critical threats have a mitigation",
    `SELECT tm.key, t.key AS threat FROM "ThreatModel" tm JOIN "Threat" t ON t."threatModelId" = tm.id
      WHERE tm.status = 'APPROVED' AND t.severity IN ('HIGH', 'CRITICAL')
        AND (t."mitigationStatus" NOT IN ('PLANNED', 'IMPLEMENTED') OR coalesce(btrim(t.mitigation), '') = '')`,
  ],
  [
    "a threat model was created and approved by today, approved only when its status says so",
    `SELECT key FROM "ThreatModel" WHERE "createdOn" > ${today} OR "approvedOn" > ${today}
        OR (status = 'APPROVED') <> ("approvedOn" IS NOT NULL)`,
  ],
  [
    "a threat model's authors work in the team's organisation or are security engineers (addAuthor)",
    `SELECT tm.key, u.email FROM "ThreatModelAuthor" a JOIN "ThreatModel" tm ON tm.id = a."threatModelId"
       JOIN "Team" team ON team.id = tm."teamId" JOIN "User" u ON u.id = a."userId"
      WHERE u."orgId" IS DISTINCT FROM team."orgId" AND NOT 'SECURITY_ENGINEER' = ANY(u.roles)`,
  ],
  // Reviews (lib/reviews/outcome.ts, lib/server/reviews/service.ts).
  [
    "an approved review leaves no finding open",
    `SELECT r.key FROM "Review" r WHERE r.outcome = 'APPROVED'
       AND EXISTS (SELECT 1 FROM "Finding" f WHERE f."reviewId" = r.id AND f.status = 'OPEN')`,
  ],
  [
    "a review approved with findings, or with changes required, has at least one finding",
    `SELECT r.key, r.outcome FROM "Review" r WHERE r.outcome IN ('APPROVED_WITH_FINDINGS', 'CHANGES_REQUIRED')
       AND NOT EXISTS (SELECT 1 FROM "Finding" f WHERE f."reviewId" = r.id)`,
  ],
  [
    "a review approved as it stands found nothing (every demo finding opens on the review's last day)",
    `SELECT r.key FROM "Review" r WHERE r.outcome = 'APPROVED'
       AND EXISTS (SELECT 1 FROM "Finding" f WHERE f."reviewId" = r.id)`,
  ],
  [
    "a completed review was started by a security engineer (or fast-tracked) and has an outcome; an open one has none",
    `SELECT r.key FROM "Review" r WHERE (r."completedAt" IS NOT NULL AND (r."startedAt" IS NULL
        OR (r."securityEngineerId" IS NULL AND NOT EXISTS (SELECT 1 FROM "FastTrack" x
          WHERE x."reviewId" = r.id)) OR r.outcome IS NULL))
        OR (r."completedAt" IS NULL AND r.outcome IS NOT NULL)`,
  ],
  [
    // docs/fast-track.md: approved by an active guardian of the team with a valid belt of at
    // least the policy's, no security engineer; a failed spot check sent it back (open again).
    "a fast-tracked review obeys the fast-track rule, and a failed spot check left it open",
    `SELECT r.key FROM "FastTrack" x JOIN "Review" r ON r.id = x."reviewId"
       JOIN "FastTrackPolicy" pol ON pol.id = x."policyId"
       WHERE r."securityEngineerId" IS NOT NULL
        OR ((x."spotCheckOutcome" = 'FAILED') <> (r."completedAt" IS NULL))
        OR (x."spotCheckOutcome" IS NOT NULL AND NOT x.sampled)
        OR NOT EXISTS (SELECT 1 FROM "GuardianMembership" g WHERE g."userId" = x."guardianId"
          AND g."teamId" = r."teamId" AND ${activeOn('(x."approvedAt")::date')})
        OR NOT EXISTS (SELECT 1 FROM "BeltAward" b WHERE b."userId" = x."guardianId"
          AND array_position(enum_range(NULL::"Belt"), b.belt) >= array_position(enum_range(NULL::"Belt"), pol."minBelt")
          AND b."awardedOn" <= x."approvedAt"::date
          AND (b."expiresOn" IS NULL OR b."expiresOn" > x."approvedAt"::date)
          AND (b."revokedAt" IS NULL OR b."revokedAt" > x."approvedAt"))
        OR EXISTS (SELECT 1 FROM "FastTrackSuspension" s WHERE s."guardianId" = x."guardianId"
          AND s."suspendedAt" <= x."approvedAt" AND (s."liftedAt" IS NULL OR s."liftedAt" > x."approvedAt"))`,
  ],
  [
    "a review not yet started has no security engineer; a started one's engineer takes part (startReview)",
    `SELECT r.key FROM "Review" r WHERE (r."startedAt" IS NULL AND r."securityEngineerId" IS NOT NULL)
        OR (r."securityEngineerId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "ReviewParticipant" p
          WHERE p."reviewId" = r.id AND p."userId" = r."securityEngineerId"))
        OR (r."startedAt" IS NULL AND EXISTS (SELECT 1 FROM "ReviewParticipant" p JOIN "User" u ON u.id = p."userId"
          WHERE p."reviewId" = r.id AND 'SECURITY_ENGINEER' = ANY(u.roles)))`,
  ],
  [
    "the security engineer of a review is one",
    `SELECT r.key FROM "Review" r JOIN "User" u ON u.id = r."securityEngineerId"
      WHERE NOT 'SECURITY_ENGINEER' = ANY(u.roles)`,
  ],
  [
    "a review's participants work in the team's organisation or are security engineers (addParticipant)",
    `SELECT r.key, u.email FROM "ReviewParticipant" p JOIN "Review" r ON r.id = p."reviewId"
       JOIN "Team" team ON team.id = r."teamId" JOIN "User" u ON u.id = p."userId"
      WHERE u."orgId" IS DISTINCT FROM team."orgId" AND NOT 'SECURITY_ENGINEER' = ANY(u.roles)`,
  ],
  [
    "a review's effort is its participants' effort",
    `SELECT r.key FROM "Review" r LEFT JOIN (SELECT "reviewId", sum("effortQuarterHours") AS qh
        FROM "ReviewParticipant" GROUP BY "reviewId") p ON p."reviewId" = r.id
      WHERE r."effortQuarterHours" IS DISTINCT FROM p.qh::int`,
  ],
  [
    "a review was requested, started and completed by today",
    `SELECT key FROM "Review" WHERE "requestedAt"::date > ${today} OR "startedAt"::date > ${today}
        OR "completedAt"::date > ${today}`,
  ],
  // Findings (setFindingStatus, the Finding checks).
  [
    "a finding is its review's team's, opened after the review was requested and by today, closed by today",
    `SELECT f.key FROM "Finding" f LEFT JOIN "Review" r ON r.id = f."reviewId"
      WHERE f."openedOn" > ${today} OR f."closedOn" > ${today}
        OR (r.id IS NOT NULL AND (r."teamId" <> f."teamId" OR f."openedOn" < r."requestedAt"::date))`,
  ],
  [
    "a finding is closed exactly when its status closes it, not before it opened",
    `SELECT key FROM "Finding" WHERE (status = 'OPEN') <> ("closedOn" IS NULL) OR "closedOn" < "openedOn"`,
  ],
  // Releases (createRelease).
  [
    "a release is its review's team's and ships after the review completed, by today",
    `SELECT rel.key FROM "Release" rel LEFT JOIN "Review" r ON r.id = rel."reviewId"
      WHERE rel."startedOn" > ${today} OR rel."releasedOn" > ${today} OR rel."releasedOn" < rel."startedOn"
        OR (r.id IS NOT NULL AND (r."teamId" <> rel."teamId" OR (rel."releasedOn" IS NOT NULL
          AND (r."completedAt" IS NULL OR rel."releasedOn" < r."completedAt"::date))))`,
  ],
  // Guardian memberships (nominateGuardian, decideNomination, stepping down).
  [
    "a membership's dates follow its status, in order, by today",
    `SELECT id FROM "GuardianMembership" WHERE "nominatedOn" > ${today} OR "activeOn" > ${today}
        OR "leftOn" > ${today} OR "declinedOn" > ${today} OR "activeOn" < "nominatedOn"
        OR "declinedOn" < "nominatedOn" OR "leftOn" < "activeOn"
        OR (status = 'NOMINATED' AND ("activeOn" IS NOT NULL OR "declinedOn" IS NOT NULL OR "leftOn" IS NOT NULL))
        OR (status = 'DECLINED' AND ("declinedOn" IS NULL OR "activeOn" IS NOT NULL))
        OR (status = 'ACTIVE' AND ("activeOn" IS NULL OR "leftOn" IS NOT NULL))
        OR (status = 'ALUMNI' AND ("activeOn" IS NULL OR "leftOn" IS NULL))`,
  ],
  [
    "a guardian comes from the team's organisation and holds the guardian role once approved",
    `WITH RECURSIVE up AS (SELECT id, id AS top FROM "Org" WHERE "parentId" IS NULL
       UNION ALL SELECT o.id, up.top FROM "Org" o JOIN up ON o."parentId" = up.id)
     SELECT m.id FROM "GuardianMembership" m JOIN "Team" t ON t.id = m."teamId" JOIN "User" u ON u.id = m."userId"
       JOIN up tu ON tu.id = t."orgId" LEFT JOIN up pu ON pu.id = u."orgId"
      WHERE pu.top IS DISTINCT FROM tu.top
         OR (m.status IN ('ACTIVE', 'ALUMNI') AND NOT 'GUARDIAN' = ANY(u.roles))`,
  ],
  [
    "a membership's history records each of its steps",
    `SELECT m.id FROM "GuardianMembership" m WHERE NOT EXISTS (SELECT 1 FROM "GuardianStatusChange" s
        WHERE s."membershipId" = m.id AND s."toStatus" = m.status)
        OR ("activeOn" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "GuardianStatusChange" s
          WHERE s."membershipId" = m.id AND s."toStatus" = 'ACTIVE'))`,
  ],
  // Hours (logActivity: at most 24 h a day, not in the future, links to work the person did).
  [
    "nobody logs more than 24 hours on a day, or on a day after today",
    `SELECT "userId", date FROM "ActivityEntry" WHERE "deletedAt" IS NULL
      GROUP BY "userId", date HAVING sum("quarterHours") > 96 OR date > ${today}`,
  ],
  [
    "review work is logged against a review the person took part in, once it was requested",
    `SELECT a.id FROM "ActivityEntry" a JOIN "Review" r ON r.id = a."reviewId"
      WHERE a.date < r."requestedAt"::date OR NOT EXISTS (SELECT 1 FROM "ReviewParticipant" p
        WHERE p."reviewId" = r.id AND p."userId" = a."userId")`,
  ],
  [
    "a logged entry has its first version",
    `SELECT a.id FROM "ActivityEntry" a WHERE NOT EXISTS (SELECT 1 FROM "ActivityEntryVersion" v
        WHERE v."entryId" = a.id AND v.version = a.version AND v."quarterHours" = a."quarterHours")`,
  ],
  // Feedback (rateGuardian).
  [
    "a review rating is for a guardian of the team who took part in the completed review, from a security engineer, dated after it completed",
    `SELECT f.id FROM "Feedback" f JOIN "Review" r ON r.id = f."reviewId" JOIN "User" rater ON rater.id = f."raterId"
      WHERE r."completedAt" IS NULL OR f."createdAt" < r."completedAt" OR f."createdAt"::date > ${today}
        OR NOT 'SECURITY_ENGINEER' = ANY(rater.roles)
        OR NOT EXISTS (SELECT 1 FROM "ReviewParticipant" p WHERE p."reviewId" = r.id AND p."userId" = f."guardianId")
        OR NOT EXISTS (SELECT 1 FROM "GuardianMembership" g WHERE g."userId" = f."guardianId"
          AND g."teamId" = r."teamId" AND ${activeOn(`r."completedAt"::date`)})`,
  ],
  [
    "a threat-model rating is for a guardian author of the approved model, from a security engineer, dated after its approval",
    `SELECT f.id FROM "Feedback" f JOIN "ThreatModel" tm ON tm.id = f."threatModelId" JOIN "User" rater ON rater.id = f."raterId"
      WHERE tm.status <> 'APPROVED' OR f."createdAt"::date < tm."approvedOn" OR f."createdAt"::date > ${today}
        OR NOT 'SECURITY_ENGINEER' = ANY(rater.roles)
        OR NOT EXISTS (SELECT 1 FROM "ThreatModelAuthor" a WHERE a."threatModelId" = tm.id AND a."userId" = f."guardianId")
        OR NOT EXISTS (SELECT 1 FROM "GuardianMembership" g WHERE g."userId" = f."guardianId"
          AND g."teamId" = tm."teamId" AND ${activeOn(`tm."approvedOn"`)})`,
  ],
  // Belts, mentoring, training, recognition.
  [
    "a belt is awarded by today, to someone who was an active guardian that day, once per belt",
    `SELECT b.id FROM "BeltAward" b WHERE b."awardedOn" > ${today}
        OR NOT EXISTS (SELECT 1 FROM "GuardianMembership" g WHERE g."userId" = b."userId" AND ${activeOn(`b."awardedOn"`)})
        OR EXISTS (SELECT 1 FROM "BeltAward" o WHERE o."userId" = b."userId" AND o.belt = b.belt AND o.id <> b.id)`,
  ],
  [
    "mentor and mentee are two guardians active when the mentoring started, by today",
    `SELECT m.id FROM "Mentorship" m WHERE m."mentorId" = m."menteeId" OR m."startedOn" > ${today}
        OR NOT EXISTS (SELECT 1 FROM "GuardianMembership" g WHERE g."userId" = m."mentorId" AND ${activeOn(`m."startedOn"`)})
        OR NOT EXISTS (SELECT 1 FROM "GuardianMembership" g WHERE g."userId" = m."menteeId" AND ${activeOn(`m."startedOn"`)})`,
  ],
  [
    "time is agreed with an active guardian, by today, by the manager who leads their organisation's top",
    `WITH RECURSIVE up AS (
        SELECT u.id AS "userId", o.id AS "orgId", o."parentId", o."leaderId" FROM "User" u JOIN "Org" o ON o.id = u."orgId"
        UNION ALL SELECT up."userId", o.id, o."parentId", o."leaderId" FROM up JOIN "Org" o ON o.id = up."parentId"
      )
      SELECT ta.id FROM "TimeAgreement" ta JOIN "User" r ON r.id = ta."recordedById"
      WHERE ta."createdAt"::date > ${today} OR ta."effectiveFrom" > date_trunc('month', ${today})::date
        OR NOT 'MANAGER' = ANY(r.roles) OR ta."recordedById" = ta."userId"
        OR NOT EXISTS (SELECT 1 FROM up WHERE up."userId" = ta."userId" AND up."leaderId" = r.id)
        OR NOT EXISTS (SELECT 1 FROM "GuardianMembership" g WHERE g."userId" = ta."userId" AND g.status = 'ACTIVE')`,
  ],
  [
    "courses are completed by today",
    `SELECT id FROM "CourseCompletion" WHERE "completedOn" > ${today}`,
  ],
  [
    "recognition is given by today, to a guardian who already was one",
    `SELECT r.id FROM "Recognition" r WHERE r."createdAt"::date > ${today}
        OR NOT EXISTS (SELECT 1 FROM "GuardianMembership" g WHERE g."userId" = r."recipientId"
          AND g."activeOn" <= r."createdAt"::date)`,
  ],
];

describe("demo data obeys the app's rules", () => {
  it.each(RULES)("%s", async (_rule, sql) => {
    expect(await q(sql)).toEqual([]);
  });

  it("has every kind of record the rules are about (so no rule passes on nothing)", async () => {
    const [counts] = await q<Record<string, number>>(`SELECT
      (SELECT count(*)::int FROM "ThreatModel" WHERE status = 'APPROVED') AS approved_models,
      (SELECT count(*)::int FROM "Threat" t JOIN "ThreatModel" tm ON tm.id = t."threatModelId"
        WHERE tm.status = 'APPROVED' AND t."mitigationStatus" = 'ACCEPTED') AS accepted_threats,
      (SELECT count(*)::int FROM "Review" WHERE outcome = 'APPROVED') AS approved,
      (SELECT count(*)::int FROM "Review" WHERE outcome = 'APPROVED_WITH_FINDINGS') AS with_findings,
      (SELECT count(*)::int FROM "Review" WHERE outcome = 'CHANGES_REQUIRED') AS changes_required,
      (SELECT count(*)::int FROM "Finding" WHERE status = 'OPEN') AS open_findings,
      (SELECT count(*)::int FROM "Release" WHERE "reviewId" IS NOT NULL AND "releasedOn" IS NOT NULL) AS releases,
      (SELECT count(*)::int FROM "Feedback" WHERE "reviewId" IS NOT NULL) AS review_ratings,
      (SELECT count(*)::int FROM "Feedback" WHERE "threatModelId" IS NOT NULL) AS model_ratings,
      (SELECT count(DISTINCT "createdAt"::date)::int FROM "Feedback") AS rating_days,
      (SELECT count(*)::int FROM "ActivityEntry" WHERE "reviewId" IS NOT NULL) AS review_work,
      (SELECT count(*)::int FROM "GuardianMembership" WHERE status = 'ALUMNI') AS alumni,
      (SELECT count(*)::int FROM "Mentorship") AS mentorships,
      (SELECT count(*)::int FROM "TimeAgreement" WHERE "sharePercent" IS NOT NULL) AS shares_agreed,
      (SELECT count(*)::int FROM "TimeAgreement" WHERE "sharePercent" IS NULL) AS hours_agreed,
      (SELECT count(*)::int - 1 FROM "TimeAgreement" ta JOIN "User" u ON u.id = ta."userId"
        WHERE u.email = 'guardian@guardians.test') AS demo_guardian_changes,
      (SELECT count(DISTINCT belt)::int FROM "BeltAward") AS belts,
      (SELECT count(*)::int FROM "FastTrack") AS fast_tracks,
      (SELECT count(*)::int FROM "FastTrack" WHERE "spotCheckOutcome" = 'PASSED') AS spot_passed,
      (SELECT count(*)::int FROM "FastTrack" WHERE "spotCheckOutcome" = 'FAILED') AS spot_failed,
      (SELECT count(*)::int FROM "FastTrackSuspension") AS suspensions`);
    for (const [what, n] of Object.entries(counts)) expect(n, what).toBeGreaterThan(0);
    // Ratings are dated by the work they rate, not all on the day the demo was loaded.
    expect(counts.rating_days).toBeGreaterThan(50);
    expect(counts.belts).toBeGreaterThanOrEqual(3);
  });

  it("awards each belt on a day its rule was met, with that day's figures as evidence", async () => {
    const awards = await q<{ userId: number; belt: BeltName; awardedOn: Date; evidence: unknown }>(
      `SELECT "userId", belt::text, "awardedOn"::timestamp AT TIME ZONE 'UTC' AS "awardedOn", evidence FROM "BeltAward" WHERE "revokedAt" IS NULL`,
    );
    const ids = [...new Set(awards.map((a) => a.userId))];
    const rows = async <T extends { userId: number; day: Date }>(sql: string) => {
      const map = new Map<number, T[]>();
      for (const r of await q<T>(sql.replace("$ids", `ARRAY[${ids.join(",")}]::int[]`))) {
        const list = map.get(r.userId) ?? [];
        list.push(r);
        map.set(r.userId, list);
      }
      return (userId: number, on: Date) =>
        (map.get(userId) ?? []).filter((r) => dayNumber(r.day) <= dayNumber(on));
    };
    const courses = await rows<{ userId: number; day: Date; key: string }>(
      `SELECT c."userId", c."completedOn"::timestamp AT TIME ZONE 'UTC' AS day, k.key FROM "CourseCompletion" c JOIN "Course" k ON k.id = c."courseId" WHERE c."userId" = ANY($ids)`,
    );
    const required = (
      await q<{ key: string }>(`SELECT key FROM "Course" WHERE required AND active`)
    ).map((c) => c.key);
    const reviews = await rows(
      `SELECT p."userId", date_trunc('day', r."completedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day FROM "ReviewParticipant" p JOIN "Review" r ON r.id = p."reviewId" WHERE r."completedAt" IS NOT NULL AND p."userId" = ANY($ids)`,
    );
    const models = await rows(
      `SELECT a."userId", tm."approvedOn"::timestamp AT TIME ZONE 'UTC' AS day FROM "ThreatModelAuthor" a JOIN "ThreatModel" tm ON tm.id = a."threatModelId" WHERE tm.status = 'APPROVED' AND a."userId" = ANY($ids)`,
    );
    const hours = await rows<{ userId: number; day: Date; qh: number }>(
      `SELECT "userId", date::timestamp AT TIME ZONE 'UTC' AS day, sum("quarterHours")::int AS qh FROM "ActivityEntry" WHERE "deletedAt" IS NULL AND "userId" = ANY($ids) GROUP BY "userId", date`,
    );
    const ratings = await rows<{ userId: number; day: Date; rating: number }>(
      `SELECT "guardianId" AS "userId", date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day, rating FROM "Feedback" WHERE "guardianId" = ANY($ids)`,
    );
    const mentees = await rows(
      `SELECT "mentorId" AS "userId", "startedOn"::timestamp AT TIME ZONE 'UTC' AS day FROM "Mentorship" WHERE "mentorId" = ANY($ids)`,
    );
    const problems: string[] = [];
    for (const a of awards) {
      const on = a.awardedOn;
      const held = awards.filter(
        (o) => o.userId === a.userId && BELT.rank(o.belt) < BELT.rank(a.belt),
      );
      if (held.some((o) => o.awardedOn > on))
        problems.push(`${a.userId} ${a.belt}: awarded before the belt below it`);
      const facts: BeltFacts = {
        completedCourses: new Set(courses(a.userId, on).map((c) => c.key)),
        requiredCourses: required,
        reviews: reviews(a.userId, on).length,
        threatModels: models(a.userId, on).length,
        hours: hours(a.userId, on).map((h) => ({ date: h.day, quarterHours: h.qh })),
        ratings: ratings(a.userId, on).map((r) => r.rating),
        mentees: mentees(a.userId, on).length,
        heldBelts: new Set(held.map((o) => o.belt)),
      };
      const result = nextBelt(DEFAULT_BELT_RULES, facts, on);
      if (result?.belt !== a.belt || !result.met) {
        problems.push(`${a.userId} ${a.belt} on ${isoDay(on)}: rule not met`);
        continue;
      }
      const evidence = a.evidence as { rule: unknown; evaluatedOn: string };
      if (evidence.evaluatedOn !== isoDay(on))
        problems.push(`${a.userId} ${a.belt}: evidence from ${evidence.evaluatedOn}`);
      expect(evidence.rule, `${a.userId} ${a.belt}`).toEqual(
        result.conditions.map((c) => ({
          label: c.label,
          current: c.current,
          required: c.required,
        })),
      );
    }
    expect(problems).toEqual([]);
  });

  it("has last quarter's newsletter published for the demo managers' organisations, and tells them", async () => {
    const quarter = quarterKey(addQuarters(quarterOf(TODAY), -1));
    const rows = await q<{ email: string; status: string; content: boolean; notified: number }>(
      `SELECT u.email, n.status::text, n.content IS NOT NULL AS content,
         (SELECT count(*)::int FROM "Notification" x WHERE x."userId" = u.id
           AND x.kind = 'NEWSLETTER_PUBLISHED' AND x.link = '/newsletters/' || n.id) AS notified
         FROM "Org" o JOIN "User" u ON u.id = o."leaderId"
         LEFT JOIN "Newsletter" n ON n."orgId" = o.id AND n.quarter = '${quarter}'
        WHERE u.email IN ('${DEMO_ACCOUNTS.manager.email}', '${DEMO_ACCOUNTS.leader2.email}')
        ORDER BY u.email`,
    );
    expect(rows).toEqual(
      [DEMO_ACCOUNTS.leader2.email, DEMO_ACCOUNTS.manager.email].map((email) => ({
        email,
        status: "PUBLISHED",
        content: true,
        notified: 1,
      })),
    );
  });

  it("is the same data for the same seed and day", () => {
    const a = generateDataset({ seed: 42, scale: "small", today: TODAY });
    const b = generateDataset({ seed: 42, scale: "small", today: TODAY });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    console.log(`demo load: ${timings.join("; ")}`);
  });
});
