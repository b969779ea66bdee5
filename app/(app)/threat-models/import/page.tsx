import type { Metadata } from "next";
import { ThreatModelImport } from "@/components/tool-import/threat-model-import";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { THREAT_MODEL_FILE_BYTES } from "@/lib/http/body-limits";

export const metadata: Metadata = { title: "Import a threat model" };

export default async function ImportThreatModelPage() {
  await requirePermission("threatmodel.write");
  return (
    <>
      <PageHeader
        title="Import a threat model"
        description={
          "Bring in a model from OWASP Threat Dragon 2 or a tool that writes Open Threat Model " +
          "(OTM) files. The preview shows how each threat maps and what is left out; nothing is " +
          "written until you commit."
        }
      />
      <Card>
        <CardTitle>Threat Dragon or OTM file</CardTitle>
        <div className="mt-1 space-y-1 text-sm text-slate-600 dark:text-slate-400">
          <p>
            Each threat keeps its title, STRIDE category, severity, description, mitigation and
            mitigation status. Importing the same file again (or one edited in the tool) updates the
            same model, matched on the file&apos;s own ids; threats the file no longer holds are
            kept. Diagrams, assets and trust zones are not kept.
          </p>
        </div>
        <div className="mt-4">
          <ThreatModelImport maxBytes={THREAT_MODEL_FILE_BYTES} />
        </div>
      </Card>
    </>
  );
}
