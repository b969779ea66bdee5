import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NominateForm } from "@/components/nominations/nominate-form";
import { GuardianHistory } from "@/components/directory/guardian-history";
import { TeamMembers } from "@/components/teams/team-members";
import { GuardianHoursCard, RiskBudgetCard } from "@/components/teams/team-figures";
import {
  OpenFindings,
  TeamReleases,
  TeamReviews,
  TeamThreatModels,
} from "@/components/teams/team-work";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle, Stat } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatDate, plural } from "@/lib/format";
import { TEAM_PROFILE } from "@/lib/vocabulary";
import { teamOrganisation } from "@/lib/server/nominations/queries";
import { teamHub } from "@/lib/server/teams/hub";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Team" };

/** A team's hub: its people and guardians, and each part of its security work the reader may see. */
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
  const hub = teamId ? await teamHub(actor, teamId) : null;
  if (!hub) notFound();
  const { team, members, work, threatModels, risk, hours, may } = hub;
  const { saved } = await searchParams;
  const active = team.guardians.filter((g) => g.status === "ACTIVE");
  const organisation = await teamOrganisation(team.orgId);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 className="text-lg font-semibold">{team.name}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <Link
              href={`/directory/orgs/${team.orgId}`}
              className="underline underline-offset-2 hover:text-slate-900 dark:hover:text-slate-100"
            >
              {team.org.name}
            </Link>{" "}
            · {TEAM_PROFILE.label(team.profile)} profile
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
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Coverage"
          value={active.length ? "Covered" : "No guardian"}
          hint={
            active.length ? active.map((g) => g.user.name).join(", ") : "Nominate someone below"
          }
        />
        <Stat label="Members" value={members.total} />
        <Stat
          label="Risk budget used"
          value={risk ? `${risk.total} / ${risk.budget}` : `${team.riskBudget} points`}
          hint={
            risk
              ? risk.over
                ? "Over budget"
                : "Points of open findings and unmitigated threats"
              : "The team's budget"
          }
        />
        <Stat
          label="Active guardians"
          value={active.length}
          hint={plural(team.guardians.length, "membership") + " in the team's history"}
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
      <div className="grid gap-4 lg:grid-cols-2">
        <TeamMembers team={team} members={members} />
        {risk ? <RiskBudgetCard risk={risk} teamId={team.id} dashboard={may.figures} /> : null}
        {work ? (
          <OpenFindings team={team} findings={work.findings} dashboard={may.figures} />
        ) : null}
        {work ? <TeamReviews team={team} reviews={work.reviews} /> : null}
        {threatModels ? <TeamThreatModels team={team} models={threatModels} /> : null}
        {work ? <TeamReleases team={team} releases={work.releases} /> : null}
      </div>
      {hours ? <GuardianHoursCard hours={hours} teamId={team.id} /> : null}
    </div>
  );
}
