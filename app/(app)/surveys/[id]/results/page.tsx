import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CloseSurveyButton, OpenSurveyButton } from "@/components/surveys/open-close";
import { PhaseBadge } from "@/components/surveys/phase-badge";
import { ResultsView } from "@/components/surveys/results-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { formatDate, plural } from "@/lib/format";
import { NotFoundError } from "@/lib/server/errors";
import { surveyResultsForLead } from "@/lib/server/surveys/queries";
import type { SearchParams } from "@/lib/url-state/list-state";
import { pagedList } from "@/lib/url-state/lists";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Survey results" };

const link = "text-brand-600 underline underline-offset-2 dark:text-brand-100";

export default async function SurveyResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("survey.manage");
  const id = routeId((await params).id);
  if (!id) notFound();
  const { page } = pagedList.parse(await searchParams);
  const data = await surveyResultsForLead(actor, id, page).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { survey, result } = data;
  const dates =
    survey.phase === "draft"
      ? `closes ${formatDate(survey.closesOn)}`
      : `${formatDate(survey.opensOn)} – ${formatDate(survey.closesOn)}`;
  return (
    <>
      <PageHeader
        title={survey.title}
        description={
          <>
            <PhaseBadge phase={survey.phase} /> For {survey.org?.name ?? "everyone"} · {dates} ·{" "}
            {plural(result.respondents, "respondent")}.{" "}
            {survey.phase === "open" ? (
              <>
                <Link className={link} href={`/surveys/${id}`}>
                  Answer page
                </Link>{" "}
                ·{" "}
              </>
            ) : null}
            <Link className={link} href="/surveys">
              All surveys
            </Link>
          </>
        }
        actions={
          survey.phase === "draft" ? (
            <OpenSurveyButton surveyId={id} title={survey.title} />
          ) : survey.status === "OPEN" ? (
            <CloseSurveyButton surveyId={id} title={survey.title} />
          ) : undefined
        }
      />
      <section aria-label="Results">
        <ResultsView
          result={result}
          written={data.written}
          writtenTotal={data.writtenTotal}
          page={page}
          pages={data.writtenPages}
          pageHref={pagedList.pageHref(`/surveys/${id}/results`, { page })}
        />
      </section>
    </>
  );
}
