import type { Metadata } from "next";
import Link from "next/link";
import { LeadSurveyList, MySurveyList } from "@/components/surveys/survey-lists";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { SearchParams } from "@/lib/url-state/list-state";
import { pagedList } from "@/lib/url-state/lists";

export const metadata: Metadata = { title: "Surveys" };

export default async function SurveysPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("survey.answer");
  const { page } = pagedList.parse(await searchParams);
  const lead = can(actor, "survey.manage");
  return (
    <>
      <PageHeader
        title="Surveys"
        description={
          lead
            ? "Write a survey as a draft, open it for an organisation or everyone, close it when " +
              "enough have answered. Results feed the dashboard's feedback view."
            : "Surveys the program lead asks you to answer. Each takes a few minutes; you answer once."
        }
        actions={
          lead ? (
            <Link href="/surveys/new" className={buttonClass()}>
              New survey
            </Link>
          ) : undefined
        }
      />
      {lead ? (
        <LeadSurveyList actor={actor} page={page} />
      ) : (
        <MySurveyList actor={actor} page={page} />
      )}
    </>
  );
}
