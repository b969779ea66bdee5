import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { surveysForLead, surveysForPerson } from "@/lib/server/surveys/queries";
import { pagedList } from "@/lib/url-state/lists";
import { PhaseBadge } from "./phase-badge";

const link = "text-brand-600 hover:underline dark:text-brand-100";

/** Every survey with its phase and answers so far, for leads. */
export async function LeadSurveyList({ actor, page }: { actor: SessionActor; page: number }) {
  const { surveys, total, pages } = await surveysForLead(actor, page);
  return (
    <>
      <DataTable
        caption="Surveys"
        columns={[
          {
            header: "Survey",
            rowHeader: true,
            cell: (s) => (
              <Link
                className={link}
                href={s.phase === "draft" ? `/surveys/${s.id}/edit` : `/surveys/${s.id}/results`}
              >
                {s.title}
              </Link>
            ),
          },
          { header: "Status", cell: (s) => <PhaseBadge phase={s.phase} /> },
          { header: "For", cell: (s) => s.org?.name ?? "Everyone" },
          {
            header: "Dates",
            cell: (s) =>
              s.phase === "draft"
                ? `closes ${formatDate(s.closesOn)}`
                : `${formatDate(s.opensOn)} – ${formatDate(s.closesOn)}`,
          },
          { header: "Questions", align: "right", cell: (s) => s._count.questions },
          { header: "Responses", align: "right", cell: (s) => s._count.responses },
        ]}
        rows={surveys}
        rowKey={(s) => s.id}
        empty={
          <EmptyState title="No surveys yet" action={{ href: "/surveys/new", label: "New survey" }}>
            Ask guardians and builders how the program is going: ratings, choices or written
            answers.
          </EmptyState>
        }
      />
      <Pagination
        page={page}
        pages={pages}
        total={total}
        href={pagedList.pageHref("/surveys", { page })}
      />
    </>
  );
}

/** The surveys a person may answer now, and those they answered (marked). */
export async function MySurveyList({ actor, page }: { actor: SessionActor; page: number }) {
  const { surveys, total, pages } = await surveysForPerson(actor, page);
  return (
    <>
      <DataTable
        caption="Surveys for you"
        columns={[
          {
            header: "Survey",
            rowHeader: true,
            cell: (s) => (
              <Link className={link} href={`/surveys/${s.id}`}>
                {s.title}
              </Link>
            ),
          },
          { header: "Questions", align: "right", cell: (s) => s._count.questions },
          {
            header: "Closes",
            cell: (s) =>
              s.phase === "open" ? formatDate(s.closesOn) : <PhaseBadge phase={s.phase} />,
          },
          {
            header: "Your answers",
            cell: (s) =>
              s.answeredAt ? (
                <span className="text-green-700 dark:text-green-400">
                  Answered {formatDate(s.answeredAt)}
                </span>
              ) : (
                <Link className={link} href={`/surveys/${s.id}`}>
                  Answer now
                </Link>
              ),
          },
        ]}
        rows={surveys}
        rowKey={(s) => s.id}
        empty={
          <EmptyState title="No surveys for you right now">
            When the program lead opens a survey for you, it shows here.
          </EmptyState>
        }
      />
      <Pagination
        page={page}
        pages={pages}
        total={total}
        href={pagedList.pageHref("/surveys", { page })}
      />
    </>
  );
}
