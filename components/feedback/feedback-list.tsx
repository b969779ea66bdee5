import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { pagedList } from "@/lib/url-state/lists";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { listFeedback } from "@/lib/server/feedback/queries";

const link = "text-brand-600 hover:underline dark:text-brand-100";

/** The feedback the actor may read, one page, under a header that gives the average. */
export async function FeedbackList({ actor, page }: { actor: SessionActor; page: number }) {
  const { rows, total, pages, average } = await listFeedback(actor, page);
  return (
    <>
      <PageHeader
        title="Feedback"
        description={`Security engineers' ratings of guardians' input to reviews and threat models.${average ? ` Average ${average.toFixed(2)} / 5 over ${total} ratings.` : ""}`}
      />
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No feedback yet">
            Ratings appear here once a security engineer rates input to a completed review or an
            approved threat model.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {rows.map((f) => (
              <li key={f.id} className="py-2">
                <p>
                  <strong>{f.rating}/5</strong> for{" "}
                  <Link href={`/people/${f.guardian.id}`} className={link}>
                    {f.guardian.name}
                  </Link>{" "}
                  on{" "}
                  {f.review ? (
                    <Link href={`/reviews/${f.review.id}`} className={link}>
                      {f.review.key} {f.review.service}
                    </Link>
                  ) : f.threatModel ? (
                    <Link href={`/threat-models/${f.threatModel.id}`} className={link}>
                      {f.threatModel.key} {f.threatModel.system}
                    </Link>
                  ) : (
                    "—"
                  )}
                </p>
                <p className="text-slate-600 dark:text-slate-400">
                  {f.comment ? `“${f.comment}” · ` : ""}
                  {f.rater.name}, {formatDate(f.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={page}
          pages={pages}
          total={total}
          href={pagedList.pageHref("/feedback", { page })}
        />
      </Card>
    </>
  );
}
