// program.json: everything of the program that the 13 CSV files do not carry, one array per
// section. Pure: parsing and validation only, nothing here touches the database.
import { z } from "zod";
import * as fastTrack from "./schema-fast-track";
import * as people from "./schema-people";
import * as work from "./schema-work";
import { eventRow } from "./schema-events";
import { email, text } from "./fields";

export const BACKUP_FILE = "program.json";
export const PASSWORDS_FILE = "passwords.json";
export const BACKUP_FORMAT = "guardians-backup";
export const BACKUP_VERSION = 1;

/** Sections in the order they are written and applied (records first, then what points at them). */
export const SECTION_ROWS = {
  program: people.programRow,
  goals: people.goalRow,
  runbook: people.runbookRow,
  orgs: people.orgRow,
  teams: people.teamRow,
  people: people.personRow,
  courses: people.courseRow,
  completions: people.completionRow,
  memberships: people.membershipRow,
  reviews: work.reviewRow,
  findings: work.findingRow,
  threatModels: work.threatModelRow,
  threats: work.threatRow,
  threatModelComments: work.commentsRow,
  feedback: work.feedbackRow,
  activityLinks: work.activityLinkRow,
  jiraLinks: work.jiraLinkRow,
  jiraDeliveries: work.jiraDeliveryRow,
  surveys: work.surveyRow,
  events: eventRow,
  beltRules: people.beltRuleRow,
  beltAwards: people.beltAwardRow,
  mentorships: people.mentorshipRow,
  timeAgreements: people.timeAgreementRow,
  recognitions: people.recognitionRow,
  fastTrackPolicies: fastTrack.fastTrackPolicyRow,
  fastTracks: fastTrack.fastTrackRow,
  fastTrackSuspensions: fastTrack.fastTrackSuspensionRow,
  newsletters: work.newsletterRow,
  auditLog: work.auditRow,
  passwords: z.object({ email, passwordHash: text().min(1) }),
} as const;

export type SectionName = keyof typeof SECTION_ROWS;
export const SECTION_NAMES = Object.keys(SECTION_ROWS) as SectionName[];
export type SectionRow<S extends SectionName> = z.output<(typeof SECTION_ROWS)[S]>;
export type Sections = { [S in SectionName]: SectionRow<S>[] };

/** Sections of program.json; password hashes go to a file of their own (kept private, imported only from the command line). */
export const PROGRAM_SECTIONS = SECTION_NAMES.filter((s) => s !== "passwords" && s !== "program");

const header = {
  format: z.literal(BACKUP_FORMAT, `Not a Guardians backup: "format" must be "${BACKUP_FORMAT}"`),
  version: z.literal(BACKUP_VERSION, `Unsupported backup version: expected ${BACKUP_VERSION}`),
  exportedAt: z.string().optional(),
};
const arrays = <S extends SectionName>(names: S[]) =>
  Object.fromEntries(names.map((s) => [s, z.array(SECTION_ROWS[s]).default([])])) as {
    [K in S]: z.ZodDefault<z.ZodArray<(typeof SECTION_ROWS)[K]>>;
  };

// Every section may be left out (nothing of it to restore); unknown keys are refused so a
// misspelt section is not silently skipped.
export const programFileSchema = z.strictObject({
  ...header,
  program: people.programRow.nullish(),
  ...arrays(PROGRAM_SECTIONS),
});
export const passwordsFileSchema = z.strictObject({ ...header, ...arrays(["passwords"]) });
