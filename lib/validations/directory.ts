import { z } from "zod";
import { TEAM_PROFILE } from "@/lib/vocabulary";
import { day, formNumber, optionalRecordId, recordId, recordName } from "./fields";

const slug = (v: string) =>
  v
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

export const teamSchema = z.object({
  name: recordName("Give the team a name"),
  orgId: recordId("Choose the team's organisation"),
  profile: z.enum(TEAM_PROFILE.values, "Choose a candidate profile"),
  pilot: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  joinedOn: day("Enter a date like 2026-01-15"),
  riskBudget: formNumber(
    z
      .int("Enter a whole number of points")
      .min(0, "The budget cannot be negative")
      .max(10_000, "Keep the budget under 10,000 points"),
  ),
});

export const orgSchema = z.object({
  name: recordName("Give the organisation a name"),
  parentId: optionalRecordId("Choose the parent organisation from the list"),
  leaderEmail: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z.string().trim().toLowerCase().pipe(z.email("Enter the leader's email")).nullable(),
  ),
  // Extra newsletter recipients, separated by commas, semicolons or new lines.
  recipients: z
    .preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split(/[\s,;]+/)
              .map((e) => e.trim().toLowerCase())
              .filter(Boolean)
          : (v ?? []),
      z
        .array(z.email("Each extra recipient must be an email address"))
        .max(50, "At most 50 extra recipients"),
    )
    .optional()
    .default([]),
});

export type TeamInput = z.infer<typeof teamSchema>;
export type OrgInput = z.infer<typeof orgSchema>;
export { slug };
