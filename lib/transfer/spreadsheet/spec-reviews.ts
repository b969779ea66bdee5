// reviews.csv, findings.csv and releases.csv.
import { z } from "zod";
import { closingProblem } from "@/lib/findings/closing";
import { FINDING_STATUS, SEVERITY } from "@/lib/vocabulary";
import { ref, refs, type FileSpec } from "./spec";
import {
  day,
  emailList,
  enumCell,
  enumCellOr,
  enumToCsv,
  formatHours,
  instant,
  keyText,
  optionalDay,
  optionalEmail,
  optionalHours,
  optionalInstant,
  optionalKey,
  requiredText,
  text,
} from "./values";

const before = (a: string, b: string) => Date.parse(a) < Date.parse(b);

const reviewRow = z
  .object({
    review_id: keyText("review ID"),
    team: keyText("team"),
    service: requiredText("service", 200),
    requested_at: instant("requested date"),
    started_at: optionalInstant(),
    completed_at: optionalInstant(),
    security_engineer_email: optionalEmail(),
    guardian_emails: emailList(),
    effort_hours: optionalHours("effort"),
  })
  .superRefine((r, ctx) => {
    if (r.started_at && before(r.started_at, r.requested_at))
      ctx.addIssue({
        code: "custom",
        path: ["started_at"],
        message: "started_at is before requested_at",
      });
    if (r.completed_at && before(r.completed_at, r.requested_at))
      ctx.addIssue({
        code: "custom",
        path: ["completed_at"],
        message: "completed_at is before requested_at",
      });
    else if (r.completed_at && r.started_at && before(r.completed_at, r.started_at))
      ctx.addIssue({
        code: "custom",
        path: ["completed_at"],
        message: "completed_at is before started_at",
      });
  });
export type ReviewRow = z.infer<typeof reviewRow>;

export const reviewsFile: FileSpec<ReviewRow> = {
  name: "reviews.csv",
  columns: [
    "review_id",
    "team",
    "service",
    "requested_at",
    "started_at",
    "completed_at",
    "security_engineer_email",
    "guardian_emails",
    "effort_hours",
  ],
  numeric: ["effort_hours"],
  required: ["review_id", "team", "service", "requested_at"],
  keyColumn: "review_id",
  keyName: "review_id",
  schema: reviewRow,
  key: (r) => r.review_id,
  defines: "review",
  refs: (r) => [
    ...ref("team", "team", r.team),
    ...ref("security_engineer_email", "user", r.security_engineer_email),
    ...refs("guardian_emails", "user", r.guardian_emails),
  ],
  format: (r) => ({
    review_id: r.review_id,
    team: r.team,
    service: r.service,
    requested_at: r.requested_at,
    started_at: text(r.started_at),
    completed_at: text(r.completed_at),
    security_engineer_email: text(r.security_engineer_email),
    guardian_emails: r.guardian_emails.join("; "),
    effort_hours: r.effort_hours === null ? "" : formatHours(r.effort_hours),
  }),
};

const findingRow = z
  .object({
    finding_id: keyText("finding ID"),
    review_id: keyText("review ID"),
    severity: enumCell(SEVERITY.values, "severity"),
    opened_on: day("opened date"),
    status: enumCellOr(FINDING_STATUS.values, "finding status", "OPEN"),
    closed_on: optionalDay(),
  })
  .superRefine((r, ctx) => {
    // The app's rule (lib/findings/closing.ts), in the file's words.
    const problem = closingProblem(r.status, r.closed_on, r.opened_on);
    if (problem)
      ctx.addIssue({
        code: "custom",
        path: ["closed_on"],
        message: {
          "before-opened": "closed_on is before opened_on",
          "not-allowed": "An open finding has no closed_on",
          missing: `A ${enumToCsv(r.status)} finding needs closed_on`,
        }[problem],
      });
  });
export type FindingRow = z.infer<typeof findingRow>;

export const findingsFile: FileSpec<FindingRow> = {
  name: "findings.csv",
  columns: ["finding_id", "review_id", "severity", "opened_on", "status", "closed_on"],
  required: ["finding_id", "review_id", "severity", "opened_on", "status"],
  keyColumn: "finding_id",
  keyName: "finding_id",
  schema: findingRow,
  key: (r) => r.finding_id,
  refs: (r) => ref("review_id", "review", r.review_id),
  format: (r) => ({
    finding_id: r.finding_id,
    review_id: r.review_id,
    severity: enumToCsv(r.severity),
    opened_on: r.opened_on,
    status: enumToCsv(r.status),
    closed_on: text(r.closed_on),
  }),
};

const releaseRow = z
  .object({
    release_id: keyText("release ID"),
    team: keyText("team"),
    name: requiredText("name", 200),
    started_on: day("start date"),
    released_on: optionalDay(),
    review_id: optionalKey("review ID"),
  })
  .superRefine((r, ctx) => {
    if (r.released_on && r.released_on < r.started_on)
      ctx.addIssue({
        code: "custom",
        path: ["released_on"],
        message: "released_on is before started_on",
      });
  });
export type ReleaseRow = z.infer<typeof releaseRow>;

export const releasesFile: FileSpec<ReleaseRow> = {
  name: "releases.csv",
  columns: ["release_id", "team", "name", "started_on", "released_on", "review_id"],
  required: ["release_id", "team", "name", "started_on"],
  keyColumn: "release_id",
  keyName: "release_id",
  schema: releaseRow,
  key: (r) => r.release_id,
  refs: (r) => [...ref("team", "team", r.team), ...ref("review_id", "review", r.review_id)],
  format: (r) => ({
    release_id: r.release_id,
    team: r.team,
    name: r.name,
    started_on: r.started_on,
    released_on: text(r.released_on),
    review_id: text(r.review_id),
  }),
};
