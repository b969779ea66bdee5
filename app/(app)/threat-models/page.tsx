import type { Metadata } from "next";
import Link from "next/link";
import { CreateThreatModelForm } from "@/components/threat-models/create-form";
import { ThreatModelsList } from "@/components/threat-models/threat-models-list";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { teamFilter } from "@/lib/server/teams/lookup";
import type { SearchParams } from "@/lib/url-state/list-state";
import { threatModelsList } from "@/lib/url-state/lists";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Threat models" };

export default async function ThreatModelsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("threatmodel.read");
  const p = await searchParams;
  const state = threatModelsList.parse(p);
  const team = await teamFilter(actor, "threatmodel.read", state.filter.team);
  return (
    <>
      <PageHeader
        title="Threat models"
        description="Threat models by team, their threats, and those without a documented mitigation."
      />
      {can(actor, "threatmodel.write") ? (
        <Card className="mb-4">
          <CardTitle>Start a threat model</CardTitle>
          <CreateThreatModelForm />
          <p className="mt-3 text-sm">
            <Link
              className="font-medium underline-offset-2 hover:underline"
              href="/threat-models/import"
            >
              Import a Threat Dragon or OTM file
            </Link>
          </p>
        </Card>
      ) : null}
      {/* A new key per query shows the skeleton again when the filters or the page change. */}
      <StreamedPart
        what="The threat models"
        key={JSON.stringify(p)}
        fallback={<ListPageSkeleton label="Loading threat models…" title={false} />}
      >
        <ThreatModelsList actor={actor} state={state} team={team} />
      </StreamedPart>
    </>
  );
}
