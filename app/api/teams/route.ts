import { z } from "zod";
import { apiRoute } from "@/lib/server/api-route";
import { searchDashboardTeams } from "@/lib/server/metrics/filter-options";
import { teamChoices, type TeamPermission } from "@/lib/server/teams/lookup";
import { recordId } from "@/lib/validations/fields";

// Team suggestions as the person types: at most 20 of the teams they may see for that use.
// The team fields of the review, release and threat-model pages get names or keys; the
// dashboard's team filter (`for=dashboard`, optionally within `org` and its sub-orgs) gets ids.
const SOURCES = {
  review: "review.read",
  "review-request": "review.request",
  "threat-model": "threatmodel.read",
  "threat-model-write": "threatmodel.write",
} as const satisfies Record<string, TeamPermission>;
const querySchema = z.object({
  for: z.enum(
    [...(Object.keys(SOURCES) as (keyof typeof SOURCES)[]), "dashboard"],
    "Say what the teams are for",
  ),
  q: z
    .string()
    .max(100, "Type at most 100 characters")
    .refine((s) => !s.includes("\u0000"), "Remove the NUL character")
    .default(""),
  org: z
    .union([
      z.literal("").transform(() => undefined),
      recordId("Choose an organisation from the list"),
    ])
    .optional(),
});

export const GET = apiRoute(
  {
    query: querySchema,
    permission: (input) => (input.for === "dashboard" ? "dashboard.read" : SOURCES[input.for]),
    messages: { forbidden: "You do not have permission to see these teams." },
  },
  async ({ actor, input }) =>
    input.for === "dashboard"
      ? searchDashboardTeams(actor, input.org, input.q)
      : teamChoices(actor, SOURCES[input.for], { q: input.q }),
);
