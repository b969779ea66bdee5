import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NominateForm } from "@/components/nominations/nominate-form";
import { GuardianHistory } from "@/components/directory/guardian-history";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle, Stat } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { TEAM_PROFILE } from "@/lib/vocabulary";
import { getTeamDetail } from "@/lib/server/directory/queries";
import { teamOrganisation } from "@/lib/server/nominations/queries";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requirePermission("directory.read");
  const { id } = await params;
  const teamId = routeId(id);
  const team = teamId ? await getTeamDetail(actor, teamId) : null;
  if (!team) notFound();
  const { saved } = await searchParams;
  const active = team.guardians.filter((g) => g.status === "ACTIVE");
  const organisation = await teamOrganisation(team.orgId);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 className="text-lg font-semibold">{team.name}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {team.org.name} · {TEAM_PROFILE.label(team.profile)} profile
            {team.pilot ? " · pilot team" : ""} · joined {formatDate(team.joinedOn)}
          </p>
        </div>
        {can(actor, "directory.manage", { orgId: team.orgId }) ? (
          <Link href={`/directory/teams/${team.id}/edit`} className={buttonClass("secondary")}>
            Edit team
          </Link>
        ) : null}
      </div>
      {saved ? (
        <p role="status" className="text-sm text-green-700 dark:text-green-400">
          Team saved.
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat
          label="Coverage"
          value={active.length ? "Covered" : "No guardian"}
          hint={
            active.length ? active.map((g) => g.user.name).join(", ") : "Nominate someone below"
          }
        />
        <Stat label="Members" value={team._count.members} />
        <Stat
          label="Risk budget"
          value={`${team.riskBudget} points`}
          hint="Severity-weighted open findings and unmitigated threats"
        />
      </div>
      <Card>
        <CardTitle>Guardians over time</CardTitle>
        <GuardianHistory actor={actor} orgId={team.orgId} memberships={team.guardians} />
      </Card>
      {can(actor, "guardian.nominate", { orgId: team.orgId }) ? (
        <Card className="max-w-2xl">
          <CardTitle>Nominate a guardian</CardTitle>
          <p className="mb-3 mt-1 text-sm text-slate-600 dark:text-slate-400">
            The program lead approves nominations. Anyone in {organisation.name} (any of its
            sub-organisations) can be nominated.
          </p>
          <NominateForm teamId={team.id} teamName={team.name} />
        </Card>
      ) : null}
    </div>
  );
}
