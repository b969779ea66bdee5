import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DeleteDraftButton, OpenSurveyButton } from "@/components/surveys/open-close";
import { SurveyEditor } from "@/components/surveys/survey-editor";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { isoDay } from "@/lib/period";
import { NotFoundError } from "@/lib/server/errors";
import { orgTree } from "@/lib/server/org-tree";
import { surveyForLead } from "@/lib/server/surveys/queries";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Edit survey" };

export default async function EditSurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("survey.manage");
  const id = routeId((await params).id);
  if (!id) notFound();
  const survey = await surveyForLead(actor, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  // Questions are fixed once a survey opens: its page is then the results.
  if (survey.phase !== "draft") redirect(`/surveys/${id}/results`);
  const orgs = await orgTree();
  return (
    <>
      <PageHeader
        title={survey.title}
        description={
          <>
            A draft: no one sees it until you open it.{" "}
            <Link
              href="/surveys"
              className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
            >
              All surveys
            </Link>
          </>
        }
        actions={
          <>
            <DeleteDraftButton surveyId={survey.id} title={survey.title} />
            <OpenSurveyButton surveyId={survey.id} title={survey.title} />
          </>
        }
      />
      <Card>
        <SurveyEditor
          survey={{
            id: survey.id,
            title: survey.title,
            orgId: survey.orgId,
            closesOn: isoDay(survey.closesOn),
            questions: survey.questions,
          }}
          orgs={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
        />
      </Card>
    </>
  );
}
