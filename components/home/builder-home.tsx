import { Card, CardTitle, Stat } from "@/components/ui/card";
import type { SessionActor } from "@/lib/auth/actor";
import { formatHours } from "@/lib/hours";
import { getPersonalActivity, getTeamGuardians } from "@/lib/server/home/personal";
import { RecentEntries } from "./recent-entries";

export async function BuilderHome({ actor }: { actor: SessionActor }) {
  const [activity, guardians] = await Promise.all([
    getPersonalActivity(actor.id),
    getTeamGuardians(actor.teamId),
  ]);
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <Stat label="Security work this month" value={formatHours(activity.monthQuarterHours)} />
        <Card>
          <CardTitle>Your team&apos;s guardians</CardTitle>
          {guardians.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              Your team has no active guardian yet. Ask your manager about nominating one.
            </p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {guardians.map((g) => (
                <li key={g.id}>
                  {g.user.name}{" "}
                  <span className="break-all text-slate-600 dark:text-slate-400">
                    ({g.user.email})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <RecentEntries entries={activity.recent} />
    </div>
  );
}
