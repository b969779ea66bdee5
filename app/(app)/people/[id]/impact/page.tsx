import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PeriodForm } from "@/components/impact/period-form";
import { StatementView } from "@/components/impact/statement-view";
import { PrintButton } from "@/components/newsletters/print-button";
import { requireActor } from "@/lib/auth/guards";
import { statementPeriod } from "@/lib/impact/period";
import { NotFoundError } from "@/lib/server/errors";
import { getImpactStatement, statementPerson } from "@/lib/server/impact/statement";
import type { SearchParams } from "@/lib/url-state/list-state";
import { routeId } from "@/lib/validations/fields";
import { statementPeriodQuery } from "@/lib/validations/impact";

export const metadata: Metadata = { title: "Impact statement" };

export default async function ImpactStatementPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireActor();
  const id = routeId((await params).id);
  if (!id) notFound();
  const found = await statementPerson(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const resolved = statementPeriod(statementPeriodQuery.parse(await searchParams));
  const view = "period" in resolved ? await getImpactStatement(actor, id, resolved.period) : null;
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={`/people/${found.id}`} className="underline">
            {found.name}
          </Link>{" "}
          · impact statement for a career review: every figure links to its records.
        </p>
        {view ? <PrintButton /> : null}
      </div>
      <PeriodForm period={"period" in resolved ? resolved.period : null} />
      {"error" in resolved ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {resolved.error}
        </p>
      ) : view ? (
        <StatementView
          actor={actor}
          view={view}
          period={resolved.period}
          generatedAt={new Date()}
        />
      ) : null}
    </div>
  );
}
