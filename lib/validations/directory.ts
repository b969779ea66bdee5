import { z } from "zod";
import { TEAM_PROFILE } from "@/lib/vocabulary";

const slug = (v: string) =>
  v
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

export const teamSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Give the team a name")
    .max(120, "Keep the name under 120 characters"),
  orgId: z.coerce.number().int().positive("Choose the team's organisation"),
  profile: z.enum(TEAM_PROFILE.values, "Choose a candidate profile"),
  pilot: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  joinedOn: z.iso.date("Enter a date like 2026-01-15"),
  riskBudget: z.coerce
    .number({ error: "Enter a whole number of points" })
    .int("Enter a whole number of points")
    .min(0, "The budget cannot be negative")
    .max(10_000, "Keep the budget under 10,000 points"),
});

export const orgSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Give the organisation a name")
    .max(120, "Keep the name under 120 characters"),
  parentId: z.preprocess(
    (v) => (v === "" || v == null ? null : v),
    z.coerce.number().int().positive().nullable(),
  ),
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
