import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FindingsImport } from "@/components/tool-import/findings-import";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { FINDINGS_FILE_BYTES } from "@/lib/http/body-limits";
import { getReview } from "@/lib/server/reviews/queries";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Import findings" };

export default async function ImportFindingsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("review.conduct");
  const id = routeId((await params).id);
  const review = id ? await getReview(actor, id) : null;
  if (!review) notFound();
  return (
    <>
      <PageHeader
        title="Import findings"
        description={`Into ${review.key} ${review.service} (${review.team.name}). The preview shows each finding with its severity; nothing is written until you commit.`}
      />
      <p className="mb-4 text-sm">
        <Link className="underline" href={`/reviews/${review.id}`}>
          Back to {review.key}
        </Link>
      </p>
      <Card>
        <CardTitle>DefectDojo or SARIF file</CardTitle>
        <div className="mt-1 space-y-1 text-sm text-slate-600 dark:text-slate-400">
          <p>
            DefectDojo: the findings JSON of its API v2 (<code>GET /api/v2/findings/</code>). SARIF
            2.1.0: what most scanners write (CodeQL, Semgrep, ESLint, Trivy…). Severities map to
            Critical, High, Medium and Low; informational entries are left out. Each finding keeps
            the tool&apos;s own id, so importing the same file again skips what is already here.
          </p>
        </div>
        <div className="mt-4">
          <FindingsImport reviewId={review.id} maxBytes={FINDINGS_FILE_BYTES} />
        </div>
      </Card>
    </>
  );
}
