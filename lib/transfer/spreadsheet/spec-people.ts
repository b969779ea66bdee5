// orgs.csv, teams.csv, people.csv and guardians.csv.
import { z } from "zod";
import { GUARDIAN_STATUS, ROLE, TEAM_PROFILE } from "@/lib/vocabulary";
import { ref, type FileSpec } from "./spec";
import {
  day,
  email,
  enumCellOr,
  enumList,
  enumToCsv,
  keyText,
  optionalDay,
  optionalEmail,
  optionalKey,
  requiredText,
  text,
  yesNo,
  formatYesNo,
} from "./values";

// guardians.csv takes DECLINED too (not in docs/spreadsheet-format.md's list), so exports of it import back.

const orgRow = z.object({
  org: keyText("org"),
  parent_org: optionalKey("parent org"),
  leader_email: optionalEmail(),
});
export type OrgRow = z.infer<typeof orgRow>;

export const orgsFile: FileSpec<OrgRow> = {
  name: "orgs.csv",
  columns: ["org", "parent_org", "leader_email"],
  required: ["org"],
  keyColumn: "org",
  keyName: "org",
  schema: orgRow.superRefine((r, ctx) => {
    if (r.parent_org === r.org)
      ctx.addIssue({
        code: "custom",
        path: ["parent_org"],
        message: "An org cannot be its own parent",
      });
  }),
  key: (r) => r.org,
  defines: "org",
  refs: (r) => [
    ...ref("parent_org", "org", r.parent_org),
    ...ref("leader_email", "user", r.leader_email),
  ],
  format: (r) => ({
    org: r.org,
    parent_org: text(r.parent_org),
    leader_email: text(r.leader_email),
  }),
};

const teamRow = z.object({
  team: keyText("team"),
  org: keyText("org"),
  profile: enumCellOr(TEAM_PROFILE.values, "profile", "NONE"),
  pilot: yesNo("pilot"),
  joined_on: day("joined date"),
});
export type TeamRow = z.infer<typeof teamRow>;

export const teamsFile: FileSpec<TeamRow> = {
  name: "teams.csv",
  columns: ["team", "org", "profile", "pilot", "joined_on"],
  required: ["team", "org", "joined_on"],
  keyColumn: "team",
  keyName: "team",
  schema: teamRow,
  key: (r) => r.team,
  defines: "team",
  refs: (r) => ref("org", "org", r.org),
  format: (r) => ({
    team: r.team,
    org: r.org,
    profile: enumToCsv(r.profile),
    pilot: formatYesNo(r.pilot),
    joined_on: r.joined_on,
  }),
};

const personRow = z.object({
  email: email(),
  name: requiredText("name", 200),
  roles: enumList(ROLE.values, "role"),
  org: optionalKey("org"),
  team: optionalKey("team"),
});
export type PersonRow = z.infer<typeof personRow>;

export const peopleFile: FileSpec<PersonRow> = {
  name: "people.csv",
  columns: ["email", "name", "roles", "org", "team"],
  required: ["email", "name"],
  keyColumn: "email",
  keyName: "email",
  schema: personRow,
  key: (r) => r.email,
  defines: "user",
  refs: (r) => [...ref("org", "org", r.org), ...ref("team", "team", r.team)],
  format: (r) => ({
    email: r.email,
    name: r.name,
    roles: r.roles.map(enumToCsv).join("; "),
    org: text(r.org),
    team: text(r.team),
  }),
};

const guardianRow = z
  .object({
    email: email(),
    team: keyText("team"),
    status: enumCellOr(GUARDIAN_STATUS.values, "guardian status", "NOMINATED"),
    nominated_on: day("nomination date"),
    active_on: optionalDay(),
    left_on: optionalDay(),
  })
  .superRefine((r, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if ((r.status === "ACTIVE" || r.status === "ALUMNI") && !r.active_on)
      problem("active_on", `An ${r.status.toLowerCase()} guardian needs active_on`);
    if (r.status === "ALUMNI" && !r.left_on) problem("left_on", "An alumni guardian needs left_on");
    if ((r.status === "ACTIVE" || r.status === "NOMINATED") && r.left_on)
      problem("left_on", `A ${r.status.toLowerCase()} guardian has no left_on`);
    if (r.active_on && r.left_on && r.left_on < r.active_on)
      problem("left_on", "left_on is before active_on");
    if (r.active_on && r.active_on < r.nominated_on)
      problem("active_on", "active_on is before nominated_on");
  });
export type GuardianRow = z.infer<typeof guardianRow>;

export const guardiansFile: FileSpec<GuardianRow> = {
  name: "guardians.csv",
  columns: ["email", "team", "status", "nominated_on", "active_on", "left_on"],
  required: ["email", "team", "status", "nominated_on"],
  keyColumn: "team",
  keyName: "email and team",
  schema: guardianRow,
  key: (r) => `${r.email} ${r.team}`,
  refs: (r) => [...ref("email", "user", r.email), ...ref("team", "team", r.team)],
  format: (r) => ({
    email: r.email,
    team: r.team,
    status: enumToCsv(r.status),
    nominated_on: r.nominated_on,
    active_on: text(r.active_on),
    left_on: text(r.left_on),
  }),
};
