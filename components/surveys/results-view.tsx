import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { formatDate, plural } from "@/lib/format";
import { RATING_SCALE, type SurveyResult } from "@/lib/metrics/surveys";

type Written = {
  id: number;
  questionId: number;
  text: string | null;
  response: { submittedAt: Date };
};

/** Counts as bars with their numbers in words (the bar is decoration; the text carries it). */
function Distribution({
  rows,
  total,
}: {
  rows: { label: string; count: number }[];
  total: number;
}) {
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {rows.map((r) => {
        const pct = total ? Math.round((r.count / total) * 100) : 0;
        return (
          <li
            key={r.label}
            className="grid grid-cols-[minmax(6rem,12rem)_1fr_5rem] items-center gap-2"
          >
            <span className="truncate" title={r.label}>
              {r.label}
            </span>
            <span aria-hidden className="h-2 rounded bg-slate-100 dark:bg-slate-800">
              <span className="block h-2 rounded bg-brand-600" style={{ width: `${pct}%` }} />
            </span>
            <span className="text-right tabular-nums">
              {r.count} <span className="text-xs text-slate-600 dark:text-slate-400">({pct}%)</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A survey's results, question by question: rating means and distributions, choice counts, and
 * a page of the written answers (without names: who wrote what is not shown to anyone).
 */
export function ResultsView({
  result,
  written,
  writtenTotal,
  page,
  pages,
  pageHref,
}: {
  result: SurveyResult;
  written: Written[];
  writtenTotal: number;
  page: number;
  pages: number;
  pageHref: (page: number) => string;
}) {
  if (result.respondents === 0)
    return (
      <EmptyState title="No answers yet">Results show here as soon as someone answers.</EmptyState>
    );
  return (
    <div className="space-y-4">
      {result.questions.map((q) => (
        <Card key={q.id}>
          <CardTitle>
            {q.position}. {q.text}
          </CardTitle>
          {q.kind === "RATING" ? (
            <>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                Mean {q.mean === null ? "not enough data" : `${q.mean.toFixed(2)} / 5`} from{" "}
                {plural(q.responses, "rating")}
              </p>
              <Distribution
                total={q.responses}
                rows={RATING_SCALE.map((r) => ({ label: `Rated ${r}`, count: q.distribution[r] }))}
              />
            </>
          ) : q.kind === "CHOICE" ? (
            <>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                {plural(q.responses, "answer")}
              </p>
              <Distribution
                total={q.responses}
                rows={q.distribution.map((d) => ({ label: d.option, count: d.count }))}
              />
            </>
          ) : (
            <>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                {plural(q.responses, "written answer")}
              </p>
              <ul className="mt-2 space-y-2 text-sm">
                {written
                  .filter((w) => w.questionId === q.id)
                  .map((w) => (
                    <li
                      key={w.id}
                      className="whitespace-pre-line rounded-md bg-slate-50 p-2 dark:bg-slate-800/60"
                    >
                      {w.text}
                      <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">
                        {formatDate(w.response.submittedAt)}
                      </span>
                    </li>
                  ))}
              </ul>
            </>
          )}
        </Card>
      ))}
      {writtenTotal > 0 ? (
        <Pagination page={page} pages={pages} total={writtenTotal} href={pageHref} />
      ) : null}
    </div>
  );
}
