// Rows of program.json about the program, its organisation and its people: what the CSV
// files do not carry. Records point at each other by natural keys, never by database ids.
import { z } from "zod";
import { Belt, GoalMetric, GuardianStatus, RecognitionKind } from "@/lib/generated/prisma/enums";
import {
  count,
  day,
  email,
  hours,
  instant,
  json,
  key,
  oneLine,
  opt,
  plannedDay,
  text,
} from "./fields";

export const programRow = z.object({
  name: text(),
  vision: text(),
  mission: text(),
  updatedAt: instant,
});
export const goalRow = z.object({
  title: text(),
  metric: z.enum(GoalMetric),
  target: z.number("Give the target as a number"),
  period: z.enum(["QUARTER", "YEAR"]),
  higherIsBetter: z.boolean(),
});
export const runbookRow = z.object({
  label: key("runbook item"),
  position: z.int(),
  active: z.boolean(),
});

export const orgRow = z.object({
  key: oneLine(key("org")),
  name: oneLine(text()),
  newsletterRecipients: z.array(z.email("Not a valid email address")),
});
export const teamRow = z.object({
  key: oneLine(key("team")),
  name: oneLine(text()),
  riskBudget: count,
});
export const personRow = z.object({
  email,
  deactivatedAt: opt(instant),
  // Left out by backups made before it existed: shown on the recognition wall (decision 0019).
  hideFromRecognition: z.boolean("Give hideFromRecognition as true or false").default(false),
});
export const courseRow = z.object({
  key: key("course"),
  title: text(),
  onboarding: z.boolean(),
  description: opt(text()),
  link: opt(text()),
  beltLevel: opt(z.enum(Belt)),
  active: z.boolean(),
});
export const completionRow = z.object({
  email,
  course: key("course"),
  evidenceUrl: opt(text()),
  recordedBy: opt(email),
});

const statusChange = z.object({
  from: opt(z.enum(GuardianStatus)),
  to: z.enum(GuardianStatus),
  by: opt(email),
  note: opt(text()),
  at: instant,
});
/** Every membership, not only each person's latest one per team that guardians.csv holds. */
export const membershipRow = z.object({
  email,
  team: key("team"),
  nominatedOn: day,
  status: z.enum(GuardianStatus),
  activeOn: opt(day),
  leftOn: opt(day),
  declinedOn: opt(day),
  reason: opt(text()),
  nominatedBy: opt(email),
  approvedBy: opt(email),
  history: z.array(statusChange),
});

export const beltRuleRow = z.object({
  belt: z.enum(Belt),
  conditions: json,
  // Belts that expire (added later: older backups have neither).
  validityMonths: opt(z.int("Give the validity as whole months").min(1).max(120)),
  renewal: json.default([]),
  updatedBy: opt(email),
  updatedAt: instant,
});
export const beltAwardRow = z.object({
  email,
  belt: z.enum(Belt),
  awardedOn: day,
  expiresOn: opt(day),
  renewal: z.boolean().default(false),
  evidence: json,
  createdAt: instant,
  revokedAt: opt(instant),
  revokedBy: opt(email),
  revokeReason: opt(text()),
});
// The same rules as the form (lib/validations/mentorship.ts) and the database's checks.
export const mentorshipRow = z
  .object({
    mentor: email,
    mentee: email,
    startedOn: day,
    endedOn: opt(day),
  })
  .refine((m) => m.mentor !== m.mentee, { path: ["mentee"], message: "No one mentors themselves" })
  .refine((m) => !m.endedOn || m.endedOn >= m.startedOn, {
    path: ["endedOn"],
    message: "The end cannot come before the start",
  });
// A guardian's agreed time (docs/decisions/0018): the rules of the form and the database's checks.
export const timeAgreementRow = z.object({
  email,
  from: plannedDay.refine((d) => d.endsWith("-01"), "An agreement starts on a month's first day"),
  monthlyHours: hours.max(160, "A month has at most 160 working hours"),
  sharePercent: opt(z.int("Give the share as a whole number").min(1).max(100)),
  note: opt(text()),
  recordedBy: email,
  at: instant,
});
export const recognitionRow = z.object({
  recipient: email,
  giver: email,
  kind: z.enum(RecognitionKind),
  title: text(),
  reason: text(),
  at: instant,
});
