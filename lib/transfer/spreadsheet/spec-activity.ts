// activities.csv, courses.csv, completions.csv and feedback.csv.
import { z } from "zod";
import { ACTIVITY_TYPE } from "@/lib/vocabulary";
import { ref, type FileSpec } from "./spec";
import {
  day,
  email,
  enumCell,
  enumToCsv,
  formatHours,
  formatYesNo,
  hours,
  hoursOrZero,
  integerIn,
  keyText,
  optionalKey,
  optionalText,
  text,
  yesNo,
} from "./values";

const activityRow = z.object({
  email: email(),
  date: day("date"),
  hours: hours("hours", { positive: true, max: 24 }),
  activity_type: enumCell(ACTIVITY_TYPE.values, "activity type"),
  review_id: optionalKey("review ID"),
  note: optionalText("note", 500),
});
export type ActivityRow = z.infer<typeof activityRow>;

/** Activities have no natural key: a row is identified by all of its values. */
export const activityKey = (r: ActivityRow) =>
  [r.email, r.date, r.hours, r.activity_type, r.review_id ?? "", r.note ?? ""].join("\u001f");

export const activitiesFile: FileSpec<ActivityRow> = {
  name: "activities.csv",
  columns: ["email", "date", "hours", "activity_type", "review_id", "note"],
  numeric: ["hours"],
  required: ["email", "date", "hours", "activity_type"],
  keyColumn: "email",
  keyName: "activity",
  schema: activityRow,
  key: activityKey,
  repeatable: true,
  refs: (r) => [...ref("email", "user", r.email), ...ref("review_id", "review", r.review_id)],
  format: (r) => ({
    email: r.email,
    date: r.date,
    hours: formatHours(r.hours),
    activity_type: enumToCsv(r.activity_type),
    review_id: text(r.review_id),
    note: text(r.note),
  }),
};

const courseRow = z.object({
  course: keyText("course"),
  required: yesNo("required"),
  hours: hoursOrZero("hours"),
});
export type CourseRow = z.infer<typeof courseRow>;

export const coursesFile: FileSpec<CourseRow> = {
  name: "courses.csv",
  columns: ["course", "required", "hours"],
  numeric: ["hours"],
  required: ["course"],
  keyColumn: "course",
  keyName: "course",
  schema: courseRow,
  key: (r) => r.course,
  defines: "course",
  refs: () => [],
  format: (r) => ({
    course: r.course,
    required: formatYesNo(r.required),
    hours: formatHours(r.hours),
  }),
};

const completionRow = z.object({
  email: email(),
  course: keyText("course"),
  completed_on: day("completion date"),
});
export type CompletionRow = z.infer<typeof completionRow>;

export const completionsFile: FileSpec<CompletionRow> = {
  name: "completions.csv",
  columns: ["email", "course", "completed_on"],
  required: ["email", "course", "completed_on"],
  keyColumn: "course",
  keyName: "email and course",
  schema: completionRow,
  key: (r) => `${r.email} ${r.course}`,
  refs: (r) => [...ref("email", "user", r.email), ...ref("course", "course", r.course)],
  format: (r) => ({ email: r.email, course: r.course, completed_on: r.completed_on }),
};

const feedbackRow = z
  .object({
    review_id: optionalKey("review ID"),
    threat_model_id: optionalKey("threat model ID"),
    guardian_email: email("guardian's email"),
    rater_email: email("rater's email"),
    rating: integerIn("rating", 1, 5),
    comment: optionalText("comment", 2000),
  })
  .superRefine((r, ctx) => {
    if (!r.review_id && !r.threat_model_id)
      ctx.addIssue({
        code: "custom",
        path: ["review_id"],
        message: "Enter review_id or threat_model_id",
      });
    if (r.review_id && r.threat_model_id)
      ctx.addIssue({
        code: "custom",
        path: ["threat_model_id"],
        message: "Give review_id or threat_model_id, not both",
      });
  });
export type FeedbackRow = z.infer<typeof feedbackRow>;

export const feedbackFile: FileSpec<FeedbackRow> = {
  name: "feedback.csv",
  columns: ["review_id", "threat_model_id", "guardian_email", "rater_email", "rating", "comment"],
  numeric: ["rating"],
  required: ["guardian_email", "rater_email", "rating"],
  keyColumn: "guardian_email",
  keyName: "subject and guardian",
  schema: feedbackRow,
  key: (r) =>
    r.review_id
      ? `review ${r.review_id} ${r.guardian_email}`
      : `threat-model ${r.threat_model_id} ${r.guardian_email}`,
  refs: (r) => [
    ...ref("review_id", "review", r.review_id),
    ...ref("threat_model_id", "threatModel", r.threat_model_id),
    ...ref("guardian_email", "user", r.guardian_email),
    ...ref("rater_email", "user", r.rater_email),
  ],
  headerProblem: (present) =>
    present.has("review_id") || present.has("threat_model_id")
      ? null
      : "The header needs a review_id or a threat_model_id column",
  format: (r) => ({
    review_id: text(r.review_id),
    threat_model_id: text(r.threat_model_id),
    guardian_email: r.guardian_email,
    rater_email: r.rater_email,
    rating: String(r.rating),
    comment: text(r.comment),
  }),
};
