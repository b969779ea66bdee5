import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrgForm } from "@/components/directory/org-form";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guards";
import { listOrgs } from "@/lib/server/directory/queries";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Edit organisation" };

export default async function EditOrgPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("directory.manage");
  const id = routeId((await params).id);
  if (!id) notFound();
  const orgs = await listOrgs(actor);
  const org = orgs.find((o) => o.id === id);
  if (!org) notFound();
  return (
    <Card className="max-w-3xl">
      <h2 className="mb-4 font-semibold">Edit {org.name}</h2>
      <OrgForm
        org={{
          id: org.id,
          name: org.name,
          parentId: org.parentId,
          leaderEmail: org.leader?.email ?? null,
          recipients: org.newsletterRecipients,
        }}
        parents={orgs}
      />
    </Card>
  );
}
