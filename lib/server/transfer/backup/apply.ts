// Applies a planned program.json (and passwords.json) after the CSV files, in the import's
// transaction: sections in file order, so the records a section names exist by then.
// No "server-only" here: the import CLI runs this under plain Node.
import type pg from "pg";
import type { Change } from "@/lib/transfer/backup/diff";
import { SECTION_NAMES, type SectionName } from "@/lib/transfer/backup/schema";
import type { BackupPlan } from "./plan";
import { writeActivityLinks } from "./write-activity";
import { writeAuditLog } from "./write-audit";
import { writeEvents } from "./write-events";
import {
  writeBeltAwards,
  writeBeltRules,
  writeMentorships,
  writeRecognitions,
  writeTimeAgreements,
} from "./write-belts";
import {
  writeFastTrackPolicies,
  writeFastTracks,
  writeFastTrackSuspensions,
} from "./write-fast-track";
import { writeMemberships, writeSurveys } from "./write-memberships";
import {
  writeCompletions,
  writeCourses,
  writeGoals,
  writeOrgs,
  writePasswords,
  writePeople,
  writeProgram,
  writeRunbook,
  writeTeams,
} from "./write-program";
import {
  writeComments,
  writeFeedbackDates,
  writeFindings,
  writeJiraDeliveries,
  writeJiraLinks,
  writeNewsletters,
  writeReviews,
  writeThreatModels,
  writeThreats,
} from "./write-work";

const WRITERS: { [S in SectionName]: (c: pg.ClientBase, changes: Change<S>[]) => Promise<void> } = {
  program: writeProgram,
  goals: writeGoals,
  runbook: writeRunbook,
  orgs: writeOrgs,
  teams: writeTeams,
  people: writePeople,
  courses: writeCourses,
  completions: writeCompletions,
  memberships: writeMemberships,
  reviews: writeReviews,
  findings: writeFindings,
  threatModels: writeThreatModels,
  threats: writeThreats,
  threatModelComments: writeComments,
  feedback: writeFeedbackDates,
  activityLinks: writeActivityLinks,
  jiraLinks: writeJiraLinks,
  jiraDeliveries: writeJiraDeliveries,
  surveys: writeSurveys,
  events: writeEvents,
  beltRules: writeBeltRules,
  beltAwards: writeBeltAwards,
  mentorships: writeMentorships,
  timeAgreements: writeTimeAgreements,
  recognitions: writeRecognitions,
  fastTrackPolicies: writeFastTrackPolicies,
  fastTracks: writeFastTracks,
  fastTrackSuspensions: writeFastTrackSuspensions,
  newsletters: writeNewsletters,
  auditLog: writeAuditLog,
  passwords: writePasswords,
};

export async function applyBackup(c: pg.ClientBase, plan: BackupPlan): Promise<void> {
  for (const s of SECTION_NAMES) {
    const changes = plan.changes[s];
    if (changes?.length)
      await (WRITERS[s] as (c: pg.ClientBase, changes: Change<SectionName>[]) => Promise<void>)(
        c,
        changes,
      );
  }
}
