import { Card, CardTitle, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { getEngineerQueue } from "@/lib/server/home/program";

export async function EngineerHome({ actor }: { actor: SessionActor }) {
  const queue = await getEngineerQueue(actor);
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Your open reviews" value={queue.mine.length} />
        <Stat label="Reviews without an engineer" value={queue.unassigned} />
        <Stat label="Threat models in review" value={queue.inReview} />
      </div>
      <Card>
        <CardTitle>Your open reviews, oldest first</CardTitle>
        {queue.mine.length === 0 ? (
          <div className="mt-3"><EmptyState title="No open reviews assigned to you" /></div>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {queue.mine.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                <span><span className="font-mono text-xs">{r.key}</span> {r.service} <span className="text-slate-600 dark:text-slate-400">· {r.team.name}</span></span>
                <span className="text-xs text-slate-600 dark:text-slate-400">{r.startedAt ? `started ${formatDate(r.startedAt)}` : `requested ${formatDate(r.requestedAt)}`}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
