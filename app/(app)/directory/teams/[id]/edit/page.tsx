import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TeamForm } from "@/components/directory/team-form";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guards";
import { getTeamDetail, listOrgs } from "@/lib/server/directory/queries";
import { isoDay } from "@/lib/period";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Edit team" };

export default async function EditTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("directory.manage");
  const id = routeId((await params).id);
  const [team, orgs] = await Promise.all([id ? getTeamDetail(actor, id) : null, listOrgs(actor)]);
  if (!team) notFound();
  const value = {
    id: team.id,
    name: team.name,
    orgId: team.orgId,
    profile: team.profile,
    pilot: team.pilot,
    joinedOn: isoDay(team.joinedOn),
    riskBudget: team.riskBudget,
  };
  return (
    <Card className="max-w-3xl">
      <h2 className="mb-4 font-semibold">Edit {team.name}</h2>
      <TeamForm team={value} orgs={orgs} />
    </Card>
  );
}
