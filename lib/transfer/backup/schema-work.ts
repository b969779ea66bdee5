// Rows of program.json about reviews, threat models, activities, surveys and newsletters:
// the fields and records the CSV files do not carry, pointed at by natural keys.
import { z } from "zod";

import {
  ActivityType,
  DeliveryStatus,
  NewsletterStatus,
  ReviewOutcome,
  SurveyQuestionKind,
  SurveyStatus,
} from "@/lib/generated/prisma/enums";
import { count, day, email, hours, instant, json, key, opt, plannedDay, text } from "./fields";

export const reviewRow = z.object({
  key: key("review ID"),
  outcome: opt(z.enum(ReviewOutcome)),
  requestedBy: opt(email),
  /** Each participant's own effort (reviews.csv has the people, not their hours). */
  participants: z.array(z.object({ email, effortHours: opt(hours) })),
  checklist: z.array(z.object({ label: text(), position: z.int(), done: z.boolean() })),
});
/** A value kept exactly as stored (not trimmed: it is compared with what a tool sends), never empty. */
const verbatim = (what: string) => text().refine((v) => v.length > 0, `Give the ${what}`);

/** A tool's id is kept with the tool that gave it, so that a re-import of the same file skips it. */
const needsSource = <T extends { externalSource: string | null; externalId: string | null }>(
  r: T,
) => r.externalId === null || r.externalSource !== null;
const NEEDS_SOURCE = {
  message: "An externalId needs its externalSource",
  path: ["externalSource"],
};

// The tool fields (added with the tool imports) are absent from older backups: then null.
export const findingRow = z
  .object({
    key: key("finding ID"),
    title: opt(text()),
    externalSource: opt(verbatim("external source")),
    externalId: opt(verbatim("external ID")),
  })
  .refine(needsSource, NEEDS_SOURCE);
export const threatRow = z.object({
  key: key("threat ID"),
  title: opt(text()),
  description: opt(text()),
  externalId: opt(verbatim("external ID")),
});
/** The tool a threat model was imported from and its id there (threat_models.csv has the rest). */
export const threatModelRow = z
  .object({
    key: key("threat model ID"),
    externalSource: opt(verbatim("external source")),
    externalId: opt(verbatim("external ID")),
  })
  .refine(needsSource, NEEDS_SOURCE);
export const commentsRow = z.object({
  threatModel: key("threat model ID"),
  comments: z.array(z.object({ author: email, body: text(), at: instant })),
});
export const feedbackRow = z
  .object({
    review: opt(key("review ID")),
    threatModel: opt(key("threat model ID")),
    guardian: email,
    at: instant,
  })
  .refine(
    (r) => (r.review === null) !== (r.threatModel === null),
    "Give review or threatModel, not both",
  );
/** `entries` activity entries with these values (activities.csv's columns) are linked to the threat model. */
export const activityLinkRow = z.object({
  email,
  date: day,
  hours: hours.refine((h) => h > 0 && h <= 24, "Hours must be more than 0 and at most 24"),
  type: z.enum(ActivityType),
  review: opt(key("review ID")),
  note: opt(text()),
  threatModel: key("threat model ID"),
  entries: count.min(1),
});

export const surveyRow = z.object({
  title: text(),
  opensOn: plannedDay,
  closesOn: plannedDay,
  // Absent from backups made before surveys had them: open (dates decide) and for everyone.
  status: opt(z.enum(SurveyStatus)).transform((v) => v ?? "OPEN"),
  org: opt(key("org")),
  questions: z.array(
    z.object({
      position: z.int(),
      text: text(),
      kind: z.enum(SurveyQuestionKind),
      options: opt(z.array(text()).max(10)).transform((v) => v ?? []),
    }),
  ),
  responses: z.array(
    z.object({
      email,
      submittedAt: instant,
      answers: z.array(
        z.object({ position: z.int(), rating: opt(z.int().min(1).max(5)), text: opt(text()) }),
      ),
    }),
  ),
});

/**
 * A review requested from Jira: its issue and the comments posted back to it. A comment's
 * delivery state is carried as it is (like a newsletter's deliveries): a SENT one is not posted
 * again, and the comments are only added or updated on restore, never removed, so no status
 * change is commented twice. Queue jobs are not part of a backup: a comment still PENDING when
 * the backup was made stays PENDING after a restore, shown as not sent, rather than being posted
 * by a job that might already have posted it.
 */
export const jiraLinkRow = z.object({
  review: key("review ID"),
  issueKey: verbatim("Jira issue key"),
  issueUrl: verbatim("Jira issue URL"),
  createdAt: instant,
  comments: z.array(
    z.object({
      eventKey: verbatim("event key"),
      body: text(),
      status: z.enum(DeliveryStatus),
      attempts: count,
      lastError: opt(text()),
      createdAt: instant,
      sentAt: opt(instant),
    }),
  ),
});
/** Jira webhook deliveries already received, so a replay of one is still ignored after a restore. */
export const jiraDeliveryRow = z.object({
  deliveryId: verbatim("delivery ID"),
  receivedAt: instant,
  /** The review the delivery created; null when none (or it was deleted since). */
  review: opt(key("review ID")),
});

/** The audit log, in order: restored by appending what the database lacks (it is append-only). */
export const auditRow = z.object({
  at: instant,
  actor: opt(email),
  action: text(),
  entity: text(),
  entityId: text(),
  org: opt(key("org")),
  before: opt(json),
  after: opt(json),
});

export const newsletterRow = z.object({
  org: key("org"),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, "A quarter like 2026-Q3"),
  status: z.enum(NewsletterStatus),
  intro: opt(text()),
  highlights: opt(text()),
  content: opt(json),
  generatedAt: instant,
  publishedAt: opt(instant),
  publishedBy: opt(email),
  deliveries: z.array(
    z.object({
      email,
      status: z.enum(DeliveryStatus),
      attempts: count,
      lastError: opt(text()),
      messageId: opt(text()),
      sentAt: opt(instant),
    }),
  ),
});
