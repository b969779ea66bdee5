// Applies what program.json adds to reviews (outcome, requester, each participant's effort,
// checklist, Jira issue and comments), findings and threats (titles, tool ids, descriptions),
// threat models (tool ids, comments), feedback (dates), Jira deliveries and newsletters (with
// their deliveries). A changed record's lists are replaced by the file's;
// deliveries are only added or updated, never removed, so nobody is sent an issue twice.
import type pg from "pg";
import type { Change } from "@/lib/transfer/backup/diff";
import { byIndex, each, idOf, unnest } from "./sql";
import { toQuarterHours } from "@/lib/hours";

export async function writeReviews(c: pg.ClientBase, changes: Change<"reviews">[]) {
  if (changes.length === 0) return;
  const keys = changes.map((x) => x.row.key);
  await each(
    c,
    `UPDATE "Review" r SET outcome = u.outcome::"ReviewOutcome", "requestedById" = ${idOf.user("u.requester")} FROM ${unnest(["key", "outcome", "requester"])} WHERE r.key = u.key`,
    changes,
    [(x) => x.row.key, (x) => x.row.outcome, (x) => x.row.requestedBy],
  );
  const people = changes.flatMap(({ row }) =>
    row.participants.map((p) => [
      row.key,
      p.email,
      p.effortHours === null ? null : toQuarterHours(p.effortHours),
    ]),
  );
  await c.query(
    `DELETE FROM "ReviewParticipant" p USING "Review" r WHERE r.id = p."reviewId" AND r.key = ANY($1::text[])
    AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS k(review, email) JOIN "User" u ON u.email = k.email WHERE k.review = r.key AND u.id = p."userId")`,
    [keys, people.map((p) => p[0]), people.map((p) => p[1])],
  );
  await each(
    c,
    `INSERT INTO "ReviewParticipant" ("reviewId", "userId", "effortQuarterHours")
    SELECT ${idOf.review("u.review")}, ${idOf.user("u.email")}, u.qh::int FROM ${unnest(["review", "email", "qh"])}
    ON CONFLICT ("reviewId", "userId") DO UPDATE SET "effortQuarterHours" = EXCLUDED."effortQuarterHours"`,
    people,
    byIndex(3),
  );
  await c.query(
    `DELETE FROM "ReviewChecklistItem" i USING "Review" r WHERE r.id = i."reviewId" AND r.key = ANY($1::text[])`,
    [keys],
  );
  await each(
    c,
    `INSERT INTO "ReviewChecklistItem" ("reviewId", label, position, done)
    SELECT ${idOf.review("u.review")}, u.label, u.pos::int, u.done::boolean FROM ${unnest(["review", "label", "pos", "done"])}`,
    changes.flatMap(({ row }) => row.checklist.map((i) => [row.key, i.label, i.position, i.done])),
    byIndex(4),
  );
}

/** Titles and the tool fields (the tool's id, a threat's description) the CSV files do not carry. */
export async function writeFindings(c: pg.ClientBase, changes: Change<"findings">[]) {
  await each(
    c,
    `UPDATE "Finding" x SET title = u.title, "externalSource" = u.source, "externalId" = u.ext FROM ${unnest(["key", "title", "source", "ext"])} WHERE x.key = u.key`,
    changes,
    [(x) => x.row.key, (x) => x.row.title, (x) => x.row.externalSource, (x) => x.row.externalId],
  );
}

export async function writeThreats(c: pg.ClientBase, changes: Change<"threats">[]) {
  await each(
    c,
    `UPDATE "Threat" x SET title = u.title, description = u.description, "externalId" = u.ext FROM ${unnest(["key", "title", "description", "ext"])} WHERE x.key = u.key`,
    changes,
    [(x) => x.row.key, (x) => x.row.title, (x) => x.row.description, (x) => x.row.externalId],
  );
}

export async function writeThreatModels(c: pg.ClientBase, changes: Change<"threatModels">[]) {
  await each(
    c,
    `UPDATE "ThreatModel" x SET "externalSource" = u.source, "externalId" = u.ext FROM ${unnest(["key", "source", "ext"])} WHERE x.key = u.key`,
    changes,
    [(x) => x.row.key, (x) => x.row.externalSource, (x) => x.row.externalId],
  );
}

/**
 * A review's Jira issue and the comments posted to it: comments are added or updated, never
 * removed (their delivery state is carried as it is; see jiraLinkRow).
 */
export async function writeJiraLinks(c: pg.ClientBase, changes: Change<"jiraLinks">[]) {
  if (changes.length === 0) return;
  await each(
    c,
    `INSERT INTO "JiraIssueLink" ("reviewId", "issueKey", "issueUrl", "createdAt")
    SELECT ${idOf.review("u.review")}, u.issue, u.url, u.at::timestamptz FROM ${unnest(["review", "issue", "url", "at"])}
    ON CONFLICT ("reviewId") DO UPDATE SET "issueKey" = EXCLUDED."issueKey", "issueUrl" = EXCLUDED."issueUrl", "createdAt" = EXCLUDED."createdAt"`,
    changes,
    [(x) => x.row.review, (x) => x.row.issueKey, (x) => x.row.issueUrl, (x) => x.row.createdAt],
  );
  await each(
    c,
    `INSERT INTO "JiraComment" ("reviewId", "eventKey", body, status, attempts, "lastError", "createdAt", "sentAt")
    SELECT ${idOf.review("u.review")}, u.event, u.body, u.status::"DeliveryStatus", u.attempts::int, u.error, u.at::timestamptz, u.sent::timestamptz
    FROM ${unnest(["review", "event", "body", "status", "attempts", "error", "at", "sent"])}
    ON CONFLICT ("reviewId", "eventKey") DO UPDATE SET body = EXCLUDED.body, status = EXCLUDED.status, attempts = EXCLUDED.attempts,
      "lastError" = EXCLUDED."lastError", "createdAt" = EXCLUDED."createdAt", "sentAt" = EXCLUDED."sentAt"`,
    changes.flatMap(({ row }) =>
      row.comments.map((x) => [
        row.review,
        x.eventKey,
        x.body,
        x.status,
        x.attempts,
        x.lastError,
        x.createdAt,
        x.sentAt,
      ]),
    ),
    byIndex(8),
  );
}

/** Jira deliveries already received (the webhook ignores a replay of one). */
export async function writeJiraDeliveries(c: pg.ClientBase, changes: Change<"jiraDeliveries">[]) {
  await each(
    c,
    `INSERT INTO "JiraDelivery" ("deliveryId", "receivedAt", "reviewId")
    SELECT u.id, u.at::timestamptz, ${idOf.review("u.review")} FROM ${unnest(["id", "at", "review"])}
    ON CONFLICT ("deliveryId") DO UPDATE SET "receivedAt" = EXCLUDED."receivedAt", "reviewId" = EXCLUDED."reviewId"`,
    changes,
    [(x) => x.row.deliveryId, (x) => x.row.receivedAt, (x) => x.row.review],
  );
}

export async function writeComments(c: pg.ClientBase, changes: Change<"threatModelComments">[]) {
  if (changes.length === 0) return;
  await c.query(
    `DELETE FROM "ThreatModelComment" x USING "ThreatModel" tm WHERE tm.id = x."threatModelId" AND tm.key = ANY($1::text[])`,
    [changes.map((x) => x.row.threatModel)],
  );
  await each(
    c,
    `INSERT INTO "ThreatModelComment" ("threatModelId", "authorId", body, "createdAt")
    SELECT ${idOf.threatModel("u.tm")}, ${idOf.user("u.author")}, u.body, u.at::timestamptz FROM ${unnest(["tm", "author", "body", "at"])}`,
    changes.flatMap(({ row }) =>
      row.comments.map((x) => [row.threatModel, x.author, x.body, x.at]),
    ),
    byIndex(4),
  );
}

/** When each rating was given (feedback.csv creates the ratings). */
export async function writeFeedbackDates(c: pg.ClientBase, changes: Change<"feedback">[]) {
  await each(
    c,
    `UPDATE "Feedback" f SET "createdAt" = u.at::timestamptz FROM ${unnest(["review", "tm", "guardian", "at"])} JOIN "User" g ON g.email = u.guardian
    WHERE f."guardianId" = g.id AND (f."reviewId" = ${idOf.review("u.review")} OR f."threatModelId" = ${idOf.threatModel("u.tm")})`,
    changes,
    [(x) => x.row.review, (x) => x.row.threatModel, (x) => x.row.guardian, (x) => x.row.at],
  );
}

export async function writeNewsletters(c: pg.ClientBase, changes: Change<"newsletters">[]) {
  if (changes.length === 0) return;
  await each(
    c,
    `INSERT INTO "Newsletter" ("orgId", quarter, status, intro, highlights, content, "generatedAt", "publishedAt", "publishedById")
    SELECT ${idOf.org("u.org")}, u.quarter, u.status::"NewsletterStatus", u.intro, u.highlights, u.content::jsonb, u.generated::timestamptz, u.published::timestamptz, ${idOf.user("u.publisher")}
    FROM ${unnest(["org", "quarter", "status", "intro", "highlights", "content", "generated", "published", "publisher"])}
    ON CONFLICT ("orgId", quarter) DO UPDATE SET status = EXCLUDED.status, intro = EXCLUDED.intro, highlights = EXCLUDED.highlights, content = EXCLUDED.content,
      "generatedAt" = EXCLUDED."generatedAt", "publishedAt" = EXCLUDED."publishedAt", "publishedById" = EXCLUDED."publishedById"`,
    changes,
    [
      (x) => x.row.org,
      (x) => x.row.quarter,
      (x) => x.row.status,
      (x) => x.row.intro,
      (x) => x.row.highlights,
      // A draft has no content at all (SQL NULL, not JSON null).
      (x) => (x.row.content === null ? null : JSON.stringify(x.row.content)),
      (x) => x.row.generatedAt,
      (x) => x.row.publishedAt,
      (x) => x.row.publishedBy,
    ],
  );
  await each(
    c,
    `INSERT INTO "NewsletterDelivery" ("newsletterId", email, status, attempts, "lastError", "messageId", "sentAt")
    SELECT n.id, u.email, u.status::"DeliveryStatus", u.attempts::int, u.error, u.message, u.sent::timestamptz
    FROM ${unnest(["org", "quarter", "email", "status", "attempts", "error", "message", "sent"])} JOIN "Newsletter" n ON n."orgId" = ${idOf.org("u.org")} AND n.quarter = u.quarter
    ON CONFLICT ("newsletterId", email) DO UPDATE SET status = EXCLUDED.status, attempts = EXCLUDED.attempts, "lastError" = EXCLUDED."lastError",
      "messageId" = EXCLUDED."messageId", "sentAt" = EXCLUDED."sentAt"`,
    changes.flatMap(({ row }) =>
      row.deliveries.map((d) => [
        row.org,
        row.quarter,
        d.email,
        d.status,
        d.attempts,
        d.lastError,
        d.messageId,
        d.sentAt,
      ]),
    ),
    byIndex(8),
  );
}
