// One SELECT per program.json section, giving rows in the file's shape with people, orgs,
// teams, reviews and threat models named by natural key. Rows come in natural-key order and,
// for records sharing a key, in id order (their occurrence). Dates as text, instants as
// timestamps (formatted by the caller), nested lists as JSON.
import type { SectionName } from "@/lib/transfer/backup/schema";

/** A nested list as a JSON array (empty, not null, when there is nothing). */
const list = (where: string, from: string, order: string, fields: string) =>
  `COALESCE((SELECT json_agg(json_build_object(${fields}) ORDER BY ${order}) ${from} WHERE ${where}), '[]'::json)`;

const email = (alias: string, column: string) =>
  `(SELECT email FROM "User" WHERE id = ${alias}."${column}")`;

export const SECTION_SQL: Record<Exclude<SectionName, "activityLinks">, string> = {
  program: `SELECT name, vision, mission, "updatedAt" FROM "Program" WHERE id = 1`,
  goals: `SELECT title, metric::text AS metric, target::float8 AS target, period, "higherIsBetter" FROM "Goal" ORDER BY id`,
  runbook: `SELECT label, position, active FROM "RunbookItem" ORDER BY label`,
  orgs: `SELECT key, name, "newsletterRecipients" FROM "Org" ORDER BY key`,
  teams: `SELECT key, name, "riskBudget" FROM "Team" ORDER BY key`,
  people: `SELECT email, "deactivatedAt", "hideFromRecognition" FROM "User" ORDER BY email`,
  courses: `SELECT key, title, onboarding, description, link, "beltLevel"::text AS "beltLevel", active FROM "Course" ORDER BY key`,
  completions: `SELECT u.email, c.key AS course, x."evidenceUrl", ${email("x", "recordedById")} AS "recordedBy"
    FROM "CourseCompletion" x JOIN "User" u ON u.id = x."userId" JOIN "Course" c ON c.id = x."courseId" ORDER BY u.email, c.key`,
  memberships: `SELECT u.email, t.key AS team, m."nominatedOn"::text AS "nominatedOn", m.status::text AS status, m."activeOn"::text AS "activeOn",
      m."leftOn"::text AS "leftOn", m."declinedOn"::text AS "declinedOn", m.reason, ${email("m", "nominatedById")} AS "nominatedBy", ${email("m", "approvedById")} AS "approvedBy",
      ${list(`h."membershipId" = m.id`, `FROM "GuardianStatusChange" h`, `h.at, h.id`, `'from', h."fromStatus", 'to', h."toStatus", 'by', ${email("h", "changedById")}, 'note', h.note, 'at', h.at`)} AS history
    FROM "GuardianMembership" m JOIN "User" u ON u.id = m."userId" JOIN "Team" t ON t.id = m."teamId"
    ORDER BY u.email, t.key, m."nominatedOn", m.id`,
  reviews: `SELECT r.key, r.outcome::text AS outcome, ${email("r", "requestedById")} AS "requestedBy",
      ${list(`p."reviewId" = r.id`, `FROM "ReviewParticipant" p JOIN "User" u ON u.id = p."userId"`, `u.email`, `'email', u.email, 'effortHours', p."effortQuarterHours"::float8 / 4`)} AS participants,
      ${list(`i."reviewId" = r.id`, `FROM "ReviewChecklistItem" i`, `i.position, i.label`, `'label', i.label, 'position', i.position, 'done', i.done`)} AS checklist
    FROM "Review" r ORDER BY r.key`,
  findings: `SELECT key, title, "externalSource", "externalId" FROM "Finding" ORDER BY key`,
  threatModels: `SELECT key, "externalSource", "externalId" FROM "ThreatModel" ORDER BY key`,
  threats: `SELECT key, title, description, "externalId" FROM "Threat" ORDER BY key`,
  threatModelComments: `SELECT tm.key AS "threatModel",
      json_agg(json_build_object('author', u.email, 'body', c.body, 'at', c."createdAt") ORDER BY c."createdAt", c.id) AS comments
    FROM "ThreatModelComment" c JOIN "ThreatModel" tm ON tm.id = c."threatModelId" JOIN "User" u ON u.id = c."authorId"
    GROUP BY tm.key ORDER BY tm.key`,
  feedback: `SELECT r.key AS review, tm.key AS "threatModel", g.email AS guardian, f."createdAt" AS at
    FROM "Feedback" f LEFT JOIN "Review" r ON r.id = f."reviewId" LEFT JOIN "ThreatModel" tm ON tm.id = f."threatModelId" JOIN "User" g ON g.id = f."guardianId"
    ORDER BY r.key NULLS LAST, tm.key NULLS LAST, g.email`,
  jiraLinks: `SELECT r.key AS review, l."issueKey", l."issueUrl", l."createdAt",
      ${list(`c."reviewId" = l."reviewId"`, `FROM "JiraComment" c`, `c."eventKey"`, `'eventKey', c."eventKey", 'body', c.body, 'status', c.status, 'attempts', c.attempts, 'lastError', c."lastError", 'createdAt', c."createdAt", 'sentAt', c."sentAt"`)} AS comments
    FROM "JiraIssueLink" l JOIN "Review" r ON r.id = l."reviewId" ORDER BY r.key`,
  jiraDeliveries: `SELECT d."deliveryId", d."receivedAt", r.key AS review
    FROM "JiraDelivery" d LEFT JOIN "Review" r ON r.id = d."reviewId" ORDER BY d."deliveryId"`,
  surveys: `SELECT s.title, s."opensOn"::text AS "opensOn", s."closesOn"::text AS "closesOn",
      s.status::text AS status, (SELECT o.key FROM "Org" o WHERE o.id = s."orgId") AS org,
      ${list(`q."surveyId" = s.id`, `FROM "SurveyQuestion" q`, `q.position`, `'position', q.position, 'text', q.text, 'kind', q.kind, 'options', q.options`)} AS questions,
      ${list(
        `x."surveyId" = s.id`,
        `FROM "SurveyResponse" x JOIN "User" u ON u.id = x."userId"`,
        `u.email`,
        `'email', u.email, 'submittedAt', x."submittedAt", 'answers',
        ${list(`a."responseId" = x.id`, `FROM "SurveyAnswer" a JOIN "SurveyQuestion" q ON q.id = a."questionId"`, `q.position`, `'position', q.position, 'rating', a.rating, 'text', a.text`)}`,
      )} AS responses
    FROM "Survey" s ORDER BY s.title, s."opensOn", s.id`,
  events: `SELECT e.kind::text AS kind, e.title, e.description, e."startsAt", e."quarterHours"::float8 / 4 AS hours,
      e.capacity, (SELECT o.key FROM "Org" o WHERE o.id = e."orgId") AS org, e."cancelledAt",
      ${email("e", "createdById")} AS "createdBy", e."createdAt",
      ${list(`r."eventId" = e.id`, `FROM "EventRegistration" r JOIN "User" u ON u.id = r."userId"`, `u.email`, `'email', u.email, 'registeredAt', r."registeredAt", 'attended', r.attended, 'placing', r."placing"`)} AS registrations
    FROM "Event" e ORDER BY e.title, e."startsAt", e.id`,
  beltRules: `SELECT belt::text AS belt, conditions, "validityMonths", renewal, ${email("r", "updatedById")} AS "updatedBy", "updatedAt" FROM "BeltRule" r ORDER BY belt`,
  beltAwards: `SELECT u.email, a.belt::text AS belt, a."awardedOn"::text AS "awardedOn", a."expiresOn"::text AS "expiresOn", a.renewal, a.evidence, a."createdAt", a."revokedAt", ${email("a", "revokedById")} AS "revokedBy", a."revokeReason"
    FROM "BeltAward" a JOIN "User" u ON u.id = a."userId" ORDER BY u.email, a.belt, a."awardedOn", a.id`,
  fastTrackPolicies: `SELECT p."teamProfile"::text AS "teamProfile", t.key AS team, p."minBelt"::text AS "minBelt", p."spotCheckPercent",
      p.checklist, p.seed, p.enabled, p."updatedAt"
    FROM "FastTrackPolicy" p LEFT JOIN "Team" t ON t.id = p."teamId" ORDER BY p."teamProfile", t.key`,
  fastTracks: `SELECT r.key AS review, u.email AS guardian, p."teamProfile"::text AS "policyProfile", t.key AS "policyTeam",
      x."approvedAt", x.answers, x.seed, x."spotCheckPercent", x.sampled, x."spotCheckOutcome"::text AS "spotCheckOutcome",
      x."spotCheckedAt", ${email("x", "spotCheckedById")} AS "spotCheckedBy", x."spotCheckNote"
    FROM "FastTrack" x JOIN "Review" r ON r.id = x."reviewId" JOIN "User" u ON u.id = x."guardianId"
    JOIN "FastTrackPolicy" p ON p.id = x."policyId" LEFT JOIN "Team" t ON t.id = p."teamId" ORDER BY r.key`,
  fastTrackSuspensions: `SELECT u.email AS guardian, s."suspendedAt", ${email("s", "suspendedById")} AS "suspendedBy", s.reason,
      (SELECT r.key FROM "FastTrack" x JOIN "Review" r ON r.id = x."reviewId" WHERE x.id = s."fastTrackId") AS review,
      s."liftedAt", ${email("s", "liftedById")} AS "liftedBy"
    FROM "FastTrackSuspension" s JOIN "User" u ON u.id = s."guardianId" ORDER BY u.email, s."suspendedAt", s.id`,
  mentorships: `SELECT a.email AS mentor, b.email AS mentee, m."startedOn"::text AS "startedOn", m."endedOn"::text AS "endedOn"
    FROM "Mentorship" m JOIN "User" a ON a.id = m."mentorId" JOIN "User" b ON b.id = m."menteeId" ORDER BY a.email, b.email`,
  timeAgreements: `SELECT u.email, t."effectiveFrom"::text AS "from", (t."monthlyQuarterHours" / 4.0)::float8 AS "monthlyHours", t."sharePercent", t.note, r.email AS "recordedBy", t."createdAt" AS at
    FROM "TimeAgreement" t JOIN "User" u ON u.id = t."userId" JOIN "User" r ON r.id = t."recordedById" ORDER BY u.email, t."effectiveFrom", t."createdAt", t.id`,
  recognitions: `SELECT a.email AS recipient, b.email AS giver, r.kind::text AS kind, r.title, r.reason, r."createdAt" AS at
    FROM "Recognition" r JOIN "User" a ON a.id = r."recipientId" JOIN "User" b ON b.id = r."giverId" ORDER BY a.email, b.email, r.kind, r.title, r."createdAt", r.id`,
  newsletters: `SELECT o.key AS org, n.quarter, n.status::text AS status, n.intro, n.highlights, n.content, n."generatedAt", n."publishedAt", ${email("n", "publishedById")} AS "publishedBy",
      ${list(`d."newsletterId" = n.id`, `FROM "NewsletterDelivery" d`, `d.email`, `'email', d.email, 'status', d.status, 'attempts', d.attempts, 'lastError', d."lastError", 'messageId', d."messageId", 'sentAt', d."sentAt"`)} AS deliveries
    FROM "Newsletter" n JOIN "Org" o ON o.id = n."orgId" ORDER BY o.key, n.quarter`,
  auditLog: `SELECT a.at, ${email("a", "actorId")} AS actor, a.action, a.entity, a."entityId", (SELECT key FROM "Org" WHERE id = a."orgId") AS org, a.before, a.after
    FROM "AuditLog" a ORDER BY a.at, a.id`,
  passwords: `SELECT email, "passwordHash" FROM "User" WHERE "passwordHash" IS NOT NULL ORDER BY email`,
};
