import type { Metadata } from "next";
import { OrgForm } from "@/components/directory/org-form";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guards";
import { listOrgs } from "@/lib/server/directory/queries";

export const metadata: Metadata = { title: "New organisation" };

export default async function NewOrgPage() {
  const actor = await requirePermission("directory.manage");
  const orgs = await listOrgs(actor);
  return (
    <Card className="max-w-3xl">
      <h2 className="mb-4 font-semibold">New organisation</h2>
      <OrgForm org={null} parents={orgs} />
    </Card>
  );
}
