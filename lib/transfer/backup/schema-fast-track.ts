// program.json's fast-track sections (docs/fast-track.md): policies, fast-tracked reviews with
// their spot checks, and suspensions. The same rules as the forms (lib/validations/fast-track.ts).
import { z } from "zod";
import { Belt, SpotCheckOutcome, TeamProfile } from "@/lib/generated/prisma/enums";
import { email, instant, key, opt, text } from "./fields";

export const fastTrackPolicyRow = z
  .object({
    teamProfile: opt(z.enum(TeamProfile)),
    team: opt(key("team")),
    minBelt: z.enum(Belt),
    spotCheckPercent: z.int().min(0).max(100),
    checklist: z.array(text().min(1)).min(1).max(8),
    seed: text().min(1),
    enabled: z.boolean(),
    updatedAt: instant,
  })
  .refine((p) => (p.teamProfile == null) !== (p.team == null), {
    path: ["team"],
    message: "A policy names a team profile or a team",
  });

export const fastTrackRow = z.object({
  review: key("review"),
  guardian: email,
  policyProfile: opt(z.enum(TeamProfile)),
  policyTeam: opt(key("team")),
  approvedAt: instant,
  answers: z.array(z.object({ question: text(), lowRisk: z.boolean() })),
  seed: text().min(1),
  spotCheckPercent: z.int().min(0).max(100),
  sampled: z.boolean(),
  spotCheckOutcome: opt(z.enum(SpotCheckOutcome)),
  spotCheckedAt: opt(instant),
  spotCheckedBy: opt(email),
  spotCheckNote: opt(text()),
});

export const fastTrackSuspensionRow = z.object({
  guardian: email,
  suspendedAt: instant,
  suspendedBy: email,
  reason: text().min(1),
  review: opt(key("review")),
  liftedAt: opt(instant),
  liftedBy: opt(email),
});
