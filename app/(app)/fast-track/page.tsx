import type { Metadata } from "next";
import { PoliciesTable } from "@/components/fast-track/policies-table";
import { PolicyForms } from "@/components/fast-track/policy-forms";
import { SuspensionsList } from "@/components/fast-track/suspensions-list";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { queryScope } from "@/lib/auth/permissions";
import { listFastTrackPolicies } from "@/lib/server/fast-track/policies";
import { openSuspensions } from "@/lib/server/fast-track/queries";

export const metadata: Metadata = { title: "Fast track" };

export default async function FastTrackPage() {
  const actor = await requirePermission("fasttrack.manage");
  const [policies, suspensions] = await Promise.all([
    listFastTrackPolicies(actor),
    openSuspensions(actor),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Fast track"
        description={
          "Let guardians with a chosen belt approve low-risk reviews of their own team without " +
          "waiting for a security engineer. Security engineers spot-check a share of them; a " +
          "failed check sends the review back and can suspend the guardian."
        }
      />
      <Card>
        <CardTitle>Policies</CardTitle>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          A team&apos;s own policy wins over its profile&apos;s, even when it is off.
        </p>
        <div className="mt-3">
          <PoliciesTable policies={policies} />
        </div>
      </Card>
      <PolicyForms profileAllowed={queryScope(actor, "fasttrack.manage").all} />
      <Card>
        <CardTitle>Suspended fast tracks</CardTitle>
        <div className="mt-3">
          <SuspensionsList suspensions={suspensions} />
        </div>
      </Card>
    </div>
  );
}
