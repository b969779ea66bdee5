import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import { RATING_SCALE, type SurveyResult } from "@/lib/metrics/surveys";
import { Value } from "./series-table";

type Question = SurveyResult["questions"][number];

const columns: Column<Question>[] = [
  { header: "Question", rowHeader: true, cell: (q) => q.text },
  { header: "Responses", align: "right", cell: (q) => q.responses },
  {
    header: "Mean rating",
    align: "right",
    // Written answers and choices have no rating: one cell says so across the rating columns.
    colSpan: (q) => (q.kind === "RATING" ? undefined : 1 + RATING_SCALE.length),
    cell: (q) =>
      q.kind === "TEXT" ? (
        <span className="text-xs text-slate-500 dark:text-slate-400">
          written answers, not rated
        </span>
      ) : q.kind === "CHOICE" ? (
        <span className="text-xs">
          {q.distribution.map((d) => `${d.option}: ${d.count}`).join(" · ")}
        </span>
      ) : (
        <Value value={q.mean} digits={2} unit="/5" />
      ),
  },
  ...RATING_SCALE.map((r): Column<Question> => ({
    header: (
      <>
        <span className="sr-only">Rated </span>
        {r}
      </>
    ),
    align: "right",
    cell: (q) => (q.kind === "RATING" ? q.distribution[r] : null),
  })),
];

/** Per survey, per question: responses, mean rating and how many gave each rating. */
export function SurveyResults({
  surveys,
  scopeLabel,
}: {
  surveys: SurveyResult[];
  scopeLabel: string;
}) {
  if (surveys.length === 0)
    return (
      <EmptyState title="Survey results: not enough data">
        No survey closed in the quarters shown.
      </EmptyState>
    );
  return (
    <div className="space-y-6">
      {surveys.map((s) => (
        <div key={s.id}>
          <h3 className="text-sm font-medium">{s.title}</h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Closed {formatDate(s.closesOn)} ({s.quarter}); {s.respondents}{" "}
            {s.respondents === 1 ? "respondent" : "respondents"} in scope.
          </p>
          <DataTable
            caption={`Results of ${s.title} (${scopeLabel})`}
            columns={columns}
            rows={s.questions}
            rowKey={(q) => q.id}
            className="mt-2"
          />
        </div>
      ))}
    </div>
  );
}
