import type { Metadata } from "next";
import { TeamForm } from "@/components/directory/team-form";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guards";
import { listOrgs } from "@/lib/server/directory/queries";

export const metadata: Metadata = { title: "New team" };

export default async function NewTeamPage() {
  const actor = await requirePermission("directory.manage");
  const orgs = await listOrgs(actor);
  return (
    <Card className="max-w-3xl">
      <h2 className="mb-4 font-semibold">New team</h2>
      <TeamForm team={null} orgs={orgs} />
    </Card>
  );
}
