// Every server action and API route, called as each role of two organisations, against an
// expected table written out below (not derived from lib/auth/permissions.ts, so a change of
// the permission table or of a service's scoping shows up here as a failure).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as activity from "@/lib/server/activity/actions";
import * as agreedTime from "@/lib/server/agreed-time/actions";
import * as belts from "@/lib/server/belts/actions";
import * as directory from "@/lib/server/directory/actions";
import * as events from "@/lib/server/events/actions";
import * as impact from "@/lib/server/impact/actions";
import * as fastTrack from "@/lib/server/fast-track/actions";
import * as identity from "@/lib/server/identity/sso-actions";
import * as mentoring from "@/lib/server/mentoring/actions";
import * as newsletters from "@/lib/server/newsletters/actions";
import * as nominations from "@/lib/server/nominations/actions";
import * as program from "@/lib/server/program/actions";
import * as recognition from "@/lib/server/recognition/actions";
import * as releases from "@/lib/server/releases/actions";
import * as reviews from "@/lib/server/reviews/actions";
import * as runbook from "@/lib/server/runbook/actions";
import * as surveys from "@/lib/server/surveys/actions";
import * as threatModels from "@/lib/server/threat-models/actions";
import * as training from "@/lib/server/training/actions";
import { POST as postActivity } from "@/app/api/activities/route";
import { GET as getExport } from "@/app/api/transfer/export/[file]/route";
import { GET as getMetrics } from "@/app/api/metrics/[family]/route";
import { GET as getAgreedTimeCsv } from "@/app/api/metrics/agreed-time/route";
import { GET as getComparisonCsv } from "@/app/api/metrics/compare/route";
import { GET as getOverviewCsv } from "@/app/api/metrics/overview/route";
import { GET as getRiskCsv } from "@/app/api/metrics/risk/route";
import { POST as postImport } from "@/app/api/transfer/import/route";
import { db } from "@/lib/db/client";
import { resetDatabase } from "../setup/db";
import {
  ACTORS,
  actAs,
  buildWorld,
  changedTables,
  daysAgo,
  fingerprint,
  formData,
  invoke,
  rowCount,
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

const MODULES = {
  activity,
  agreedTime,
  belts,
  directory,
  fastTrack,
  events,
  identity,
  impact,
  mentoring,
  newsletters,
  nominations,
  program,
  recognition,
  releases,
  reviews,
  runbook,
  surveys,
  threatModels,
  training,
} as const;
type ModuleName = keyof typeof MODULES;

// Y = allowed (answers ok or redirects, and writes); P = refused for want of the permission
// ("You do not have permission…"); N = refused as not visible (another organisation's record,
// someone else's entry: "does not exist or is not visible to you" and its kin).
type Mark = "Y" | "P" | "N";
type Case = {
  module: ModuleName;
  action: string;
  variant?: string;
  /** admin lead secEng | guardian manager builder of org A | guardian manager builder of org B */
  expect: string;
  form: (w: World) => Record<string, string>;
  /** Tables an allowed call must change (the audit log is always checked too); [] = a read-only answer. */
  writes: string[];
};

const CASES: Case[] = [
  // Columns of `expect`: admin lead securityEngineer | guardianA managerA builderA | guardianB
  // managerB builderB
  // Hours: only the person's own entries; links only to reviews they can see.
  {
    module: "activity",
    action: "logActivityAction",
    expect: "P P Y | Y P Y | N P N",
    writes: ["ActivityEntry", "ActivityEntryVersion"],
    form: (w) => ({
      date: daysAgo(19),
      hours: "1.5",
      type: "REVIEW",
      link: `review:${w.reviews.started.id}`,
      note: "Prepared the review",
      idempotencyKey: randomUUID(),
    }),
  },
  {
    module: "activity",
    action: "updateActivityAction",
    expect: "P P N | Y P N | N P N",
    writes: ["ActivityEntry", "ActivityEntryVersion"],
    form: (w) => ({
      id: String(w.activity.id),
      date: daysAgo(20),
      hours: "3",
      type: "DEEP_DIVE",
      link: "",
      note: "Deep dive on tokens",
    }),
  },
  {
    module: "activity",
    action: "deleteActivityAction",
    expect: "P P N | Y P N | N P N",
    writes: ["ActivityEntry", "ActivityEntryVersion"],
    form: (w) => ({ id: String(w.activity.id) }),
  },

  // Agreed time: the guardian's manager (their organisation) and leads record it.
  {
    module: "agreedTime",
    action: "recordTimeAgreementAction",
    expect: "Y Y P | P Y P | P N P",
    writes: ["TimeAgreement"],
    form: (w) => ({
      userId: String(w.A.guardian.id),
      basis: "hours",
      hours: "6",
      effectiveFrom: daysAgo(0).slice(0, 7),
      note: "Agreed at the check-in",
    }),
  },
  // The fast track (docs/fast-track.md): policies the lead's, the fast track guardian A's own
  // team's (another org's review answers as missing), spot checks the security engineers'.
  {
    module: "fastTrack",
    action: "saveFastTrackPolicyAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["FastTrackPolicy"],
    form: (w) => ({
      appliesTo: "team",
      team: w.A.team.key,
      minBelt: "YELLOW",
      spotCheckPercent: "10",
      checklist: "No new external endpoint\nNo new personal data",
      enabled: "on",
    }),
  },
  {
    module: "fastTrack",
    action: "fastTrackReviewAction",
    expect: "P P P | Y P P | N P P",
    writes: ["Review", "FastTrack"],
    form: (w) => ({ reviewId: String(w.reviews.requested.id), q0: "low-risk" }),
  },
  {
    module: "fastTrack",
    action: "spotCheckAction",
    expect: "P P Y | P P P | P P P",
    writes: ["FastTrack"],
    form: (w) => ({ reviewId: String(w.fastTrack.review.id), outcome: "PASSED" }),
  },
  {
    module: "fastTrack",
    action: "liftSuspensionAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["FastTrackSuspension"],
    form: (w) => ({ suspensionId: String(w.fastTrack.suspension.id) }),
  },

  // Belts: the lead's.
  {
    module: "belts",
    action: "beltRuleAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["BeltRule"],
    form: () => ({
      belt: "YELLOW",
      conditions: JSON.stringify([{ type: "previous-belt" }, { type: "reviews", min: 1 }]),
      intent: "save",
    }),
  },
  {
    module: "belts",
    action: "beltRuleAction",
    variant: "preview",
    expect: "Y Y P | P P P | P P P",
    writes: [],
    form: () => ({
      belt: "YELLOW",
      conditions: JSON.stringify([{ type: "previous-belt" }]),
      intent: "preview",
    }),
  },
  {
    module: "belts",
    action: "reevaluateAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["BeltAward"],
    form: () => ({}),
  },
  {
    module: "belts",
    action: "revokeBeltAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["BeltAward"],
    form: (w) => ({ awardId: String(w.award.id), reason: "Awarded by mistake" }),
  },

  // Directory: the lead's.
  {
    module: "directory",
    action: "saveTeamAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Team"],
    form: (w) => ({
      id: String(w.A.team.id),
      name: "Payments Core Renamed",
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
    expect: "Y Y P | P P P | P P P",
    writes: ["Org"],
    form: (w) => ({
      id: String(w.A.sub.id),
      name: "Payments / Cards",
      parentId: String(w.A.org.id),
      leaderEmail: "",
      recipients: "cards@example.test",
    }),
  },
  // People: the admin's and the lead's (only an admin grants the Admin role: people.test.ts).
  {
    module: "directory",
    action: "createPersonAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["User"],
    form: (w) => ({
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
    expect: "Y Y P | P P P | P P P",
    writes: ["User"],
    form: (w) => ({
      id: String(w.A.builder.id),
      name: "Renamed Builder",
      "role-BUILDER": "on",
      "role-MANAGER": "on",
      orgId: String(w.A.sub.id),
      teamId: String(w.A.team.id),
    }),
  },
  {
    module: "directory",
    action: "changePersonStatusAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["User"],
    form: (w) => ({ id: String(w.A.builder.id), change: "deactivate" }),
  },

  // Newsletters: the lead's.
  {
    module: "newsletters",
    action: "generateDraftAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Newsletter"],
    form: (w) => ({ orgId: String(w.A.org.id), quarter: "2025-Q3" }),
  },
  {
    module: "newsletters",
    action: "generateAllAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Newsletter"],
    form: () => ({ quarter: "2025-Q3" }),
  },
  {
    module: "newsletters",
    action: "updateDraftAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Newsletter"],
    form: (w) => ({
      id: String(w.draft.id),
      intro: "A strong quarter.",
      highlights: "Three new guardians.",
    }),
  },
  {
    module: "newsletters",
    action: "publishAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Newsletter", "NewsletterDelivery"],
    form: (w) => ({ id: String(w.draft.id) }),
  },
  {
    module: "newsletters",
    action: "deliverAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["NewsletterDelivery"],
    form: (w) => ({ id: String(w.published.id) }),
  },

  // Nominations: anyone of the team's organisation nominates (not the security engineer), the lead decides,
  // the guardian themself or the lead records a step-down.
  {
    module: "nominations",
    action: "nominateAction",
    expect: "Y Y P | Y Y Y | N N N",
    writes: ["GuardianMembership", "GuardianStatusChange"],
    form: (w) => ({
      teamId: String(w.A.team.id),
      email: w.candidate.email,
      reason: "Asks the right questions in design reviews",
    }),
  },
  {
    module: "nominations",
    action: "decideNominationAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["GuardianMembership", "GuardianStatusChange"],
    form: (w) => ({ membershipId: String(w.nomination.id), decision: "approve", note: "Welcome" }),
  },
  {
    module: "nominations",
    action: "stepDownAction",
    expect: "Y Y N | Y N N | N N N",
    writes: ["GuardianMembership", "GuardianStatusChange"],
    form: (w) => ({ membershipId: String(w.A.membership.id), note: "Moving teams" }),
  },

  // Program, goals and runbook: the lead's.
  {
    module: "program",
    action: "updateProgramAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Program"],
    form: () => ({
      name: "Guardians",
      vision: "Security ownership everywhere.",
      mission: "Train, empower and recognise guardians.",
    }),
  },
  {
    module: "program",
    action: "saveGoalAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Goal"],
    form: (w) => ({
      id: String(w.goal.id),
      title: "Train 4 new guardians a quarter",
      metric: "NEW_GUARDIANS",
      target: "4",
      period: "QUARTER",
      higherIsBetter: "higher",
    }),
  },
  {
    module: "program",
    action: "deleteGoalAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Goal"],
    form: (w) => ({ id: String(w.goal.id) }),
  },
  {
    module: "runbook",
    action: "saveRunbookItemAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["RunbookItem"],
    form: () => ({ id: "", label: "Secrets scanned" }),
  },
  {
    module: "runbook",
    action: "changeRunbookItemAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["RunbookItem"],
    form: (w) => ({ id: String(w.runbook[1].id), change: "up" }),
  },

  // Recognition: the lead everywhere, a manager in the organisations they lead.
  {
    module: "recognition",
    action: "giveRecognitionAction",
    expect: "Y Y P | P Y P | P N P",
    writes: ["Recognition"],
    form: (w) => ({
      recipientId: String(w.A.guardian.id),
      kind: "KUDOS",
      title: "Great catch",
      reason: "Found the IDOR before the release",
    }),
  },
  // Hiding oneself from recognition: anyone, for themself only (there is no one else's switch).
  {
    module: "recognition",
    action: "recognitionVisibilityAction",
    expect: "Y Y Y | Y Y Y | Y Y Y",
    writes: ["User"],
    form: () => ({ hide: "yes" }),
  },

  // Releases: whoever may request reviews for the team's organisation.
  {
    module: "releases",
    action: "createReleaseAction",
    expect: "Y Y P | Y Y Y | N N N",
    writes: ["Release"],
    form: (w) => ({
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
    expect: "Y Y P | Y Y Y | N N N",
    writes: ["Release"],
    form: (w) => ({
      id: String(w.release.id),
      name: "Cards v1",
      startedOn: daysAgo(60),
      releasedOn: daysAgo(1),
      reviewKey: w.reviews.started.key,
    }),
  },

  // Reviews: requested by the team's organisation, run by security engineers and the lead; only
  // engineers rate.
  {
    module: "reviews",
    action: "requestReviewAction",
    expect: "Y Y P | Y Y Y | N N N",
    writes: ["Review"],
    form: (w) => ({ team: w.A.team.name, service: "Refunds API", requestedOn: daysAgo(2) }),
  },
  {
    module: "reviews",
    action: "startReviewAction",
    expect: "Y Y Y | P P P | P P P",
    writes: ["Review"],
    form: (w) => ({
      reviewId: String(w.reviews.requested.id),
      securityEngineerId: String(w.users.securityEngineer.id),
    }),
  },
  {
    module: "reviews",
    action: "addParticipantAction",
    expect: "Y Y Y | P P P | P P P",
    writes: ["ReviewParticipant", "Review"],
    form: (w) => ({
      reviewId: String(w.reviews.started.id),
      email: w.A.builder.email,
      effortHours: "2",
    }),
  },
  {
    module: "reviews",
    action: "checklistAction",
    expect: "Y Y Y | P P P | P P P",
    writes: ["ReviewChecklistItem"],
    form: (w) => ({
      reviewId: String(w.reviews.started.id),
      itemId: String(w.checklistItem.id),
      done: "true",
    }),
  },
  {
    module: "reviews",
    action: "addFindingAction",
    expect: "Y Y Y | P P P | P P P",
    writes: ["Finding"],
    form: (w) => ({
      reviewId: String(w.reviews.started.id),
      title: "Verbose errors",
      severity: "LOW",
      openedOn: daysAgo(3),
    }),
  },
  {
    module: "reviews",
    action: "findingStatusAction",
    expect: "Y Y Y | P P P | P P P",
    writes: ["Finding"],
    form: (w) => ({
      reviewId: String(w.reviews.started.id),
      findingId: String(w.finding.id),
      status: "MITIGATED",
      closedOn: daysAgo(1),
    }),
  },
  {
    module: "reviews",
    action: "completeReviewAction",
    expect: "Y Y Y | P P P | P P P",
    writes: ["Review"],
    form: (w) => ({
      reviewId: String(w.reviews.started.id),
      outcome: "APPROVED_WITH_FINDINGS",
      completedOn: "",
    }),
  },
  {
    module: "reviews",
    action: "rateGuardianAction",
    expect: "P P Y | P P P | P P P",
    writes: ["Feedback"],
    form: (w) => ({
      reviewId: String(w.reviews.completed.id),
      guardianId: String(w.A.guardian.id),
      rating: "4",
      comment: "Well prepared",
    }),
  },

  // Threat models: written by engineers, the lead and the team organisation's guardians; approved
  // by engineers and the lead.
  {
    module: "threatModels",
    action: "createThreatModelAction",
    expect: "Y Y Y | Y P P | N P P",
    writes: ["ThreatModel", "ThreatModelAuthor"],
    form: (w) => ({ team: w.A.team.key, system: "Refund engine" }),
  },
  {
    module: "threatModels",
    action: "saveThreatAction",
    expect: "Y Y Y | Y P P | N P P",
    writes: ["Threat"],
    form: (w) => ({
      threatModelId: String(w.threatModels.draft.id),
      threatId: "",
      title: "Replay of refund requests",
      category: "TAMPERING",
      severity: "MEDIUM",
      mitigation: "Idempotency keys",
      mitigationStatus: "PLANNED",
    }),
  },
  {
    module: "threatModels",
    action: "saveThreatAction",
    variant: "edit a threat",
    expect: "Y Y Y | Y P P | N P P",
    writes: ["Threat"],
    form: (w) => ({
      threatModelId: String(w.threatModels.draft.id),
      threatId: String(w.draftThreat.id),
      title: "Token replay",
      category: "SPOOFING",
      severity: "CRITICAL",
      mitigation: "Nonce and 60 s expiry",
      mitigationStatus: "PLANNED",
    }),
  },
  {
    module: "threatModels",
    action: "addAuthorAction",
    expect: "Y Y Y | Y P P | N P P",
    writes: ["ThreatModelAuthor"],
    form: (w) => ({ threatModelId: String(w.threatModels.draft.id), email: w.A.builder.email }),
  },
  {
    module: "threatModels",
    action: "submitAction",
    expect: "Y Y Y | Y P P | N P P",
    writes: ["ThreatModel"],
    form: (w) => ({ threatModelId: String(w.threatModels.draft.id) }),
  },
  {
    module: "threatModels",
    action: "decideAction",
    expect: "Y Y Y | P P P | P P P",
    writes: ["ThreatModel"],
    form: (w) => ({
      threatModelId: String(w.threatModels.inReview.id),
      decision: "approve",
      comment: "Solid",
      acceptUndocumented: "",
    }),
  },
  {
    module: "threatModels",
    action: "commentAction",
    expect: "Y Y Y | P P P | P P P",
    writes: ["ThreatModelComment"],
    form: (w) => ({
      threatModelId: String(w.threatModels.inReview.id),
      body: "Consider rate limits",
    }),
  },
  {
    module: "threatModels",
    action: "rateAuthorAction",
    expect: "P P Y | P P P | P P P",
    writes: ["Feedback"],
    form: (w) => ({
      threatModelId: String(w.threatModels.approved.id),
      guardianId: String(w.A.guardian.id),
      rating: "5",
    }),
  },

  // Single sign-on's groups-to-roles table: the admin's alone (a mapping can grant Admin).
  {
    module: "identity",
    action: "addGroupMappingAction",
    expect: "Y P P | P P P | P P P",
    writes: ["GroupRoleMapping"],
    form: () => ({ group: "appsec-team", role: "SECURITY_ENGINEER" }),
  },
  {
    module: "identity",
    action: "removeGroupMappingAction",
    expect: "Y P P | P P P | P P P",
    writes: ["GroupRoleMapping"],
    form: (w) => ({ id: String(w.groupMapping.id) }),
  },

  // Training: completions for oneself (guardians, builders; the lead for anyone); the catalogue is
  // the lead's.
  {
    module: "training",
    action: "recordCompletionAction",
    variant: "for guardian A",
    expect: "Y Y P | Y P N | N P N",
    writes: ["CourseCompletion"],
    form: (w) => ({
      courseId: String(w.course.id),
      completedOn: daysAgo(3),
      evidenceUrl: "",
      email: w.A.guardian.email,
    }),
  },
  {
    module: "training",
    action: "recordCompletionAction",
    variant: "own",
    expect: "Y Y P | Y P Y | Y P Y",
    writes: ["CourseCompletion"],
    form: (w) => ({
      courseId: String(w.course.id),
      completedOn: daysAgo(3),
      evidenceUrl: "https://example.test/cert",
      email: "",
    }),
  },
  {
    module: "training",
    action: "saveCourseAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Course"],
    form: (w) => ({
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
    expect: "Y Y P | P P P | P P P",
    writes: ["Course"],
    form: (w) => ({ id: String(w.course.id), change: "retire" }),
  },

  // Surveys: the lead's to write, open, close and delete; everyone answers one for everyone.
  {
    module: "surveys",
    action: "saveSurveyAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Survey", "SurveyQuestion"],
    form: () => ({
      id: "",
      title: "Winter pulse",
      orgId: "",
      closesOn: daysAgo(-20),
      questions: JSON.stringify([{ kind: "TEXT", text: "What should change?" }]),
    }),
  },
  {
    module: "surveys",
    action: "openSurveyAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Survey"],
    form: (w) => ({ surveyId: String(w.surveys.draft.id) }),
  },
  {
    module: "surveys",
    action: "deleteDraftSurveyAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Survey", "SurveyQuestion"],
    form: (w) => ({ surveyId: String(w.surveys.draft.id) }),
  },
  {
    module: "surveys",
    action: "closeSurveyAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Survey"],
    form: (w) => ({ surveyId: String(w.surveys.open.id) }),
  },
  {
    module: "surveys",
    action: "answerSurveyAction",
    expect: "Y Y Y | Y Y Y | Y Y Y",
    writes: ["SurveyResponse", "SurveyAnswer"],
    form: (w) => ({
      surveyId: String(w.surveys.open.id),
      [`q${w.surveys.open.questions[0].id}`]: "4",
    }),
  },

  // Events: the lead's to plan, cancel and take attendance at; people of the event's audience
  // (organisation A and its sub-orgs) register and give up their own places.
  {
    module: "events",
    action: "saveEventAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Event"],
    form: () => ({
      id: "",
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
  {
    module: "events",
    action: "cancelEventAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Event"],
    form: (w) => ({ eventId: String(w.events.open.id) }),
  },
  {
    module: "events",
    action: "registerForEventAction",
    expect: "N N N | Y Y Y | N N N",
    writes: ["EventRegistration"],
    form: (w) => ({ eventId: String(w.events.open.id) }),
  },
  {
    module: "events",
    action: "unregisterFromEventAction",
    expect: "N N N | Y Y Y | N N N",
    writes: ["EventRegistration"],
    form: (w) => ({ eventId: String(w.events.held.id) }),
  },
  {
    module: "events",
    action: "recordAttendanceAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["EventRegistration", "ActivityEntry", "ActivityEntryVersion"],
    form: (w) => ({
      eventId: String(w.events.past.id),
      [`attended-${w.events.past.registrations[0].id}`]: "on",
    }),
  },

  // Mentoring: recorded and ended by leads, for guardians of any organisation.
  {
    module: "mentoring",
    action: "recordMentorshipAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Mentorship"],
    form: (w) => ({
      mentorId: String(w.A.guardian.id),
      menteeEmail: w.B.guardian.email,
      startedOn: daysAgo(10),
      endedOn: "",
    }),
  },
  {
    module: "mentoring",
    action: "endMentorshipAction",
    expect: "Y Y P | P P P | P P P",
    writes: ["Mentorship"],
    form: (w) => ({ mentorshipId: String(w.mentorship.id), endedOn: daysAgo(1) }),
  },

  // Sharing one's rating comments in one's impact statement: everyone decides for themselves.
  {
    module: "impact",
    action: "ratingCommentConsentAction",
    expect: "Y Y Y | Y Y Y | Y Y Y",
    writes: ["User"],
    form: () => ({ share: "yes" }),
  },
];

const LABEL: Record<ActorKey, string> = {
  admin: "admin",
  lead: "program lead",
  securityEngineer: "security engineer",
  guardianA: "guardian of org A",
  managerA: "manager of org A",
  builderA: "builder of org A",
  guardianB: "guardian of org B",
  managerB: "manager of org B",
  builderB: "builder of org B",
};
const VERDICT: Record<Mark, string> = {
  Y: "allow",
  P: "deny (no permission)",
  N: "deny (not visible)",
};
const NOT_VISIBLE =
  /does not exist or is not visible to you\.$|is visible to you\.$|organisation you can see\.$/;

function marks(row: string): Record<ActorKey, Mark> {
  const cells = row.replace(/\|/g, " ").trim().split(/\s+/);
  if (cells.length !== ACTORS.length || cells.some((c) => !/^[YPN]$/.test(c)))
    throw new Error(`Bad expectation row: ${row}`);
  return Object.fromEntries(ACTORS.map((a, i) => [a, cells[i] as Mark])) as Record<ActorKey, Mark>;
}

// The world is rebuilt only after something wrote to it: refusals leave it as it was.
let world: World | null = null;
async function freshWorld(): Promise<World> {
  if (!world) {
    await resetDatabase();
    world = await buildWorld();
  }
  return world;
}

/** Runs `call` and compares the database around it; the world is kept only when nothing changed. */
async function observe<T>(w: World, call: () => Promise<T>) {
  const before = await fingerprint();
  world = null;
  const result = await call();
  const after = await fingerprint();
  const changed = changedTables(before, after);
  if (changed.length === 0) world = w;
  return { result, before, after, changed };
}

const caseName = (c: Case) =>
  `${c.module}.${c.action.replace(/Action$/, "")}${c.variant ? ` (${c.variant})` : ""}`;

describe("every exported server action is in the matrix", () => {
  it("has a case for each export of lib/server/*/actions.ts", () => {
    const exported = Object.entries(MODULES).flatMap(([m, mod]) =>
      Object.entries(mod)
        .filter(([, v]) => typeof v === "function")
        .map(([name]) => `${m}.${name}`),
    );
    const covered = new Set(CASES.map((c) => `${c.module}.${c.action}`));
    // Takes no fields and acts only on the signed-in person's own belts, writing what their own
    // facts earn (which differs by person): who may call it is pinned in belt-expiry.test.ts.
    const elsewhere = new Set(["belts.checkOwnBeltsAction"]);
    expect(exported.filter((e) => !covered.has(e) && !elsewhere.has(e))).toEqual([]);
    expect([...covered].filter((c) => !exported.includes(c))).toEqual([]);
  });
});

// Modules of server actions whose rules are pinned elsewhere, each with where and why.
const PINNED_ELSEWHERE: Record<string, string> = {
  "lib/server/account/actions":
    "one's own password and sessions, and ending or unblocking others': sessions.test.ts, sign-in-blocks.test.ts",
  "lib/server/channels/actions":
    "chat channel settings: notifications/chat-channel-settings.test.ts",
  "lib/server/identity/link-actions": "invitations and resets: invitations-actions.test.ts",
  "lib/server/notifications/actions": "one's own inbox and settings: notifications/*.test.ts",
  "lib/server/jobs/actions":
    "retrying needs failed jobs in the queue: notifications/admin-jobs.test.ts",
};

describe("every module of server actions is in the matrix or pinned elsewhere", () => {
  it('names each module under lib/ that says "use server"', () => {
    const here = new Set(
      [
        ...readFileSync("tests/integration/authorization-matrix.test.ts", "utf8").matchAll(
          /^import \* as \w+ from "@\/(lib\/server\/[\w/-]+)";$/gm,
        ),
      ].map((m) => m[1]),
    );
    expect(serverActionModules().filter((f) => !here.has(f) && !PINNED_ELSEWHERE[f])).toEqual([]);
  });
});

describe("server actions as each role of two organisations", () => {
  for (const c of CASES) {
    const expected = marks(c.expect);
    const action = (MODULES[c.module] as unknown as Record<string, ServerAction>)[c.action];
    for (const actor of ACTORS) {
      const mark = expected[actor];
      it(`${caseName(c)} as ${LABEL[actor]} → ${VERDICT[mark]}`, async () => {
        const w = await freshWorld();
        actAs(w.users[actor].id);
        const { result, before, after, changed } = await observe(w, () =>
          invoke(action, formData(c.form(w))),
        );
        if (mark === "Y") {
          expect(result.kind === "ok" || result.kind === "redirect", JSON.stringify(result)).toBe(
            true,
          );
          if (c.writes.length === 0) {
            expect(changed).toEqual([]);
          } else {
            expect(rowCount(after, "AuditLog")).toBeGreaterThan(rowCount(before, "AuditLog"));
            for (const table of c.writes) expect(changed).toContain(table);
          }
        } else {
          if (mark === "P") {
            expect(result).toEqual({
              kind: "error",
              state: { status: "error", message: "You do not have permission to do that." },
            });
          } else if (result.kind !== "not-found") {
            // notFound() would do as well: the record answers as missing either way.
            expect(result.kind, JSON.stringify(result)).toBe("error");
            expect(result.kind === "error" && result.state.message).toMatch(NOT_VISIBLE);
          }
          expect(changed).toEqual([]);
        }
      });
    }
    it(`${caseName(c)} signed out → deny (session ended)`, async () => {
      const w = await freshWorld();
      actAs(null);
      const { result, changed } = await observe(w, () => invoke(action, formData(c.form(w))));
      expect(result).toEqual({
        kind: "error",
        state: { status: "error", message: "Your session has ended. Sign in again." },
      });
      expect(changed).toEqual([]);
    });
  }
});

describe("a deactivated person", () => {
  it("is signed out for every action, even as admin, and nothing is written", async () => {
    const w = await freshWorld();
    await db.user.update({ where: { id: w.users.admin.id }, data: { deactivatedAt: new Date() } });
    world = null; // rebuilt for the next test
    actAs(w.users.admin.id);
    for (const c of CASES) {
      const action = (MODULES[c.module] as unknown as Record<string, ServerAction>)[c.action];
      const before = await fingerprint();
      const result = await invoke(action, formData(c.form(w)));
      expect(result, caseName(c)).toEqual({
        kind: "error",
        state: { status: "error", message: "Your session has ended. Sign in again." },
      });
      expect(changedTables(before, await fingerprint()), caseName(c)).toEqual([]);
    }
  });
});

// ---- route handlers ----------------------------------------------------------------------

const ORIGIN = "http://localhost:3000";
const sameSite = { host: "localhost:3000", origin: ORIGIN };

type Route = {
  name: string;
  /** Status per actor, the last one signed out: admin lead secEng | gA mA bA | gB mB bB | nobody */
  expect: string;
  call: (w: World) => Promise<Response>;
  /** Tables a successful (2xx) call must change; [] = read-only. */
  writes: string[];
};

const ROUTES: Route[] = [
  {
    name: "POST /api/activities (hours linked to org A's review)",
    expect: "403 403 201 | 201 403 201 | 422 403 422 | 401",
    writes: ["ActivityEntry", "ActivityEntryVersion", "AuditLog"],
    call: (w) =>
      postActivity(
        new Request(`${ORIGIN}/api/activities`, {
          method: "POST",
          headers: { ...sameSite, "content-type": "application/json" },
          body: JSON.stringify({
            date: daysAgo(18),
            hours: 1,
            type: "REVIEW",
            link: `review:${w.reviews.started.id}`,
            idempotencyKey: randomUUID(),
          }),
        }),
      ),
  },
  {
    name: "POST /api/activities from another site",
    expect: "403 403 403 | 403 403 403 | 403 403 403 | 403",
    writes: [],
    call: () =>
      postActivity(
        new Request(`${ORIGIN}/api/activities`, {
          method: "POST",
          headers: {
            host: "localhost:3000",
            origin: "https://evil.example",
            "content-type": "application/json",
          },
          body: JSON.stringify({
            date: daysAgo(18),
            hours: 1,
            type: "QUESTION",
            idempotencyKey: randomUUID(),
          }),
        }),
      ),
  },
  {
    name: "GET /api/metrics/reviews (own scope)",
    expect: "200 200 200 | 403 200 403 | 403 200 403 | 401",
    writes: [],
    call: () =>
      getMetrics(new Request(`${ORIGIN}/api/metrics/reviews`), {
        params: Promise.resolve({ family: "reviews" }),
      }),
  },
  {
    name: "GET /api/metrics/reviews?org=A",
    expect: "200 200 200 | 403 200 403 | 403 404 403 | 401",
    writes: [],
    call: (w) =>
      getMetrics(new Request(`${ORIGIN}/api/metrics/reviews?org=${w.A.org.id}`), {
        params: Promise.resolve({ family: "reviews" }),
      }),
  },
  {
    name: "GET /api/metrics/findings?team=A",
    expect: "200 200 200 | 403 200 403 | 403 404 403 | 401",
    writes: [],
    call: (w) =>
      getMetrics(new Request(`${ORIGIN}/api/metrics/findings?team=${w.A.team.id}`), {
        params: Promise.resolve({ family: "findings" }),
      }),
  },
  {
    name: "GET /api/metrics/overview?org=A",
    expect: "200 200 200 | 403 200 403 | 403 404 403 | 401",
    writes: [],
    call: (w) => getOverviewCsv(new Request(`${ORIGIN}/api/metrics/overview?org=${w.A.org.id}`)),
  },
  {
    name: "GET /api/metrics/risk?org=A",
    expect: "200 200 200 | 403 200 403 | 403 404 403 | 401",
    writes: [],
    call: (w) => getRiskCsv(new Request(`${ORIGIN}/api/metrics/risk?org=${w.A.org.id}`)),
  },
  {
    name: "GET /api/metrics/compare?org=A",
    expect: "200 200 200 | 403 200 403 | 403 404 403 | 401",
    writes: [],
    call: (w) => getComparisonCsv(new Request(`${ORIGIN}/api/metrics/compare?org=${w.A.org.id}`)),
  },
  {
    name: "GET /api/metrics/agreed-time?org=A",
    expect: "200 200 200 | 403 200 403 | 403 404 403 | 401",
    writes: [],
    call: (w) =>
      getAgreedTimeCsv(new Request(`${ORIGIN}/api/metrics/agreed-time?org=${w.A.org.id}`)),
  },
  {
    name: "GET /api/transfer/export/people.csv",
    expect: "200 200 403 | 403 403 403 | 403 403 403 | 401",
    writes: [],
    call: () =>
      getExport(new Request(`${ORIGIN}/api/transfer/export/people.csv`), {
        params: Promise.resolve({ file: "people.csv" }),
      }),
  },
  {
    name: "POST /api/transfer/import (commit orgs.csv)",
    expect: "200 200 403 | 403 403 403 | 403 403 403 | 401",
    writes: ["Org", "AuditLog"],
    call: () =>
      postImport(
        new Request(`${ORIGIN}/api/transfer/import`, {
          method: "POST",
          headers: sameSite,
          body: importForm(),
        }),
      ),
  },
  {
    name: "POST /api/transfer/import from another site",
    expect: "403 403 403 | 403 403 403 | 403 403 403 | 403",
    writes: [],
    call: () =>
      postImport(
        new Request(`${ORIGIN}/api/transfer/import`, {
          method: "POST",
          headers: { host: "localhost:3000", origin: "https://evil.example" },
          body: importForm(),
        }),
      ),
  },
];

function importForm() {
  const form = new FormData();
  form.append("mode", "commit");
  form.append(
    "files",
    new File(["org,parent_org,leader_email\nimported-org,,\n"], "orgs.csv", { type: "text/csv" }),
  );
  return form;
}

describe("route handlers as each role, and signed out", () => {
  for (const r of ROUTES) {
    const codes = r.expect.replace(/\|/g, " ").trim().split(/\s+/).map(Number);
    if (codes.length !== ACTORS.length + 1) throw new Error(`Bad expectation row: ${r.expect}`);
    const who = [...ACTORS, null] as const;
    who.forEach((actor, i) => {
      const status = codes[i];
      it(`${r.name} as ${actor ? LABEL[actor] : "nobody (signed out)"} → ${status}`, async () => {
        const w = await freshWorld();
        actAs(actor ? w.users[actor].id : null);
        const { result: res, changed } = await observe(w, async () => {
          const response = await r.call(w);
          // Read the body so a streamed export finishes and releases its connection.
          return { status: response.status, body: await response.text() };
        });
        expect(res.status, res.body.slice(0, 300)).toBe(status);
        if (status < 300 && r.writes.length)
          for (const table of r.writes) expect(changed).toContain(table);
        else expect(changed).toEqual([]);
        if (status === 200 && r.name.startsWith("GET"))
          expect(res.body.split("\n")[0]).toMatch(/,/);
      });
    });
  }
});
