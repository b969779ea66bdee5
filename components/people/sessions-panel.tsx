import { EndSessionsButton } from "@/components/account/end-sessions-button";
import { Card, CardTitle } from "@/components/ui/card";
import type { SessionActor } from "@/lib/auth/actor";
import { personSessions } from "@/lib/server/account/service";

/** Administrators see a person's open sessions and can end them all. */
export async function SessionsPanel({
  actor,
  person,
}: {
  actor: SessionActor;
  person: { id: number; name: string };
}) {
  const sessions = await personSessions(actor, person.id);
  if (!sessions) return null;
  const last = sessions.lastSignIn;
  return (
    <Card aria-labelledby="sessions-heading" className="space-y-2">
      <CardTitle>
        <span id="sessions-heading">Sessions</span>
      </CardTitle>
      <p className="text-sm">
        {sessions.open === 0
          ? "No open session."
          : sessions.open === 1
            ? "1 open session."
            : `${sessions.open} open sessions.`}{" "}
        {last
          ? `Last signed in ${last.createdAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC with ${last.method === "sso" ? "single sign-on" : "a password"}.`
          : "Never signed in."}
      </p>
      {/* Always there: its answer stays on screen after the count drops to none. */}
      <EndSessionsButton person={person} />
    </Card>
  );
}
