import Link from "next/link";
import { DecisionButtons } from "@/components/nominations/decision-buttons";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { pagedList } from "@/lib/url-state/lists";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { listPendingNominations } from "@/lib/server/nominations/queries";

/** One page of pending nominations, oldest first; `approver` adds the decision buttons. */
export async function NominationsList({
  actor,
  page,
  approver,
}: {
  actor: SessionActor;
  page: number;
  approver: boolean;
}) {
  const { rows, total, pages } = await listPendingNominations(actor, page);
  return (
    <Card>
      {rows.length === 0 ? (
        <EmptyState
          title="No nominations waiting"
          action={{ href: "/directory", label: "Find a team to nominate a guardian for" }}
        />
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((n) => (
            <li key={n.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-medium">
                  {n.user.name}{" "}
                  <span className="font-normal text-slate-600 dark:text-slate-400">for</span>{" "}
                  <Link
                    href={`/directory/teams/${n.team.id}`}
                    className="text-brand-600 hover:underline dark:text-brand-100"
                  >
                    {n.team.name}
                  </Link>
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {n.team.org.name} · nominated {formatDate(n.nominatedOn)}
                  {n.nominatedBy ? ` by ${n.nominatedBy.name}` : ""} ·{" "}
                  {n.team.guardians.length
                    ? `team has ${n.team.guardians.length} guardian(s)`
                    : "team has no guardian yet"}
                </p>
                {n.reason ? <p className="mt-1 text-sm">“{n.reason}”</p> : null}
              </div>
              {approver ? <DecisionButtons membershipId={n.id} who={n.user.name} /> : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pages={pages}
        total={total}
        href={pagedList.pageHref("/nominations", { page })}
      />
    </Card>
  );
}
