import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import { RATING_SCALE, type SurveyResult } from "@/lib/metrics/surveys";
import { formatValue } from "./series-table";

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
        <div key={s.id} className="overflow-x-auto">
          <h3 className="text-sm font-medium">{s.title}</h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Closed {formatDate(s.closesOn)} ({s.quarter}); {s.respondents}{" "}
            {s.respondents === 1 ? "respondent" : "respondents"} in scope.
          </p>
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">{`Results of ${s.title} (${scopeLabel})`}</caption>
            <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2 pr-4">
                  Question
                </th>
                <th scope="col" className="px-2 text-right">
                  Responses
                </th>
                <th scope="col" className="px-2 text-right">
                  Mean rating
                </th>
                {RATING_SCALE.map((r) => (
                  <th key={r} scope="col" className="px-2 text-right">
                    <span className="sr-only">Rated </span>
                    {r}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.questions.map((q) => (
                <tr key={q.id} className="border-t border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    {q.text}
                  </th>
                  <td className="px-2 text-right tabular-nums">{q.responses}</td>
                  {q.kind === "TEXT" ? (
                    <td
                      colSpan={1 + RATING_SCALE.length}
                      className="px-2 text-right text-xs text-slate-500 dark:text-slate-400"
                    >
                      written answers, not rated
                    </td>
                  ) : (
                    <>
                      <td
                        className={`px-2 text-right tabular-nums ${q.mean === null ? "text-xs text-slate-500 dark:text-slate-400" : ""}`}
                      >
                        {formatValue(q.mean, 2, "/5")}
                      </td>
                      {RATING_SCALE.map((r) => (
                        <td key={r} className="px-2 text-right tabular-nums">
                          {q.distribution[r]}
                        </td>
                      ))}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
