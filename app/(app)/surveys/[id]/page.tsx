import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnswerForm } from "@/components/surveys/answer-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { todayUtc } from "@/lib/period";
import { NotFoundError } from "@/lib/server/errors";
import { answerableSurvey } from "@/lib/server/surveys/service";
import { answeredAt } from "@/lib/server/surveys/queries";
import { surveyPhase } from "@/lib/surveys/phase";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Survey" };

export default async function SurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("survey.answer");
  const id = routeId((await params).id);
  if (!id) notFound();
  // A draft, or a survey for another organisation, answers 404 like a missing one.
  const survey = await answerableSurvey(actor, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [answered, phase] = [await answeredAt(actor, id), surveyPhase(survey, todayUtc())];
  return (
    <>
      <PageHeader
        title={survey.title}
        description={
          phase === "open"
            ? `Open until ${formatDate(survey.closesOn)}. You answer once; ratings and choices are required.`
            : undefined
        }
        actions={
          can(actor, "survey.manage") ? (
            <Link
              href={`/surveys/${id}/results`}
              className="text-sm text-brand-600 hover:underline dark:text-brand-100"
            >
              Results
            </Link>
          ) : undefined
        }
      />
      <Card className="max-w-3xl">
        {answered ? (
          <EmptyState
            title={`You answered on ${formatDate(answered)}. Thank you!`}
            action={{ href: "/surveys", label: "Back to surveys" }}
          />
        ) : phase !== "open" ? (
          <EmptyState
            title={phase === "closed" ? "This survey is closed" : "This survey is not open yet"}
            action={{ href: "/surveys", label: "Back to surveys" }}
          />
        ) : (
          <AnswerForm surveyId={survey.id} questions={survey.questions} />
        )}
      </Card>
    </>
  );
}
