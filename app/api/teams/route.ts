import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { answer } from "@/lib/server/api";
import { searchDashboardTeams } from "@/lib/server/metrics/filter-options";
import { teamChoices, type TeamPermission } from "@/lib/server/teams/lookup";

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
      z.coerce
        .number("Choose an organisation from the list")
        .int("Choose an organisation from the list")
        .positive("Choose an organisation from the list"),
    ])
    .optional(),
});

export async function GET(request: Request) {
  return answer(async () => {
    const actor = await getActor();
    if (!actor) return Response.json({ error: "Sign in first." }, { status: 401 });
    const input = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const permission = input.for === "dashboard" ? "dashboard.read" : SOURCES[input.for];
    if (!can(actor, permission))
      return Response.json(
        { error: "You do not have permission to see these teams." },
        { status: 403 },
      );
    const choices =
      input.for === "dashboard"
        ? await searchDashboardTeams(actor, input.org, input.q)
        : await teamChoices(actor, SOURCES[input.for], { q: input.q });
    return Response.json(choices, { headers: { "Cache-Control": "no-store" } });
  });
}
