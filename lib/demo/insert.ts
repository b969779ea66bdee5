import { hash } from "@node-rs/argon2";
import type pg from "pg";
import { jobClient } from "@/lib/db/connections";
import { bulkInsert, col, syncSequence } from "./bulk";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { DEMO_GROUP_ROLES } from "./sso";
import { generateDataset } from "./generate";
import { writeFastTracks } from "./fast-track";
import { writeSurveys } from "./surveys";
import { writeEvents } from "./events";
import { startDemoNewsletters } from "./newsletters";
import type { Dataset, Scale } from "./types";
import { isoDay } from "@/lib/period";

export async function isDatabaseEmpty(url: string): Promise<boolean> {
  const client = jobClient(url);
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT NOT EXISTS (SELECT 1 FROM "User") AS empty`);
    return rows[0].empty;
  } finally {
    await client.end();
  }
}

// The dashboards' data versions stay: they only ever grow, so figures cached before the reset
// are never taken for current (the truncation bumps every table's version).
async function truncateAll(client: pg.ClientBase) {
  const { rows } = await client.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'MetricsVersion')`,
  );
  await client.query(`ALTER TABLE "AuditLog" DISABLE TRIGGER USER`);
  await client.query(`TRUNCATE ${rows.map((r) => r.name).join(", ")} RESTART IDENTITY CASCADE`);
  await client.query(`ALTER TABLE "AuditLog" ENABLE TRIGGER USER`);
}

/** Generates and writes the demo data in one transaction; `reset` empties the app's tables first. */
export async function seedDatabase(
  url: string,
  opts: {
    seed: number;
    scale: Scale;
    today: Date;
    reset?: boolean;
    /** Also publish last quarter's newsletters for the demo managers (lib/demo/newsletters.ts). */
    newsletters?: boolean;
    log?: (line: string) => void;
  },
): Promise<Record<string, number>> {
  const log = opts.log ?? (() => {});
  // Started first: it loads the app's modules while the data is generated and written.
  const newsletters = opts.newsletters ? startDemoNewsletters(url, opts.today) : null;
  try {
    const counts = await writeDemo(url, opts, log);
    if (newsletters) {
      const t = Date.now();
      await newsletters.publish();
      log(`newsletters published ${((Date.now() - t) / 1000).toFixed(1)} s after the data`);
    }
    return counts;
  } finally {
    newsletters?.cancel();
  }
}

async function writeDemo(
  url: string,
  opts: { seed: number; scale: Scale; today: Date; reset?: boolean },
  log: (line: string) => void,
): Promise<Record<string, number>> {
  let t = Date.now();
  const data = generateDataset(opts);
  log(`generated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const passwordHash = await hash(DEMO_PASSWORD);
  const client = jobClient(url);
  await client.connect();
  t = Date.now();
  try {
    await client.query("BEGIN");
    if (opts.reset) await truncateAll(client);
    const counts = await writeDataset(client, data, passwordHash);
    await writeSurveys(client, data, opts.today);
    await writeFastTracks(client, opts.today);
    await writeEvents(client, data, opts.today);
    await client.query("COMMIT");
    log(`written in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function writeDataset(
  c: pg.ClientBase,
  d: Dataset,
  passwordHash: string,
): Promise<Record<string, number>> {
  await c.query(
    `INSERT INTO "Program" (id, name, vision, mission, "updatedAt") VALUES (1, $1, $2, $3, now())`,
    [d.program.name, d.program.vision, d.program.mission],
  );
  await bulkInsert(
    c,
    "Goal",
    [
      col<Dataset["goals"][number]>("title", "text", (g) => g.title),
      col<Dataset["goals"][number]>("metric", '"GoalMetric"', (g) => g.metric),
      col<Dataset["goals"][number]>("target", "numeric", (g) => g.target),
      col<Dataset["goals"][number]>("period", "text", (g) => g.period),
      col<Dataset["goals"][number]>("higherIsBetter", "boolean", (g) => g.higherIsBetter),
    ],
    d.goals,
  );
  await bulkInsert(
    c,
    "Org",
    [
      col<Dataset["orgs"][number]>("id", "int", (o) => o.id),
      col<Dataset["orgs"][number]>("key", "text", (o) => o.key),
      col<Dataset["orgs"][number]>("name", "text", (o) => o.name),
      col<Dataset["orgs"][number]>("parentId", "int", (o) => o.parentId),
    ],
    d.orgs,
  );
  await bulkInsert(
    c,
    "Team",
    [
      col<Dataset["teams"][number]>("id", "int", (t) => t.id),
      col<Dataset["teams"][number]>("key", "text", (t) => t.key),
      col<Dataset["teams"][number]>("name", "text", (t) => t.name),
      col<Dataset["teams"][number]>("orgId", "int", (t) => t.orgId),
      col<Dataset["teams"][number]>("profile", '"TeamProfile"', (t) => t.profile),
      col<Dataset["teams"][number]>("pilot", "boolean", (t) => t.pilot),
      col<Dataset["teams"][number]>("joinedOn", "date", (t) => t.joinedOn),
      col<Dataset["teams"][number]>("riskBudget", "int", (t) => t.riskBudget),
    ],
    d.teams,
  );
  await bulkInsert(
    c,
    "User",
    [
      col<Dataset["users"][number]>("id", "int", (u) => u.id),
      col<Dataset["users"][number]>("email", "text", (u) => u.email),
      col<Dataset["users"][number]>("name", "text", (u) => u.name),
      col<Dataset["users"][number]>("roles", '"Role"[]', (u) => `{${u.roles.join(",")}}`),
      col<Dataset["users"][number]>("orgId", "int", (u) => u.orgId),
      col<Dataset["users"][number]>("teamId", "int", (u) => u.teamId),
      col<Dataset["users"][number]>("passwordHash", "text", (u) =>
        u.passwordHash ? passwordHash : null,
      ),
    ],
    d.users,
  );
  for (const o of d.orgs)
    if (o.leaderId)
      await c.query(`UPDATE "Org" SET "leaderId" = $1 WHERE id = $2`, [o.leaderId, o.id]);
  // Groups to roles for single sign-on, made by the demo admin (lib/demo/sso.ts); skipped on a
  // database from before single sign-on (tests seed older schemas).
  const { rows: sso } = await c.query(`SELECT to_regclass('"GroupRoleMapping"') IS NOT NULL AS ok`);
  if (sso[0]?.ok)
    await c.query(
      `INSERT INTO "GroupRoleMapping" ("group", role, "createdById")
     SELECT m."group", m.role::"Role", u.id FROM unnest($1::text[], $2::text[]) AS m("group", role)
     JOIN "User" u ON u.email = $3`,
      [
        DEMO_GROUP_ROLES.map((m) => m.group),
        DEMO_GROUP_ROLES.map((m) => m.role),
        DEMO_ACCOUNTS.admin.email,
      ],
    );
  await bulkInsert(
    c,
    "GuardianMembership",
    [
      col<Dataset["memberships"][number]>("id", "int", (m) => m.id),
      col<Dataset["memberships"][number]>("userId", "int", (m) => m.userId),
      col<Dataset["memberships"][number]>("teamId", "int", (m) => m.teamId),
      col<Dataset["memberships"][number]>("status", '"GuardianStatus"', (m) => m.status),
      col<Dataset["memberships"][number]>("reason", "text", (m) => m.reason),
      col<Dataset["memberships"][number]>("nominatedById", "int", (m) => m.nominatedById),
      col<Dataset["memberships"][number]>("approvedById", "int", (m) => m.approvedById),
      col<Dataset["memberships"][number]>("nominatedOn", "date", (m) => m.nominatedOn),
      col<Dataset["memberships"][number]>("activeOn", "date", (m) => m.activeOn),
      col<Dataset["memberships"][number]>("leftOn", "date", (m) => m.leftOn),
      col<Dataset["memberships"][number]>("declinedOn", "date", (m) => m.declinedOn),
    ],
    d.memberships,
  );
  await bulkInsert(
    c,
    "GuardianStatusChange",
    [
      col<Dataset["statusChanges"][number]>("membershipId", "int", (s) => s.membershipId),
      col<Dataset["statusChanges"][number]>("fromStatus", '"GuardianStatus"', (s) => s.fromStatus),
      col<Dataset["statusChanges"][number]>("toStatus", '"GuardianStatus"', (s) => s.toStatus),
      col<Dataset["statusChanges"][number]>("changedById", "int", (s) => s.changedById),
      col<Dataset["statusChanges"][number]>("at", "timestamptz", (s) => s.at),
    ],
    d.statusChanges,
  );
  // A migration puts the default runbook into every new database: keep the items already there.
  await c.query(
    `INSERT INTO "RunbookItem" (label, position) SELECT u.label, u.position - 1 FROM unnest($1::text[]) WITH ORDINALITY AS u(label, position) ON CONFLICT (label) DO NOTHING`,
    [d.runbook],
  );
  await bulkInsert(
    c,
    "Review",
    [
      col<Dataset["reviews"][number]>("id", "int", (r) => r.id),
      col<Dataset["reviews"][number]>("key", "text", (r) => r.key),
      col<Dataset["reviews"][number]>("teamId", "int", (r) => r.teamId),
      col<Dataset["reviews"][number]>("service", "text", (r) => r.service),
      col<Dataset["reviews"][number]>("requestedAt", "timestamptz", (r) => r.requestedAt),
      col<Dataset["reviews"][number]>("startedAt", "timestamptz", (r) => r.startedAt),
      col<Dataset["reviews"][number]>("completedAt", "timestamptz", (r) => r.completedAt),
      col<Dataset["reviews"][number]>("securityEngineerId", "int", (r) => r.securityEngineerId),
      col<Dataset["reviews"][number]>("effortQuarterHours", "int", (r) => r.effortQuarterHours),
      col<Dataset["reviews"][number]>("outcome", '"ReviewOutcome"', (r) => r.outcome),
    ],
    d.reviews,
  );
  await bulkInsert(
    c,
    "ReviewParticipant",
    [
      col<Dataset["participants"][number]>("reviewId", "int", (p) => p.reviewId),
      col<Dataset["participants"][number]>("userId", "int", (p) => p.userId),
      col<Dataset["participants"][number]>(
        "effortQuarterHours",
        "int",
        (p) => p.effortQuarterHours,
      ),
    ],
    d.participants,
  );
  await bulkInsert(
    c,
    "ReviewChecklistItem",
    [
      col<Dataset["checklist"][number]>("reviewId", "int", (i) => i.reviewId),
      col<Dataset["checklist"][number]>("label", "text", (i) => i.label),
      col<Dataset["checklist"][number]>("position", "int", (i) => i.position),
      col<Dataset["checklist"][number]>("done", "boolean", (i) => i.done),
    ],
    d.checklist,
  );
  await bulkInsert(
    c,
    "Finding",
    [
      col<Dataset["findings"][number]>("id", "int", (f) => f.id),
      col<Dataset["findings"][number]>("key", "text", (f) => f.key),
      col<Dataset["findings"][number]>("reviewId", "int", (f) => f.reviewId),
      col<Dataset["findings"][number]>("teamId", "int", (f) => f.teamId),
      col<Dataset["findings"][number]>("title", "text", (f) => f.title),
      col<Dataset["findings"][number]>("severity", '"Severity"', (f) => f.severity),
      col<Dataset["findings"][number]>("status", '"FindingStatus"', (f) => f.status),
      col<Dataset["findings"][number]>("openedOn", "date", (f) => f.openedOn),
      col<Dataset["findings"][number]>("closedOn", "date", (f) => f.closedOn),
    ],
    d.findings,
  );
  await bulkInsert(
    c,
    "Release",
    [
      col<Dataset["releases"][number]>("id", "int", (r) => r.id),
      col<Dataset["releases"][number]>("key", "text", (r) => r.key),
      col<Dataset["releases"][number]>("teamId", "int", (r) => r.teamId),
      col<Dataset["releases"][number]>("name", "text", (r) => r.name),
      col<Dataset["releases"][number]>("startedOn", "date", (r) => r.startedOn),
      col<Dataset["releases"][number]>("releasedOn", "date", (r) => r.releasedOn),
      col<Dataset["releases"][number]>("reviewId", "int", (r) => r.reviewId),
    ],
    d.releases,
  );
  await bulkInsert(
    c,
    "ThreatModel",
    [
      col<Dataset["threatModels"][number]>("id", "int", (m) => m.id),
      col<Dataset["threatModels"][number]>("key", "text", (m) => m.key),
      col<Dataset["threatModels"][number]>("teamId", "int", (m) => m.teamId),
      col<Dataset["threatModels"][number]>("system", "text", (m) => m.system),
      col<Dataset["threatModels"][number]>("status", '"ThreatModelStatus"', (m) => m.status),
      col<Dataset["threatModels"][number]>("createdOn", "date", (m) => m.createdOn),
      col<Dataset["threatModels"][number]>("approvedOn", "date", (m) => m.approvedOn),
    ],
    d.threatModels,
  );
  await bulkInsert(
    c,
    "ThreatModelAuthor",
    [
      col<Dataset["authors"][number]>("threatModelId", "int", (a) => a.threatModelId),
      col<Dataset["authors"][number]>("userId", "int", (a) => a.userId),
    ],
    d.authors,
  );
  await bulkInsert(
    c,
    "Threat",
    [
      col<Dataset["threats"][number]>("id", "int", (t) => t.id),
      col<Dataset["threats"][number]>("key", "text", (t) => t.key),
      col<Dataset["threats"][number]>("threatModelId", "int", (t) => t.threatModelId),
      col<Dataset["threats"][number]>("title", "text", (t) => t.title),
      col<Dataset["threats"][number]>("category", '"StrideCategory"', (t) => t.category),
      col<Dataset["threats"][number]>("severity", '"Severity"', (t) => t.severity),
      col<Dataset["threats"][number]>("mitigation", "text", (t) => t.mitigation),
      col<Dataset["threats"][number]>(
        "mitigationStatus",
        '"MitigationStatus"',
        (t) => t.mitigationStatus,
      ),
    ],
    d.threats,
  );
  const activity = [
    col<Dataset["activities"][number]>("id", "bigint", (a) => a.id),
    col<Dataset["activities"][number]>("userId", "int", (a) => a.userId),
    col<Dataset["activities"][number]>("date", "date", (a) => a.date),
    col<Dataset["activities"][number]>("quarterHours", "int", (a) => a.quarterHours),
    col<Dataset["activities"][number]>("type", '"ActivityType"', (a) => a.type),
    col<Dataset["activities"][number]>("reviewId", "int", (a) => a.reviewId),
    col<Dataset["activities"][number]>("note", "text", (a) => a.note),
  ];
  await bulkInsert(c, "ActivityEntry", activity, d.activities);
  await bulkInsert(
    c,
    "ActivityEntryVersion",
    [
      col<Dataset["activities"][number]>("entryId", "bigint", (a) => a.id),
      col<Dataset["activities"][number]>("version", "int", () => 1),
      ...activity.slice(2),
      col<Dataset["activities"][number]>("changedById", "int", (a) => a.userId),
    ],
    d.activities,
  );
  await bulkInsert(
    c,
    "Course",
    [
      col<Dataset["courses"][number]>("id", "int", (x) => x.id),
      col<Dataset["courses"][number]>("key", "text", (x) => x.key),
      col<Dataset["courses"][number]>("title", "text", (x) => x.title),
      col<Dataset["courses"][number]>("required", "boolean", (x) => x.required),
      col<Dataset["courses"][number]>("onboarding", "boolean", (x) => x.onboarding),
      col<Dataset["courses"][number]>("quarterHours", "int", (x) => x.quarterHours),
      col<Dataset["courses"][number]>("description", "text", (x) => x.description),
      col<Dataset["courses"][number]>("beltLevel", '"Belt"', (x) => x.beltLevel),
    ],
    d.courses,
  );
  await bulkInsert(
    c,
    "CourseCompletion",
    [
      col<Dataset["completions"][number]>("userId", "int", (x) => x.userId),
      col<Dataset["completions"][number]>("courseId", "int", (x) => x.courseId),
      col<Dataset["completions"][number]>("completedOn", "date", (x) => x.completedOn),
    ],
    d.completions,
  );
  await bulkInsert(
    c,
    "BeltRule",
    [
      col<Dataset["beltRules"][number]>("belt", '"Belt"', (r) => r.belt),
      col<Dataset["beltRules"][number]>("conditions", "jsonb", (r) => r.conditions),
    ],
    d.beltRules,
  );
  await bulkInsert(
    c,
    "BeltAward",
    [
      col<Dataset["beltAwards"][number]>("userId", "int", (a) => a.userId),
      col<Dataset["beltAwards"][number]>("belt", '"Belt"', (a) => a.belt),
      col<Dataset["beltAwards"][number]>("awardedOn", "date", (a) => a.awardedOn),
      col<Dataset["beltAwards"][number]>("evidence", "jsonb", (a) => a.evidence),
    ],
    d.beltAwards,
  );
  await bulkInsert(
    c,
    "Mentorship",
    [
      col<Dataset["mentorships"][number]>("mentorId", "int", (m) => m.mentorId),
      col<Dataset["mentorships"][number]>("menteeId", "int", (m) => m.menteeId),
      col<Dataset["mentorships"][number]>("startedOn", "date", (m) => m.startedOn),
    ],
    d.mentorships,
  );
  // Agreed time came later: a database migrated only up to before it (tests seed older schemas)
  // gets none.
  const { rows: agreed } = await c.query(`SELECT to_regclass('"TimeAgreement"') IS NOT NULL AS ok`);
  if (agreed[0].ok)
    await bulkInsert(
      c,
      "TimeAgreement",
      [
        col<Dataset["timeAgreements"][number]>("userId", "int", (a) => a.userId),
        col<Dataset["timeAgreements"][number]>("effectiveFrom", "date", (a) => a.effectiveFrom),
        col<Dataset["timeAgreements"][number]>("sharePercent", "int", (a) => a.sharePercent),
        col<Dataset["timeAgreements"][number]>(
          "monthlyQuarterHours",
          "int",
          (a) => a.monthlyQuarterHours,
        ),
        col<Dataset["timeAgreements"][number]>("note", "text", (a) => a.note),
        col<Dataset["timeAgreements"][number]>("recordedById", "int", (a) => a.recordedById),
        col<Dataset["timeAgreements"][number]>("createdAt", "timestamptz", (a) => a.createdAt),
      ],
      d.timeAgreements,
    );
  await bulkInsert(
    c,
    "Feedback",
    [
      col<Dataset["feedback"][number]>("reviewId", "int", (f) => f.reviewId),
      col<Dataset["feedback"][number]>("threatModelId", "int", (f) => f.threatModelId),
      col<Dataset["feedback"][number]>("guardianId", "int", (f) => f.guardianId),
      col<Dataset["feedback"][number]>("raterId", "int", (f) => f.raterId),
      col<Dataset["feedback"][number]>("rating", "int", (f) => f.rating),
      col<Dataset["feedback"][number]>("comment", "text", (f) => f.comment),
      col<Dataset["feedback"][number]>("createdAt", "timestamptz", (f) => f.createdAt),
    ],
    d.feedback,
  );
  await bulkInsert(
    c,
    "Recognition",
    [
      col<Dataset["recognitions"][number]>("recipientId", "int", (r) => r.recipientId),
      col<Dataset["recognitions"][number]>("giverId", "int", (r) => r.giverId),
      col<Dataset["recognitions"][number]>("kind", '"RecognitionKind"', (r) => r.kind),
      col<Dataset["recognitions"][number]>("title", "text", (r) => r.title),
      col<Dataset["recognitions"][number]>("reason", "text", (r) => r.reason),
      col<Dataset["recognitions"][number]>("createdAt", "timestamptz", (r) => r.createdAt),
    ],
    d.recognitions,
  );
  await writeSurvey(c, d);
  for (const table of [
    "Org",
    "Team",
    "User",
    "GuardianMembership",
    "Review",
    "Finding",
    "Release",
    "ThreatModel",
    "Threat",
    "ActivityEntry",
    "Course",
  ])
    await syncSequence(c, table);
  return {
    orgs: d.orgs.length,
    teams: d.teams.length,
    people: d.users.length,
    memberships: d.memberships.length,
    reviews: d.reviews.length,
    findings: d.findings.length,
    releases: d.releases.length,
    threatModels: d.threatModels.length,
    threats: d.threats.length,
    activities: d.activities.length,
    completions: d.completions.length,
    beltAwards: d.beltAwards.length,
    feedback: d.feedback.length,
  };
}

async function writeSurvey(c: pg.ClientBase, d: Dataset) {
  const s = d.survey;
  const { rows } = await c.query(
    `INSERT INTO "Survey" (title, "opensOn", "closesOn") VALUES ($1, $2, $3) RETURNING id`,
    [s.title, isoDay(s.opensOn), isoDay(s.closesOn)],
  );
  const surveyId = rows[0].id;
  const questions = new Map<number, number>();
  for (const q of s.questions) {
    const r = await c.query(
      `INSERT INTO "SurveyQuestion" ("surveyId", position, text, kind) VALUES ($1, $2, $3, $4) RETURNING id`,
      [surveyId, q.position, q.text, q.kind],
    );
    questions.set(q.position, r.rows[0].id);
  }
  for (const resp of d.surveyResponses) {
    const r = await c.query(
      `INSERT INTO "SurveyResponse" ("surveyId", "userId", "submittedAt") VALUES ($1, $2, $3) RETURNING id`,
      [surveyId, resp.userId, resp.submittedAt],
    );
    await bulkInsert(
      c,
      "SurveyAnswer",
      [
        col<(typeof resp.answers)[number]>("responseId", "int", () => r.rows[0].id),
        col<(typeof resp.answers)[number]>("questionId", "int", (a) => questions.get(a.position)),
        col<(typeof resp.answers)[number]>("rating", "int", (a) => a.rating),
        col<(typeof resp.answers)[number]>("text", "text", (a) => a.text),
      ],
      resp.answers,
    );
  }
}
