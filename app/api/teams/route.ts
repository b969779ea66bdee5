import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { answer } from "@/lib/server/api";
import { teamChoices, type TeamPermission } from "@/lib/server/reviews/teams";

// Team suggestions for the team fields of the review, release and threat-model pages, as the
// person types: at most 20 of the teams they may see for that use.
const SOURCES = { review: "review.read", "review-request": "review.request", "threat-model": "threatmodel.read", "threat-model-write": "threatmodel.write" } as const satisfies Record<string, TeamPermission>;
const querySchema = z.object({
  for: z.enum(Object.keys(SOURCES) as [keyof typeof SOURCES], "Say what the teams are for"),
  q: z.string().max(100, "Type at most 100 characters").refine((s) => !s.includes("\u0000"), "Remove the NUL character").default(""),
});

export async function GET(request: Request) {
  return answer(async () => {
    const actor = await getActor();
    if (!actor) return Response.json({ error: "Sign in first." }, { status: 401 });
    const input = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const permission = SOURCES[input.for];
    if (!can(actor, permission)) return Response.json({ error: "You do not have permission to see these teams." }, { status: 403 });
    return Response.json(await teamChoices(actor, permission, { q: input.q }), { headers: { "Cache-Control": "no-store" } });
  });
}
