import Link from "next/link";
import { Card, CardTitle, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { getOrgSummary } from "@/lib/server/home/program";

export async function ManagerHome({ actor }: { actor: SessionActor }) {
  const s = await getOrgSummary(actor);
  const coverage = s.teamCount ? `${Math.round((s.coveredTeams / s.teamCount) * 100)}%` : "No teams";
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {s.orgs.length ? `You lead ${s.orgs.map((o) => o.name).join(", ")}.` : "Figures below cover your organisation."}
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Active guardians" value={s.activeGuardians} />
        <Stat label="Teams" value={s.teamCount} />
        <Stat label="Teams with a guardian" value={coverage} hint={`${s.coveredTeams} of ${s.teamCount}`} />
      </div>
      <Card>
        <CardTitle>Latest newsletter</CardTitle>
        {s.latestNewsletter ? (
          <p className="mt-2 text-sm"><Link href={`/newsletters/${s.latestNewsletter.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">{s.latestNewsletter.org.name}, {s.latestNewsletter.quarter}</Link>{s.latestNewsletter.publishedAt ? `, published ${formatDate(s.latestNewsletter.publishedAt)}` : ""}</p>
        ) : (
          <div className="mt-3"><EmptyState title="No newsletter published for your organisation yet">The program lead publishes one each quarter.</EmptyState></div>
        )}
      </Card>
    </div>
  );
}
