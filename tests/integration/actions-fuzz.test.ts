// Hostile form posts to every server action, as someone who may use it: each post carries at
// least one required field that is surely wrong (malformed, out of range, missing, or naming a
// record that does not exist); every other field is valid, hostile or missing, and junk keys
// ride along. The action must answer with an error, never throw, write nothing, and not echo markup.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { hash } from "@node-rs/argon2";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as account from "@/lib/server/account/actions";
import * as activity from "@/lib/server/activity/actions";
import * as agreedTime from "@/lib/server/agreed-time/actions";
import * as belts from "@/lib/server/belts/actions";
import * as channels from "@/lib/server/channels/actions";
import * as directory from "@/lib/server/directory/actions";
import * as events from "@/lib/server/events/actions";
import * as impact from "@/lib/server/impact/actions";
import * as jobs from "@/lib/server/jobs/actions";
import * as mentoring from "@/lib/server/mentoring/actions";
import * as fastTrack from "@/lib/server/fast-track/actions";
import * as newsletters from "@/lib/server/newsletters/actions";
import * as nominations from "@/lib/server/nominations/actions";
import * as notifications from "@/lib/server/notifications/actions";
import * as program from "@/lib/server/program/actions";
import * as recognition from "@/lib/server/recognition/actions";
import * as links from "@/lib/server/identity/link-actions";
import * as sso from "@/lib/server/identity/sso-actions";
import * as releases from "@/lib/server/releases/actions";
import * as reviews from "@/lib/server/reviews/actions";
import * as runbook from "@/lib/server/runbook/actions";
import * as surveys from "@/lib/server/surveys/actions";
import * as threatModels from "@/lib/server/threat-models/actions";
import * as training from "@/lib/server/training/actions";
import { POST as postActivity } from "@/app/api/activities/route";
import { db } from "@/lib/db/client";
import { newLinkToken } from "@/lib/identity/link-token";
import { signUnsubscribe } from "@/lib/notifications/unsubscribe-token";
import { unsubscribeSecret } from "@/lib/server/notifications/email";
import { resetDatabase } from "../setup/db";
import {
  actAs,
  buildWorld,
  changedTables,
  daysAgo,
  fingerprint,
  formData,
  invoke,
  jsonPost,
  messagesOf,
  serverActionModules,
  startSmtp,
  type ActorKey,
  type ServerAction,
  type World,
} from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

// Newsletter delivery goes to a real SMTP server.
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp.stop());

const RUNS = 25;
const SOURCE = fs.readFileSync("tests/integration/actions-fuzz.test.ts", "utf8");

const MODULES = {
  account,
  activity,
  agreedTime,
  belts,
  channels,
  directory,
  events,
  impact,
  jobs,
  mentoring,
  fastTrack,
  newsletters,
  nominations,
  notifications,
  program,
  recognition,
  releases,
  reviews,
  runbook,
  surveys,
  threatModels,
  training,
  links,
  sso,
} as const;

// ---- hostile values ------------------------------------------------------------------------

const MISSING = undefined;
const evilFile = new File(["<script>alert(1)</script>"], "evil.html", { type: "text/html" });
const HOSTILE_CONSTANTS = [
  '\'; DROP TABLE "User"; --',
  "1 OR 1=1",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "NaN",
  "-1",
  "1e309",
  "-1e309",
  "0x10",
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "🛡️",
  "‮evil",
  "review:-1",
  "threat-model:99999999999",
  "2026-02-30",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "2147483648",
  "99999999999999999999",
  "0001-01-01",
  "1900-01-01",
  "Pay\r\nments",
  "a\uD800b",
];
/** Any value at all: wrong types, huge strings, unicode, NUL, odd numbers, SQL and HTML. */
const hostile: fc.Arbitrary<string | File | undefined> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.constantFrom(...HOSTILE_CONSTANTS),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constant(evilFile),
  fc.constant(MISSING),
);

// Values a field surely rejects, by kind of field. "ref" also names a record that does not exist.
const SCRIPT = "<script>alert(1)</script>";
const notANumber = fc.oneof(
  fc.constantFrom(
    "abc",
    "NaN",
    "1e309",
    "-1e309",
    "Infinity",
    SCRIPT,
    '\'; DROP TABLE "User"; --',
    "\u0000",
    "🛡️",
    "1,5",
    "true",
    "[1]",
  ),
  fc.string().map((s) => `x${s}`),
);
// Ids Number() reads but a form must not: hex, exponent, white space, beyond PostgreSQL's int.
const oddId = fc.constantFrom("0x10", "1e1", " 1", "1 ", "2147483648", "99999999999999999999");
const badId = fc.oneof(
  notANumber,
  oddId,
  fc.constantFrom("", " ", "0", "-1", "-0", "1.5"),
  fc.constant(evilFile),
  fc.constant(MISSING),
);
const text = (min: number, max: number) =>
  fc.oneof(
    fc.constantFrom("", " ", "\n\t "),
    fc.string({ maxLength: min - 1 }),
    fc.string({ unit: "binary-ascii", maxLength: min - 1 }),
    fc
      .string({ unit: "grapheme", maxLength: 40 })
      .map((s) => `${"Z".repeat(max + 1)}${SCRIPT}${s}`),
    fc.constant(evilFile),
    fc.constant(MISSING),
  );
const tooLong = (max: number) =>
  fc.string({ maxLength: 40 }).map((s) => `${"Z".repeat(max + 1)}${SCRIPT}${s}`);
const notInEnum = fc.oneof(
  fc.string().map((s) => `zz ${s}`),
  fc.constantFrom("", " approve", "APPROVE ", "kudos", SCRIPT, "' OR '1'='1", "\u0000"),
  fc.constant(evilFile),
  fc.constant(MISSING),
);
const badDate = fc.oneof(
  fc.constantFrom(
    "",
    "2026-02-30",
    "2026-13-01",
    "2026-1-1",
    "20261101",
    "2026/11/01",
    "yesterday",
    "0000-00-00",
    "0001-01-01",
    "1900-01-01",
    "1999-12-31",
    "2026-11-01T00:00:00Z",
    SCRIPT,
    "' OR '1'='1",
  ),
  fc.constant(evilFile),
  fc.constant(MISSING),
);
const POISON = {
  id: badId,
  ref: fc.oneof(badId, fc.constantFrom("987654321", "2147483647")),
  optionalRef: fc.oneof(notANumber, oddId, fc.constantFrom(" ", "0", "-1", "1.5", "987654321")),
  date: badDate,
  pastDate: fc.oneof(badDate, fc.constantFrom("2999-01-01", "9999-12-31")),
  uuid: fc.oneof(
    fc.string().map((s) => `not-a-uuid-${s}`),
    fc.constantFrom("", SCRIPT),
    fc.constant(MISSING),
  ),
  email: fc.oneof(
    fc.constantFrom(
      "",
      "not-an-email",
      "a@",
      "@example.test",
      `${SCRIPT}@x`,
      '\'; DROP TABLE "User"; --',
      "nobody@example.invalid",
    ),
    fc.string().map((s) => s.replace(/@/g, "")),
    fc.constant(MISSING),
  ),
  quarter: fc.oneof(
    fc.constantFrom("", "2026-Q5", "2026Q1", "26-Q1", "2026-Q0", "2999-Q1", SCRIPT),
    fc.string().map((s) => `Q${s}`),
    fc.constant(MISSING),
  ),
  conditions: fc.oneof(
    fc.constantFrom(
      "",
      "not json",
      "{",
      "[",
      "null",
      "{}",
      '[{"type":"nope"}]',
      '[{"type":"hours","min":-1}]',
      '[{"type":"hours","min":1e309}]',
      '[{"type":"course","courseKey":""}]',
      JSON.stringify(Array.from({ length: 21 }, () => ({ type: "previous-belt" }))),
      "x".repeat(20_001),
      SCRIPT,
    ),
    fc.constant(MISSING),
  ),
  hours: fc.oneof(
    notANumber,
    fc.constantFrom("", "0", "-1", "-0.25", "0.3", "24.25", "25", "1e3", "0x4", "1e0", " 1"),
    fc.constant(MISSING),
  ),
  rating: fc.oneof(
    notANumber,
    fc.constantFrom("", "0", "6", "4.5", "-1", "0x4", "4e0", " 4"),
    fc.constant(MISSING),
  ),
  courseHours: fc.oneof(
    notANumber,
    fc.constantFrom("-1", "0.3", "501", "1e3", "0x2", "2e0"),
    fc.constant(MISSING),
  ),
  target: fc.oneof(
    notANumber,
    fc.constantFrom("-1", "-0.01", "1000001", "0x10", "1e1"),
    fc.constant(MISSING),
  ),
  riskBudget: fc.oneof(
    notANumber,
    fc.constantFrom("-1", "1.5", "10001", "0x10", "1e1"),
    fc.constant(MISSING),
  ),
  entryId: fc.oneof(
    fc.constantFrom("", "-1", "1.5", "1e3", "0x10", " 1", "1".repeat(19), SCRIPT, "987654321"),
    fc.string().map((s) => `x${s}`),
    fc.constant(MISSING),
  ),
  enum: notInEnum,
  /** A typed team: blank, too long, or no team anyone can see (never echoed back). */
  team: fc.oneof(
    text(1, 200),
    fc.constantFrom("No such team", SCRIPT, "987654321", "' OR '1'='1", "%", "team-%"),
  ),
  /** A review key no review of the team has (or too long). */
  reviewKey: fc.oneof(
    fc.constantFrom("REV-999999", "REV-B-1", SCRIPT, "%", "x".repeat(41)),
    fc.string({ minLength: 1, maxLength: 30 }).map((s) => `NOPE-${s}`),
  ),
  /** An optional date that is set but malformed or in the future. */
  futureDate: fc.oneof(
    fc.constantFrom(
      "2999-01-01",
      "9999-12-31",
      "2026-02-30",
      "yesterday",
      "0001-01-01",
      "1900-01-01",
      SCRIPT,
    ),
    fc.constant(evilFile),
  ),
  text,
  tooLong,
  /** The name of an organisation or team: also refused on more than one line. */
  name: fc.oneof(
    text(2, 120),
    fc.constantFrom("Pay\r\nments", "Pay\nments", "Pay\tments", "Pay\u2028ments", "Pay\u0085x"),
  ),
};

type Poison = fc.Arbitrary<string | File | undefined>;
type FuzzCase = {
  module: keyof typeof MODULES;
  action: string;
  /** Someone the action lets through (see authorization-matrix.test.ts). */
  actor: ActorKey;
  valid: (w: World) => Record<string, string>;
  /** Fields that, given one of these values, make the post fail. */
  poison: Record<string, Poison>;
};

const P = POISON;
const CASES: FuzzCase[] = [
  // The fast track (docs/fast-track.md).
  {
    module: "fastTrack",
    action: "saveFastTrackPolicyAction",
    actor: "lead",
    poison: {
      appliesTo: P.enum,
      minBelt: P.enum,
      spotCheckPercent: P.courseHours,
      checklist: P.text(5, 200),
    },
    valid: (w) => ({
      appliesTo: "team",
      team: w.A.team.key,
      minBelt: "WHITE",
      spotCheckPercent: "20",
      checklist: "No new external endpoint",
      enabled: "on",
    }),
  },
  {
    module: "fastTrack",
    action: "fastTrackReviewAction",
    actor: "guardianA",
    poison: { reviewId: P.ref, q0: P.enum },
    valid: (w) => ({ reviewId: String(w.reviews.requested.id), q0: "low-risk" }),
  },
  {
    module: "fastTrack",
    action: "spotCheckAction",
    actor: "securityEngineer",
    poison: { reviewId: P.ref, outcome: P.enum },
    valid: (w) => ({ reviewId: String(w.fastTrack.review.id), outcome: "PASSED" }),
  },
  {
    module: "fastTrack",
    action: "liftSuspensionAction",
    actor: "lead",
    poison: { suspensionId: P.ref },
    valid: (w) => ({ suspensionId: String(w.fastTrack.suspension.id) }),
  },
  {
    module: "activity",
    action: "logActivityAction",
    actor: "guardianA",
    poison: { date: P.pastDate, hours: P.hours, type: P.enum, idempotencyKey: P.uuid },
    valid: (w) => ({
      date: daysAgo(19),
      hours: "1.5",
      type: "REVIEW",
      link: `review:${w.reviews.started.id}`,
      note: "Prepared",
      idempotencyKey: randomUUID(),
    }),
  },
  {
    module: "agreedTime",
    action: "recordTimeAgreementAction",
    actor: "managerA",
    poison: {
      userId: P.ref,
      basis: P.enum,
      // 0–160 h a month on the quarter-hour; a share 1–100 %, whole; a month from 2000-01.
      hours: fc.oneof(
        notANumber,
        fc.constantFrom("", "-1", "-0.25", "0.3", "160.25", "161", "1e2", "0x4", " 1"),
        fc.constant(MISSING),
      ),
      sharePercent: fc.oneof(notANumber, fc.constantFrom("0", "101", "12.5", "-5", "0x10", "1e1")),
      effectiveFrom: fc.oneof(
        fc.constantFrom("", "2026-13", "2026-1", "1999-12", "2999-01", "2026-11-01", SCRIPT),
        fc.constant(MISSING),
      ),
      note: P.tooLong(500),
    },
    valid: (w) => ({
      userId: String(w.A.guardian.id),
      basis: "hours",
      hours: "6",
      effectiveFrom: daysAgo(0).slice(0, 7),
      note: "Agreed at the check-in",
    }),
  },
  {
    module: "activity",
    action: "updateActivityAction",
    actor: "guardianA",
    poison: { id: P.entryId, date: P.pastDate, hours: P.hours, type: P.enum },
    valid: (w) => ({
      id: String(w.activity.id),
      date: daysAgo(20),
      hours: "3",
      type: "DEEP_DIVE",
      link: "",
      note: "Deep dive",
    }),
  },
  {
    module: "activity",
    action: "deleteActivityAction",
    actor: "guardianA",
    poison: { id: P.entryId },
    valid: (w) => ({ id: String(w.activity.id) }),
  },
  {
    module: "belts",
    action: "beltRuleAction",
    actor: "lead",
    poison: { belt: P.enum, conditions: P.conditions, intent: P.enum },
    valid: () => ({
      belt: "YELLOW",
      conditions: JSON.stringify([{ type: "previous-belt" }]),
      intent: "save",
    }),
  },
  {
    module: "belts",
    action: "revokeBeltAction",
    actor: "lead",
    poison: { awardId: P.ref, reason: P.text(5, 500) },
    valid: (w) => ({ awardId: String(w.award.id), reason: "Awarded by mistake" }),
  },
  {
    module: "directory",
    action: "saveTeamAction",
    actor: "lead",
    poison: {
      id: P.optionalRef,
      name: P.name,
      orgId: P.ref,
      profile: P.enum,
      joinedOn: P.date,
      riskBudget: P.riskBudget,
    },
    valid: (w) => ({
      id: String(w.A.team.id),
      name: "Payments Core",
      orgId: String(w.A.sub.id),
      profile: "HIGH_RISK",
      pilot: "on",
      joinedOn: "2025-01-01",
      riskBudget: "30",
    }),
  },
  {
    module: "directory",
    action: "saveOrgAction",
    actor: "lead",
    poison: {
      id: P.optionalRef,
      name: P.name,
      parentId: P.optionalRef,
      leaderEmail: P.email.filter((e) => typeof e === "string" && e.trim() !== ""),
    },
    valid: (w) => ({
      id: String(w.A.sub.id),
      name: "Payments / Cards",
      parentId: String(w.A.org.id),
      leaderEmail: "",
      recipients: "cards@example.test",
    }),
  },
  // A person's only role unticked (anything but "on"/"true") leaves them without a role; a valid
  // new email would create someone.
  {
    module: "directory",
    action: "createPersonAction",
    actor: "lead",
    poison: {
      email: P.email.filter((e) => e !== "nobody@example.invalid"),
      name: P.text(2, 120),
      orgId: P.optionalRef,
      teamId: P.optionalRef,
      "role-BUILDER": fc.constantFrom("", "off", "ON", "yes", SCRIPT, evilFile, MISSING),
    },
    valid: (w) => ({
      email: "new.person@example.test",
      name: "New Person",
      "role-BUILDER": "on",
      orgId: String(w.A.sub.id),
      teamId: String(w.A.team.id),
    }),
  },
  {
    module: "directory",
    action: "updatePersonAction",
    actor: "lead",
    poison: {
      id: P.ref,
      name: P.text(2, 120),
      orgId: P.optionalRef,
      teamId: P.optionalRef,
      "role-BUILDER": fc.constantFrom("", "off", "ON", "yes", SCRIPT, evilFile, MISSING),
    },
    valid: (w) => ({
      id: String(w.A.builder.id),
      name: "Renamed Builder",
      "role-BUILDER": "on",
      orgId: String(w.A.sub.id),
      teamId: String(w.A.team.id),
    }),
  },
  {
    module: "directory",
    action: "changePersonStatusAction",
    actor: "lead",
    poison: { id: P.ref, change: P.enum },
    valid: (w) => ({ id: String(w.A.builder.id), change: "deactivate" }),
  },
  {
    module: "newsletters",
    action: "generateDraftAction",
    actor: "lead",
    poison: { orgId: P.ref, quarter: P.quarter },
    valid: (w) => ({ orgId: String(w.A.org.id), quarter: "2025-Q3" }),
  },
  {
    module: "newsletters",
    action: "generateAllAction",
    actor: "lead",
    poison: { quarter: P.quarter },
    valid: () => ({ quarter: "2025-Q3" }),
  },
  {
    module: "newsletters",
    action: "updateDraftAction",
    actor: "lead",
    poison: { id: P.ref, intro: P.tooLong(4000), highlights: P.tooLong(4000) },
    valid: (w) => ({
      id: String(w.draft.id),
      intro: "A strong quarter.",
      highlights: "Three new guardians.",
    }),
  },
  {
    module: "newsletters",
    action: "publishAction",
    actor: "lead",
    poison: { id: P.ref },
    valid: (w) => ({ id: String(w.draft.id) }),
  },
  {
    module: "newsletters",
    action: "deliverAction",
    actor: "lead",
    poison: { id: P.ref },
    valid: (w) => ({ id: String(w.published.id) }),
  },
  {
    module: "nominations",
    action: "nominateAction",
    actor: "guardianA",
    poison: { teamId: P.ref, email: P.email, reason: P.text(10, 1000) },
    valid: (w) => ({
      teamId: String(w.A.team.id),
      email: w.candidate.email,
      reason: "Asks the right questions in design reviews",
    }),
  },
  {
    module: "nominations",
    action: "decideNominationAction",
    actor: "lead",
    poison: { membershipId: P.ref, decision: P.enum, note: P.tooLong(500) },
    valid: (w) => ({ membershipId: String(w.nomination.id), decision: "approve", note: "Welcome" }),
  },
  {
    module: "nominations",
    action: "stepDownAction",
    actor: "guardianA",
    poison: { membershipId: P.ref, note: P.tooLong(500) },
    valid: (w) => ({ membershipId: String(w.A.membership.id), note: "Moving teams" }),
  },
  {
    module: "program",
    action: "updateProgramAction",
    actor: "lead",
    poison: { name: P.text(2, 120), vision: P.text(10, 1000), mission: P.text(10, 2000) },
    valid: () => ({
      name: "Guardians",
      vision: "Security ownership everywhere.",
      mission: "Train, empower and recognise guardians.",
    }),
  },
  {
    module: "program",
    action: "saveGoalAction",
    actor: "lead",
    poison: {
      id: P.optionalRef,
      title: P.text(3, 200),
      metric: P.enum,
      target: P.target,
      period: P.enum,
    },
    valid: (w) => ({
      id: String(w.goal.id),
      title: "Train 4 new guardians",
      metric: "NEW_GUARDIANS",
      target: "4",
      period: "QUARTER",
      higherIsBetter: "higher",
    }),
  },
  {
    module: "program",
    action: "deleteGoalAction",
    actor: "lead",
    poison: { id: P.ref },
    valid: (w) => ({ id: String(w.goal.id) }),
  },
  {
    module: "recognition",
    action: "giveRecognitionAction",
    actor: "managerA",
    poison: { recipientId: P.ref, kind: P.enum, title: P.text(3, 120), reason: P.text(10, 1000) },
    valid: (w) => ({
      recipientId: String(w.A.guardian.id),
      kind: "KUDOS",
      title: "Great catch",
      reason: "Found the IDOR before the release",
    }),
  },
  {
    module: "recognition",
    action: "recognitionVisibilityAction",
    actor: "guardianA",
    poison: { hide: P.enum },
    valid: () => ({ hide: "yes" }),
  },
  {
    module: "releases",
    action: "createReleaseAction",
    actor: "guardianA",
    poison: {
      team: P.team,
      name: P.text(2, 200),
      startedOn: P.pastDate,
      releasedOn: P.futureDate,
      reviewKey: P.reviewKey,
    },
    valid: (w) => ({
      team: w.A.team.name,
      name: "Cards v2",
      startedOn: daysAgo(30),
      releasedOn: daysAgo(5),
      reviewKey: w.reviews.requested.key,
    }),
  },
  {
    module: "releases",
    action: "updateReleaseAction",
    actor: "guardianA",
    poison: {
      id: P.ref,
      name: P.text(2, 200),
      startedOn: P.pastDate,
      releasedOn: P.futureDate,
      reviewKey: P.reviewKey,
    },
    valid: (w) => ({
      id: String(w.release.id),
      name: "Cards v1",
      startedOn: daysAgo(60),
      releasedOn: daysAgo(1),
      reviewKey: w.reviews.started.key,
    }),
  },
  {
    module: "reviews",
    action: "requestReviewAction",
    actor: "guardianA",
    poison: { team: P.team, service: P.text(2, 200), requestedOn: P.futureDate },
    valid: (w) => ({ team: w.A.team.name, service: "Refunds API", requestedOn: daysAgo(2) }),
  },
  {
    module: "reviews",
    action: "startReviewAction",
    actor: "lead",
    poison: { reviewId: P.ref, securityEngineerId: P.ref },
    valid: (w) => ({
      reviewId: String(w.reviews.requested.id),
      securityEngineerId: String(w.users.securityEngineer.id),
    }),
  },
  {
    module: "reviews",
    action: "addParticipantAction",
    actor: "securityEngineer",
    poison: { reviewId: P.ref, email: P.email },
    valid: (w) => ({
      reviewId: String(w.reviews.started.id),
      email: w.A.builder.email,
      effortHours: "2",
    }),
  },
  // The review id of these two posts only says which page to refresh; the item or finding decides.
  {
    module: "reviews",
    action: "checklistAction",
    actor: "securityEngineer",
    poison: { reviewId: P.id, itemId: P.ref },
    valid: (w) => ({
      reviewId: String(w.reviews.started.id),
      itemId: String(w.checklistItem.id),
      done: "true",
    }),
  },
  {
    module: "reviews",
    action: "findingStatusAction",
    actor: "securityEngineer",
    poison: { reviewId: P.id, findingId: P.ref, status: P.enum },
    valid: (w) => ({
      reviewId: String(w.reviews.started.id),
      findingId: String(w.finding.id),
      status: "MITIGATED",
      closedOn: daysAgo(1),
    }),
  },
  {
    module: "reviews",
    action: "addFindingAction",
    actor: "securityEngineer",
    poison: { reviewId: P.ref, title: P.text(3, 300), severity: P.enum, openedOn: P.futureDate },
    valid: (w) => ({
      reviewId: String(w.reviews.started.id),
      title: "Verbose errors",
      severity: "LOW",
      openedOn: daysAgo(3),
    }),
  },
  {
    module: "reviews",
    action: "completeReviewAction",
    actor: "securityEngineer",
    poison: { reviewId: P.ref, outcome: P.enum },
    valid: (w) => ({
      reviewId: String(w.reviews.started.id),
      outcome: "APPROVED",
      completedOn: "",
    }),
  },
  {
    module: "reviews",
    action: "rateGuardianAction",
    actor: "securityEngineer",
    poison: { guardianId: P.ref, rating: P.rating },
    valid: (w) => ({
      reviewId: String(w.reviews.completed.id),
      guardianId: String(w.A.guardian.id),
      rating: "4",
      comment: "Well prepared",
    }),
  },
  {
    module: "runbook",
    action: "saveRunbookItemAction",
    actor: "lead",
    poison: { id: P.optionalRef, label: P.text(3, 120) },
    valid: () => ({ id: "", label: "Secrets scanned" }),
  },
  {
    module: "runbook",
    action: "changeRunbookItemAction",
    actor: "lead",
    poison: { id: P.ref, change: P.enum },
    valid: (w) => ({ id: String(w.runbook[1].id), change: "up" }),
  },
  {
    module: "threatModels",
    action: "createThreatModelAction",
    actor: "guardianA",
    poison: { team: P.team, system: P.text(2, 200) },
    valid: (w) => ({ team: w.A.team.key, system: "Refund engine" }),
  },
  {
    module: "threatModels",
    action: "saveThreatAction",
    actor: "guardianA",
    poison: {
      threatModelId: P.ref,
      threatId: P.optionalRef,
      title: P.text(3, 300),
      category: P.enum,
      severity: P.enum,
      mitigationStatus: P.enum,
      mitigation: P.tooLong(2000),
    },
    valid: (w) => ({
      threatModelId: String(w.threatModels.draft.id),
      threatId: "",
      title: "Replay of refunds",
      category: "TAMPERING",
      severity: "MEDIUM",
      mitigation: "Idempotency keys",
      mitigationStatus: "PLANNED",
    }),
  },
  {
    module: "threatModels",
    action: "addAuthorAction",
    actor: "guardianA",
    poison: { threatModelId: P.ref, email: P.email },
    valid: (w) => ({ threatModelId: String(w.threatModels.draft.id), email: w.A.builder.email }),
  },
  {
    module: "threatModels",
    action: "submitAction",
    actor: "guardianA",
    poison: { threatModelId: P.ref },
    valid: (w) => ({ threatModelId: String(w.threatModels.draft.id) }),
  },
  {
    module: "threatModels",
    action: "decideAction",
    actor: "securityEngineer",
    poison: { threatModelId: P.ref, decision: P.enum, comment: P.tooLong(2000) },
    valid: (w) => ({
      threatModelId: String(w.threatModels.inReview.id),
      decision: "approve",
      comment: "Solid",
      acceptUndocumented: "",
    }),
  },
  {
    module: "threatModels",
    action: "commentAction",
    actor: "securityEngineer",
    poison: { threatModelId: P.ref, body: P.text(2, 4000) },
    valid: (w) => ({
      threatModelId: String(w.threatModels.inReview.id),
      body: "Consider rate limits",
    }),
  },
  {
    module: "threatModels",
    action: "rateAuthorAction",
    actor: "securityEngineer",
    poison: { guardianId: P.ref, rating: P.rating },
    valid: (w) => ({
      threatModelId: String(w.threatModels.approved.id),
      guardianId: String(w.A.guardian.id),
      rating: "5",
    }),
  },
  {
    module: "training",
    action: "recordCompletionAction",
    actor: "guardianA",
    poison: {
      courseId: P.ref,
      completedOn: P.pastDate,
      evidenceUrl: fc.constantFrom("javascript:alert(1)", "ftp://x.test", "not a url", SCRIPT),
    },
    valid: (w) => ({
      courseId: String(w.course.id),
      completedOn: daysAgo(3),
      evidenceUrl: "",
      email: "",
    }),
  },
  {
    module: "training",
    action: "saveCourseAction",
    actor: "lead",
    poison: {
      id: P.optionalRef,
      title: P.text(3, 160),
      hours: P.courseHours,
      link: fc.constantFrom("javascript:alert(1)", "data:text/html,<script>", "not a url"),
    },
    valid: (w) => ({
      id: String(w.course.id),
      title: "Secure coding 2",
      required: "on",
      hours: "2.5",
      description: "Updated",
      link: "https://example.test/course",
    }),
  },
  {
    module: "training",
    action: "changeCourseStatusAction",
    actor: "lead",
    poison: { id: P.ref, change: P.enum },
    valid: (w) => ({ id: String(w.course.id), change: "retire" }),
  },
  {
    module: "account",
    action: "changePasswordAction",
    actor: "guardianA",
    // The new password's rules and the confirmation: refused before the current password is
    // checked (a wrong current password is a sign-in failure, which is recorded by design).
    poison: {
      current: fc.constantFrom("", "x".repeat(201), MISSING),
      password: fc.oneof(
        fc.constantFrom("", "short", "password1234", " ".repeat(20), "x".repeat(201)),
        fc.constant(MISSING),
      ),
      confirm: fc.constantFrom("", "quiet meadow compass 3", SCRIPT, MISSING),
    },
    valid: () => ({
      current: PASSWORD,
      password: "quiet meadow compass 2",
      confirm: "quiet meadow compass 2",
    }),
  },
  {
    module: "surveys",
    action: "saveSurveyAction",
    actor: "lead",
    poison: {
      id: P.optionalRef,
      title: P.text(3, 150),
      orgId: P.optionalRef,
      closesOn: P.date,
      questions: fc.constantFrom(
        "",
        "not json",
        "[]",
        "{}",
        '[{"kind":"NOPE","text":"Why?"}]',
        '[{"kind":"CHOICE","text":"Which?","options":["One"]}]',
        JSON.stringify(Array.from({ length: 31 }, () => ({ kind: "TEXT", text: "Why?" }))),
        SCRIPT,
        MISSING,
      ),
    },
    valid: (w) => ({
      id: String(w.surveys.draft.id),
      title: "Winter pulse",
      orgId: "",
      closesOn: daysAgo(-20),
      questions: JSON.stringify([{ kind: "TEXT", text: "What should change?" }]),
    }),
  },
  ...(["openSurveyAction", "deleteDraftSurveyAction"] as const).map((action) => ({
    module: "surveys" as const,
    action,
    actor: "lead" as const,
    poison: { surveyId: P.ref },
    valid: (w: World) => ({ surveyId: String(w.surveys.draft.id) }),
  })),
  {
    module: "surveys",
    action: "closeSurveyAction",
    actor: "lead",
    poison: { surveyId: P.ref },
    valid: (w) => ({ surveyId: String(w.surveys.open.id) }),
  },
  {
    module: "surveys",
    action: "answerSurveyAction",
    actor: "guardianA",
    poison: { surveyId: P.ref },
    valid: (w) => ({
      surveyId: String(w.surveys.open.id),
      [`q${w.surveys.open.questions[0].id}`]: "4",
    }),
  },
  {
    module: "events",
    action: "saveEventAction",
    actor: "lead",
    poison: {
      id: P.optionalRef,
      kind: P.enum,
      title: P.text(3, 150),
      date: P.date,
      time: fc.constantFrom("", "25:00", "14:60", "2pm", "14:00:00.5", SCRIPT, MISSING),
      hours: P.hours,
      capacity: fc.oneof(
        notANumber,
        fc.constantFrom("", "0", "-1", "501", "1.5", "1e1", "0x10", " 2"),
        fc.constant(MISSING),
      ),
      orgId: P.optionalRef,
    },
    valid: (w) => ({
      id: String(w.events.open.id),
      kind: "GAME_DAY",
      title: "Winter game day",
      description: "",
      date: daysAgo(-20),
      time: "14:00",
      hours: "3",
      capacity: "12",
      orgId: "",
    }),
  },
  ...(["cancelEventAction", "registerForEventAction"] as const).map((action) => ({
    module: "events" as const,
    action,
    actor: (action === "cancelEventAction" ? "lead" : "builderA") as ActorKey,
    poison: { eventId: P.ref },
    valid: (w: World) => ({ eventId: String(w.events.open.id) }),
  })),
  {
    module: "events",
    action: "unregisterFromEventAction",
    actor: "guardianA",
    poison: { eventId: P.ref },
    valid: (w) => ({ eventId: String(w.events.held.id) }),
  },
  {
    module: "events",
    action: "recordAttendanceAction",
    actor: "lead",
    poison: { eventId: P.ref },
    valid: (w) => ({
      eventId: String(w.events.past.id),
      [`attended-${w.events.past.registrations[0].id}`]: "on",
    }),
  },
  {
    module: "mentoring",
    action: "recordMentorshipAction",
    actor: "lead",
    poison: { mentorId: P.ref, menteeEmail: P.email, startedOn: P.pastDate },
    valid: (w) => ({
      mentorId: String(w.A.guardian.id),
      menteeEmail: w.candidate.email,
      startedOn: daysAgo(10),
      endedOn: "",
    }),
  },
  {
    module: "mentoring",
    action: "endMentorshipAction",
    actor: "lead",
    poison: { mentorshipId: P.ref, endedOn: P.pastDate },
    valid: (w) => ({ mentorshipId: String(w.mentorship.id), endedOn: daysAgo(1) }),
  },
  {
    module: "impact",
    action: "ratingCommentConsentAction",
    actor: "guardianA",
    poison: { share: P.enum },
    valid: () => ({ share: "yes" }),
  },
  {
    module: "jobs",
    action: "retryJobAction",
    actor: "admin",
    poison: { queue: P.enum },
    valid: () => ({ queue: "daily-digest" }),
  },
  {
    module: "account",
    action: "endPersonSessionsAction",
    actor: "lead",
    poison: { id: P.ref },
    valid: (w) => ({ id: String(w.A.builder.id) }),
  },
  {
    module: "account",
    action: "clearSignInFailuresAction",
    actor: "admin",
    poison: { id: P.ref },
    valid: (w) => ({ id: String(w.A.builder.id) }),
  },
  {
    module: "links",
    action: "invitePersonAction",
    actor: "lead",
    poison: { id: P.ref },
    valid: (w) => ({ id: String(w.A.builder.id), again: "" }),
  },
  {
    module: "links",
    action: "inviteBatchAction",
    actor: "lead",
    poison: {
      after: fc.oneof(
        oddId,
        fc.constantFrom("0", "-1", "1.5", "abc", SCRIPT),
        notANumber.filter((v) => v.trim() !== ""),
      ),
    },
    valid: (w) => ({ org: String(w.A.org.id), after: "1", again: "" }),
  },
  {
    module: "links",
    action: "requestPasswordResetAction",
    actor: "guardianA",
    // Any well-formed address is answered the same way (no account discovery): only malformed ones fail.
    poison: { email: P.email.filter((e) => e !== "nobody@example.invalid") },
    valid: (w) => ({ email: w.A.builder.email }),
  },
  {
    module: "links",
    action: "setPasswordAction",
    actor: "guardianA",
    poison: {
      token: fc.oneof(
        fc.string({ maxLength: 100 }),
        fc.constantFrom("", SCRIPT, "x".repeat(101), MISSING),
      ),
      password: fc.constantFrom("", "short", "password1234", "x".repeat(401), MISSING),
      confirm: fc.constantFrom("", "quiet meadow compass 3", SCRIPT, MISSING),
    },
    valid: () => ({
      token: linkToken,
      password: "quiet meadow compass 2",
      confirm: "quiet meadow compass 2",
    }),
  },
  // Slack and Teams channels: none exists in the world, so no post is ever attempted.
  {
    module: "channels",
    action: "saveChannelAction",
    actor: "lead",
    poison: {
      orgId: P.ref,
      tool: P.enum,
      url: fc.oneof(
        P.text(1, 2048),
        fc.constantFrom(
          "https://evil.test/services/T1/B1/x",
          "http://127.0.0.1/services/T1/B1/x",
          "http://169.254.169.254/latest/meta-data/",
          "https://contoso.webhook.office.com/webhookb2/x",
          "javascript:alert(1)",
        ),
      ),
    },
    valid: (w) => ({
      orgId: String(w.A.org.id),
      tool: "SLACK",
      url: "https://hooks.slack.com/services/T1/B1/x",
      "event-BELT_AWARDED": "on",
    }),
  },
  ...(["removeChannelAction", "sendTestMessageAction"] as const).map((action) => ({
    module: "channels" as const,
    action,
    actor: "lead" as const,
    poison: { orgId: P.ref, tool: P.enum },
    valid: (w: World) => ({ orgId: String(w.A.org.id), tool: "SLACK" }),
  })),
  {
    module: "channels",
    action: "retryPostAction",
    actor: "lead",
    poison: { postId: P.entryId },
    valid: () => ({ postId: "1" }),
  },
  {
    module: "sso",
    action: "addGroupMappingAction",
    actor: "admin",
    poison: { group: P.text(1, 200), role: P.enum },
    valid: () => ({ group: "appsec-champions", role: "BUILDER" }),
  },
  {
    module: "sso",
    action: "removeGroupMappingAction",
    actor: "admin",
    poison: { id: P.ref },
    valid: (w) => ({ id: String(w.groupMapping.id) }),
  },
  {
    module: "notifications",
    action: "markNotificationReadAction",
    actor: "guardianA",
    poison: { id: P.ref },
    valid: () => ({ id: "1" }),
  },
  {
    module: "notifications",
    action: "markAllNotificationsReadAction",
    actor: "guardianA",
    // Any well-formed id is a fine bound (nothing that new is read): only malformed ones fail.
    poison: {
      upTo: fc.oneof(
        notANumber,
        fc.constantFrom("", " ", "0", "-1", "1.5", "0x10", "1e1", " 1", "99999999999999999999"),
        fc.constant(evilFile),
        fc.constant(MISSING),
      ),
    },
    valid: () => ({ upTo: "1" }),
  },
  {
    module: "notifications",
    action: "saveNotificationPreferencesAction",
    actor: "guardianA",
    // Every kind is optional (left out: unchanged), so a poison is a value, never a gap.
    poison: {
      BELT_AWARDED: P.enum.filter((v) => v !== MISSING),
      HOURS_REMINDER: fc.oneof(
        fc.constant("DIGEST"),
        P.enum.filter((v) => v !== MISSING),
      ),
    },
    valid: () => ({ BELT_AWARDED: "OFF", HOURS_REMINDER: "OFF" }),
  },
  {
    module: "notifications",
    action: "unsubscribeAction",
    actor: "guardianA",
    poison: {
      token: fc.oneof(
        fc.string({ maxLength: 100 }),
        fc.constantFrom("", SCRIPT, "x".repeat(201), MISSING),
        // Signed with another secret, or a good signature on someone else's id.
        fc.constant(signUnsubscribe("not the app's", { userId: 1, scope: { digest: true } })),
        fc
          .integer({ min: 1, max: 1_000 })
          .map((id) =>
            signUnsubscribe(unsubscribeSecret(), { userId: id, scope: { digest: true } }).replace(
              /^\d+/,
              String(id + 1_000_000),
            ),
          ),
      ),
    },
    valid: (w) => ({
      token: signUnsubscribe(unsubscribeSecret(), {
        userId: w.A.builder.id,
        scope: { digest: true },
      }),
    }),
  },
];

/** One post: one poisoned field; every other known field valid, hostile or missing; junk keys on top. */
function posts(c: FuzzCase, w: World) {
  const valid = c.valid(w);
  const keys = [...new Set([...Object.keys(valid), ...Object.keys(c.poison)])];
  return fc
    .constantFrom(...Object.keys(c.poison))
    .chain((poisoned) =>
      fc.record({
        poisoned: fc.constant(poisoned),
        value: c.poison[poisoned],
        others: fc.record(
          Object.fromEntries(
            keys
              .filter((k) => k !== poisoned)
              .map((k) => [
                k,
                fc.oneof(
                  { weight: 2, arbitrary: fc.constant(valid[k]) },
                  { weight: 1, arbitrary: hostile },
                ),
              ]),
          ),
        ),
        junk: fc.dictionary(
          fc.oneof(
            fc.string(),
            fc.constantFrom("__proto__", "constructor", "$where", "id[]", "teamId"),
          ),
          hostile,
          { maxKeys: 3 },
        ),
      }),
    )
    .map(({ poisoned, value, others, junk }) => {
      // Junk first: a known key sent twice counts once, with the last value (Object.fromEntries).
      const form = formData(junk as Record<string, string | File | undefined>);
      for (const [k, v] of Object.entries({ ...others, [poisoned]: value })) {
        form.delete(k);
        if (v !== undefined) form.append(k, v);
      }
      // fast-check prints counterexamples with this.
      return {
        poisoned,
        form,
        [fc.toStringMethod]: () => `poisoned ${poisoned}: ${describeForm(form)}`,
      };
    });
}

const describeForm = (form: FormData) =>
  JSON.stringify(
    [...form.entries()].map(([k, v]) => [
      k,
      typeof v === "string"
        ? v.length > 80
          ? `${v.slice(0, 80)}…(${v.length})`
          : v
        : `File(${v.name})`,
    ]),
  );

const PASSWORD = "quiet meadow compass";
let world: World;
/** A working set-password link (of organisation A's builder), for setPasswordAction. */
let linkToken = "";
beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  await db.user.update({
    where: { id: world.users.guardianA.id },
    data: { passwordHash: await hash(PASSWORD) },
  });
  const link = newLinkToken();
  linkToken = link.token;
  await db.signInLink.create({
    data: {
      userId: world.A.builder.id,
      kind: "INVITATION",
      tokenHash: link.tokenHash,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
});

describe("server actions refuse hostile posts and write nothing", () => {
  it("every exported action is fuzzed (reevaluate, checkOwnBelts and endMyOtherSessions have no fields)", () => {
    const exported = Object.entries(MODULES).flatMap(([m, mod]) =>
      Object.keys(mod).map((name) => `${m}.${name}`),
    );
    const covered = new Set([
      ...CASES.map((c) => `${c.module}.${c.action}`),
      "belts.reevaluateAction",
      "belts.checkOwnBeltsAction",
      "account.endMyOtherSessionsAction",
    ]);
    expect(exported.filter((e) => !covered.has(e))).toEqual([]);
  });

  it("every module of server actions in the app is fuzzed", () => {
    const imported = new Set(
      [...SOURCE.matchAll(/^import \* as \w+ from "@\/(lib\/server\/[\w/-]+)";$/gm)].map(
        (m) => m[1],
      ),
    );
    expect(serverActionModules().filter((f) => !imported.has(f))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.module}.${c.action.replace(/Action$/, "")} as ${c.actor}`, async () => {
      actAs(world.users[c.actor].id);
      const action = (MODULES[c.module] as unknown as Record<string, ServerAction>)[c.action];
      const baseline = await fingerprint();
      await fc.assert(
        fc.asyncProperty(posts(c, world), async ({ poisoned, form }) => {
          const outcome = await invoke(action, form);
          const where = `poisoned ${poisoned}: ${describeForm(form)}`;
          expect(outcome.kind, `${where} → ${JSON.stringify(outcome)}`).toBe("error");
          if (outcome.kind !== "error") return;
          expect(outcome.state.message, where).toBeTruthy();
          expect(outcome.state.message, where).not.toMatch(/Something went wrong/);
          for (const m of messagesOf(outcome.state))
            expect(m, where).not.toMatch(/<script|onerror=/i);
          expect(changedTables(baseline, await fingerprint()), where).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("belts.reevaluate takes no fields: hostile posts are ignored, and a second run awards nothing new", async () => {
    actAs(world.users.lead.id);
    const first = await invoke(belts.reevaluateAction, formData({}));
    expect(first.kind).toBe("ok");
    const baseline = await fingerprint();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.oneof(fc.string(), fc.constantFrom("__proto__", "belt", "userId")),
          hostile,
          { maxKeys: 4 },
        ),
        async (junk) => {
          const outcome = await invoke(
            belts.reevaluateAction,
            formData(junk as Record<string, string | File | undefined>),
          );
          expect(outcome).toEqual({
            kind: "ok",
            state: { status: "ok", message: "Everyone re-evaluated: 0 new belts." },
          });
          expect(changedTables(baseline, await fingerprint())).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("server actions refuse a body that is not form data", () => {
  // A crafted request with the Next-Action header can send JSON or plain text; Next.js then hands
  // the action whatever it decoded. Entries (a list of pairs, URLSearchParams) are not a form either.
  const BODIES: [string, unknown][] = [
    ["a string", "hours=1.5&type=REVIEW"],
    ["a JSON object", { id: "1", hours: 1.5, date: daysAgo(1), type: "REVIEW" }],
    ["a list of entries", [["id", "1"]]],
    ["URLSearchParams", new URLSearchParams("id=1")],
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
  ];
  const ALL = Object.entries(MODULES).flatMap(([m, mod]) =>
    Object.entries(mod as unknown as Record<string, ServerAction>).map(
      ([name, action]) => [`${m}.${name}`, action] as const,
    ),
  );

  it("answers each with a validation error on the form, writes nothing, and never fails", async () => {
    actAs(world.users.admin.id);
    const baseline = await fingerprint();
    for (const [name, action] of ALL)
      for (const [what, body] of BODIES) {
        const outcome = await invoke(action, body as FormData);
        expect(outcome, `${name} with ${what}`).toEqual({
          kind: "error",
          state: {
            status: "error",
            message: "Send the form's fields as form data.",
            fieldErrors: { form: ["Send the form's fields as form data."] },
          },
        });
      }
    expect(changedTables(baseline, await fingerprint())).toEqual([]);
  });
});

describe("POST /api/activities refuses hostile JSON and writes nothing", () => {
  it("answers 4xx with a JSON error for any malformed body", async () => {
    actAs(world.users.guardianA.id);
    const baseline = await fingerprint();
    const body = fc.oneof(
      fc.string(),
      fc.constantFrom("", "null", "[]", "{", SCRIPT, "\u0000"),
      fc
        .record({
          date: fc.oneof(
            fc.constant(daysAgo(2)),
            hostile.filter((v) => typeof v !== "object"),
          ),
          hours: fc.oneof(
            fc.constantFrom(0, -1, 25, 0.3, Number.MAX_VALUE, "1.5x"),
            fc.double().filter((h) => !(h > 0 && h <= 24 && Number.isInteger(h * 4))),
          ),
          type: fc.oneof(fc.constant("REVIEW"), fc.string()),
          idempotencyKey: fc.oneof(fc.uuid(), fc.string()),
        })
        .map((o) => JSON.stringify(o)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const res = await postActivity(jsonPost("/api/activities", text));
        const answer = await res.text();
        expect(
          res.status,
          `${text.slice(0, 200)} → ${answer.slice(0, 200)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(answer).not.toMatch(/<script/i);
        expect(changedTables(baseline, await fingerprint())).toEqual([]);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe("a NUL character, which PostgreSQL text cannot hold, is refused on its field", () => {
  it("in an otherwise valid form: a field message, nothing written", async () => {
    actAs(world.users.guardianA.id);
    const baseline = await fingerprint();
    const outcome = await invoke(
      activity.logActivityAction,
      formData({
        date: daysAgo(1),
        hours: "1.5",
        type: "REVIEW",
        note: "looked at\u0000 the diff",
        idempotencyKey: randomUUID(),
      }),
    );
    expect(outcome).toEqual({
      kind: "error",
      state: {
        status: "error",
        message: "Please correct the highlighted fields.",
        fieldErrors: { note: ["Remove the invisible control character (NUL) from this field."] },
      },
    });
    actAs(world.users.lead.id);
    const release = await invoke(
      releases.createReleaseAction,
      formData({
        team: world.A.team.name,
        name: "Cards\u0000 v2",
        startedOn: daysAgo(10),
        releasedOn: "",
        reviewKey: "",
      }),
    );
    expect(release.kind === "error" && release.state.fieldErrors?.name).toEqual([
      "Remove the invisible control character (NUL) from this field.",
    ]);
    expect(changedTables(baseline, await fingerprint())).toEqual([]);
  });

  it("in the JSON API: 422 naming the field, nothing written", async () => {
    actAs(world.users.guardianA.id);
    const baseline = await fingerprint();
    const res = await postActivity(
      jsonPost(
        "/api/activities",
        JSON.stringify({
          date: daysAgo(1),
          hours: 1,
          type: "REVIEW",
          note: "a\u0000b",
          idempotencyKey: randomUUID(),
        }),
      ),
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: "Invalid input",
      code: "invalid_input",
      issues: [
        { path: "note", message: "Remove the invisible control character (NUL) from this field." },
      ],
    });
    expect(changedTables(baseline, await fingerprint())).toEqual([]);
  });
});
