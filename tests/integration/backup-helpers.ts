// For backup-restore.test.ts: records the demo data lacks (so every program.json section has
// something to carry), and every dashboard figure of a database with ids replaced by keys.
import { readFileSync } from "node:fs";
import { loadActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { headlines } from "@/lib/metrics/headlines";
import { buildSeries, FAMILIES } from "@/lib/metrics/series";
import { addQuarters, parseQuarterKey, quarterKey, quarterOf } from "@/lib/period";
import { activeGuardianIds, loadBeltFacts } from "@/lib/server/belts/facts";
import { qualifyingAwards } from "@/lib/server/belts/service";
import { clearMetricsCache } from "@/lib/server/metrics/cache";
import { loadDashboard } from "@/lib/server/metrics/dashboard";
import { teamOutliers } from "@/lib/server/metrics/overview-outliers";
import { riskBudgets } from "@/lib/server/metrics/quarter";
import { newsletterFacts } from "@/lib/server/newsletters/facts";
import {
  generateDraft,
  newsletterContent,
  publish,
  updateDraft,
} from "@/lib/server/newsletters/service";
import { goalsWithProgress } from "@/lib/server/program/goals";
import { importFindingsFile } from "@/lib/server/reviews/findings-import";
import { importThreatModelFile } from "@/lib/server/threat-models/file-import";
import { threatModelImportSchema } from "@/lib/validations/tool-import";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const LAST_QUARTER = quarterKey(addQuarters(quarterOf(new Date()), -1));

export const SARIF = "sarif-2.1.0-codeql.sarif.json";
export const THREAT_DRAGON = "threat-dragon-v2-demo.json";
const toolFile = (name: string) => ({
  name,
  content: new Uint8Array(readFileSync(`tests/fixtures/tools/${name}`)),
});

/** What the tool imports wrote (see addToolImports), by natural keys. */
export type ToolImports = { review: string; team: string };

/**
 * Records the tool imports write: a SARIF file's findings on a review, a Threat Dragon model
 * (with its threats' descriptions), and that review's Jira issue with a delivery and comments.
 */
async function addToolImports(): Promise<ToolImports> {
  const lead = (await loadActor(
    (await db.user.findUniqueOrThrow({ where: { email: "lead@guardians.test" } })).id,
  ))!;
  const review = await db.review.findFirstOrThrow({ orderBy: { key: "asc" } });
  const team = await db.team.findFirstOrThrow({ orderBy: { key: "asc" } });
  const findings = await importFindingsFile(lead, review.id, "commit", toolFile(SARIF));
  const model = await importThreatModelFile(
    lead,
    threatModelImportSchema.parse({ team: team.name, mode: "commit" }),
    toolFile(THREAT_DRAGON),
  );
  if (findings.created === 0 || !model.committed) throw new Error("The tool imports wrote nothing");
  await db.jiraIssueLink.create({
    data: {
      reviewId: review.id,
      issueKey: "SEC-42",
      issueUrl: "https://jira.example.test/browse/SEC-42",
      createdAt: new Date("2026-03-02T09:00:00Z"),
      comments: {
        create: [
          {
            eventKey: "requested",
            body: "Review requested.",
            status: "SENT",
            attempts: 1,
            createdAt: new Date("2026-03-02T09:00:00Z"),
            sentAt: new Date("2026-03-02T09:00:05Z"),
          },
          {
            eventKey: "started",
            body: "Review started.",
            status: "FAILED",
            attempts: 3,
            lastError: "Jira answered 503",
            createdAt: new Date("2026-03-03T10:00:00Z"),
          },
        ],
      },
    },
  });
  await db.jiraDelivery.createMany({
    data: [
      {
        deliveryId: "1700000000001",
        receivedAt: new Date("2026-03-02T09:00:00Z"),
        reviewId: review.id,
      },
      // An ignored event (not an issue being created): no review.
      { deliveryId: "1700000000002", receivedAt: new Date("2026-03-02T09:01:00.5Z") },
    ],
  });
  return { review: review.key, team: team.name };
}

/** Previews importing the same tool files again (on the database `db` points at). */
export async function reimportPreview(imports: ToolImports) {
  const lead = (await loadActor(
    (await db.user.findUniqueOrThrow({ where: { email: "lead@guardians.test" } })).id,
  ))!;
  const review = await db.review.findUniqueOrThrow({ where: { key: imports.review } });
  const findings = await importFindingsFile(lead, review.id, "preview", toolFile(SARIF));
  const model = await importThreatModelFile(
    lead,
    threatModelImportSchema.parse({ team: imports.team, mode: "preview" }),
    toolFile(THREAT_DRAGON),
  );
  return {
    findings: findings.findings.map((f) => f.action),
    model: model.target.action,
    threats: model.threats.map((t) => t.action),
  };
}

export async function addExtras(): Promise<ToolImports> {
  const lead = (await loadActor(
    (await db.user.findUniqueOrThrow({ where: { email: "lead@guardians.test" } })).id,
  ))!;
  const [org] = await db.org.findMany({
    where: { leaderId: { not: null } },
    orderBy: { key: "asc" },
    take: 1,
  });
  await db.org.update({
    where: { id: org.id },
    data: { newsletterRecipients: ["Ops.Team@example.test", "cto@example.test"] },
  });
  const builder = await db.user.findFirstOrThrow({
    where: { roles: { has: "BUILDER" }, passwordHash: null },
    orderBy: { email: "asc" },
  });
  await db.user.update({
    where: { id: builder.id },
    data: { deactivatedAt: new Date("2026-01-02T03:04:05.678Z") },
  });
  // Someone hidden from the recognition wall (docs/decisions/0019).
  const hidden = await db.user.findFirstOrThrow({
    where: { roles: { has: "GUARDIAN" } },
    orderBy: { email: "asc" },
  });
  await db.user.update({ where: { id: hidden.id }, data: { hideFromRecognition: true } });
  // A guardian who left a team and came back: two memberships of one person and team.
  const m = await db.guardianMembership.findFirstOrThrow({
    where: { status: "ACTIVE", activeOn: { lt: day("2025-06-01") } },
    orderBy: { id: "asc" },
  });
  await db.guardianMembership.update({
    where: { id: m.id },
    data: { status: "ALUMNI", leftOn: day("2025-07-01") },
  });
  await db.guardianStatusChange.create({
    data: {
      membershipId: m.id,
      fromStatus: "ACTIVE",
      toStatus: "ALUMNI",
      changedById: lead.id,
      note: "Parental leave",
      at: new Date("2025-07-01T09:00:00Z"),
    },
  });
  await db.guardianMembership.create({
    data: {
      userId: m.userId,
      teamId: m.teamId,
      status: "ACTIVE",
      reason: "Back from leave",
      nominatedById: lead.id,
      approvedById: lead.id,
      nominatedOn: day("2025-09-01"),
      activeOn: day("2025-09-15"),
      history: {
        create: [
          { toStatus: "NOMINATED", changedById: lead.id, at: new Date("2025-09-01T10:00:00Z") },
          {
            fromStatus: "NOMINATED",
            toStatus: "ACTIVE",
            changedById: lead.id,
            at: new Date("2025-09-15T10:00:00Z"),
          },
        ],
      },
    },
  });
  // Activity entries: two identical ones of which one is linked to a threat model, and a deleted one.
  const tm = await db.threatModel.findFirstOrThrow({
    where: { status: "APPROVED" },
    orderBy: { key: "asc" },
    include: { authors: true },
  });
  const author = tm.authors[0].userId;
  const entry = {
    userId: author,
    date: day("2026-02-03"),
    quarterHours: 6,
    type: "THREAT_MODEL" as const,
    note: "STRIDE session",
  };
  await db.activityEntry.createMany({
    data: [
      { ...entry, threatModelId: tm.id },
      { ...entry },
      { ...entry, quarterHours: 8, deletedAt: new Date() },
    ],
  });
  await db.threatModelComment.createMany({
    data: [
      {
        threatModelId: tm.id,
        authorId: lead.id,
        body: "Please add the admin API.",
        createdAt: new Date("2026-02-01T10:00:00Z"),
      },
      {
        threatModelId: tm.id,
        authorId: author,
        body: "Added, thanks.",
        createdAt: new Date("2026-02-02T10:00:00Z"),
      },
    ],
  });
  // A revoked belt handed out again later, an ended mentorship, an edited rule, a retired course
  // and runbook item.
  const award = await db.beltAward.findFirstOrThrow({
    where: { belt: "YELLOW" },
    orderBy: { id: "asc" },
  });
  await db.beltAward.update({
    where: { id: award.id },
    data: {
      revokedAt: new Date("2026-03-01T12:00:00Z"),
      revokedById: lead.id,
      revokeReason: "Recorded by mistake",
    },
  });
  await db.beltAward.create({
    data: {
      userId: award.userId,
      belt: "YELLOW",
      awardedOn: day("2026-04-01"),
      evidence: {
        rule: [{ label: "Reviews", current: 3, required: 2 }],
        evaluatedOn: "2026-04-01",
      },
    },
  });
  // Ended 20 days after it started (the database refuses an end before the start).
  const mentorship = await db.mentorship.findFirstOrThrow({ orderBy: { id: "asc" } });
  await db.mentorship.update({
    where: { id: mentorship.id },
    data: { endedOn: new Date(mentorship.startedOn.getTime() + 20 * 86_400_000) },
  });
  await db.beltRule.update({
    where: { belt: "YELLOW" },
    data: {
      conditions: [{ type: "previous-belt" }, { type: "reviews", min: 3 }],
      updatedById: lead.id,
    },
  });
  const optional = await db.course.findFirstOrThrow({
    where: { required: false },
    orderBy: { key: "asc" },
  });
  await db.course.update({
    where: { id: optional.id },
    data: { active: false, link: "https://learn.example.test/x", description: "Retired in 2026" },
  });
  await db.runbookItem.updateMany({ where: { position: 0 }, data: { active: false } });
  const completion = await db.courseCompletion.findFirstOrThrow({ orderBy: { id: "asc" } });
  await db.courseCompletion.update({
    where: { id: completion.id },
    data: { evidenceUrl: "https://certs.example.test/1", recordedById: lead.id },
  });
  await db.team.updateMany({
    where: { key: (await db.team.findFirstOrThrow({ orderBy: { key: "asc" } })).key },
    data: { riskBudget: 7 },
  });
  await db.feedback.updateMany({
    where: { rating: 5 },
    data: { createdAt: new Date("2026-06-01T08:00:00Z") },
  });
  const participant = await db.reviewParticipant.findFirstOrThrow({
    orderBy: [{ reviewId: "asc" }, { userId: "asc" }],
  });
  await db.reviewParticipant.update({
    where: { reviewId_userId: { reviewId: participant.reviewId, userId: participant.userId } },
    data: { effortQuarterHours: 5 },
  });
  // Newsletters: one published (content frozen, a delivery sent) and one draft with edits.
  const published = await generateDraft(lead, org.id, LAST_QUARTER);
  await publish(lead, published.id);
  await db.newsletterDelivery.updateMany({
    where: { newsletterId: published.id, email: "cto@example.test" },
    data: {
      status: "SENT",
      attempts: 1,
      sentAt: new Date("2026-10-02T08:00:00Z"),
      messageId: "<1@example.test>",
    },
  });
  const other = await db.org.findFirstOrThrow({
    where: { leaderId: { not: null }, id: { not: org.id } },
    orderBy: { key: "asc" },
  });
  await updateDraft(lead, (await generateDraft(lead, other.id, LAST_QUARTER)).id, {
    intro: "Welcome to the quarter.",
    highlights: null,
  });
  return addToolImports();
}

/** Numbers as a person reads them: floating sums in another row order may differ in the last bit. */
function canon(v: unknown): unknown {
  if (typeof v === "number") return Number(v.toPrecision(12));
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Set) return [...v].map(canon).sort();
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canon(x)]));
  return v;
}

// For lists whose order among equal rows the database does not fix.
const sortedJson = <T>(rows: T[]) =>
  [...rows].sort((a, b) => JSON.stringify(canon(a)).localeCompare(JSON.stringify(canon(b))));

/**
 * Every dashboard view (overview and each detail family) for the program, each org and a few teams,
 * plus goals, belts and newsletters, by natural keys.
 */
export async function dashboardSnapshot() {
  clearMetricsCache();
  const orgs = await db.org.findMany({
    orderBy: { key: "asc" },
    select: { id: true, key: true, leaderId: true },
  });
  const teams = await db.team.findMany({
    orderBy: { key: "asc" },
    select: { id: true, key: true },
  });
  const users = await db.user.findMany({ select: { id: true, email: true } });
  const orgKey = new Map(orgs.map((o) => [o.id, o.key]));
  const teamKey = new Map(teams.map((t) => [t.id, t.key]));
  const email = new Map(users.map((u) => [u.id, u.email]));
  const lead = (await loadActor(users.find((u) => u.email === "lead@guardians.test")!.id))!;
  const filters: { org?: number; team?: number }[] = [
    {},
    ...orgs.map((o) => ({ org: o.id })),
    ...teams.slice(0, 4).map((t) => ({ team: t.id })),
  ];
  const views = [];
  for (const filter of filters) {
    const d = await loadDashboard(lead, filter);
    const latest = parseQuarterKey(d.quarters.at(-1)!)!;
    const [risks, outliers] = await Promise.all([
      riskBudgets(d.scope, latest),
      teamOutliers(d.scope, latest),
    ]);
    const byTeam = <T extends { item: { id: number } }>(rows: T[]) =>
      rows.map(({ item, ...r }) => ({ ...r, team: teamKey.get(item.id) }));
    views.push({
      filter: {
        org: filter.org ? orgKey.get(filter.org) : null,
        team: filter.team ? teamKey.get(filter.team) : null,
      },
      label: d.label,
      quarters: d.quarters,
      orgs: d.scope.orgIds?.map((id) => orgKey.get(id)).sort() ?? null,
      metrics: d.metrics,
      headlines: headlines(d.metrics),
      families: FAMILIES.map((f) => ({ family: f.id, series: buildSeries(f, d.metrics) })),
      risks: risks
        .map(({ teamId, ...r }) => ({ ...r, team: teamKey.get(teamId) }))
        .sort((a, b) => b.usedPct - a.usedPct || a.team!.localeCompare(b.team!)),
      outliers: {
        cycleTime: byTeam(outliers.cycleTime.rows),
        findings: byTeam(outliers.findings.rows),
      },
    });
  }
  const newsletters = [];
  for (const o of orgs.filter((x) => x.leaderId)) {
    const f = await newsletterFacts(o.id, parseQuarterKey(LAST_QUARTER)!);
    newsletters.push({
      org: o.key,
      facts: { ...f, guardians: sortedJson(f.guardians), awards: sortedJson(f.awards) },
    });
  }
  for (const n of await db.newsletter.findMany({ include: { org: true } }))
    newsletters.push({
      org: n.org.key,
      quarter: n.quarter,
      status: n.status,
      content: await newsletterContent(n),
    });
  newsletters.sort((a, b) =>
    JSON.stringify([a.org, "quarter" in a]).localeCompare(JSON.stringify([b.org, "quarter" in b])),
  );
  const guardians = await activeGuardianIds();
  const facts = await loadBeltFacts(guardians);
  const belts = {
    facts: sortedJson(
      [...facts.entries()].map(([id, f]) => ({
        ...f,
        email: email.get(id),
        requiredCourses: [...f.requiredCourses].sort(),
        ratings: [...f.ratings].sort(),
        hours: sortedJson(f.hours),
        reviewDates: sortedJson(f.reviewDates ?? []),
        // Award periods without the database's ids (a restore numbers rows afresh).
        periods: sortedJson(f.periods.map((p) => ({ ...p, id: null, userId: null }))),
      })),
    ),
    qualifying: sortedJson(
      (await qualifyingAwards(guardians)).map(({ userId, ...a }) => ({
        ...a,
        email: email.get(userId),
      })),
    ),
  };
  const goals = (await goalsWithProgress()).map((g) => ({ ...g, id: null }));
  return canon({ views, newsletters, belts, goals });
}
