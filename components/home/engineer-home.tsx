import Link from "next/link";
import { Card, CardTitle, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { spotChecksWaiting } from "@/lib/server/fast-track/queries";
import { getEngineerQueue } from "@/lib/server/home/program";
import { MoreLink } from "./more-link";
import { reviewsList, threatModelsList } from "@/lib/url-state/lists";

const mine = reviewsList.href("/reviews", { filter: { engineer: "me", status: "open" } });
const unassigned = reviewsList.href("/reviews", { filter: { engineer: "none", status: "open" } });
const inReview = threatModelsList.href("/threat-models", { filter: { status: "IN_REVIEW" } });

const link = "hover:underline";

export async function EngineerHome({ actor }: { actor: SessionActor }) {
  const [queue, spotChecks] = await Promise.all([
    getEngineerQueue(actor),
    spotChecksWaiting(actor),
  ]);
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Your open reviews"
          value={
            <Link className={link} href={mine}>
              {queue.mineCount.toLocaleString("en")}
            </Link>
          }
        />
        <Stat
          label="Reviews without an engineer"
          value={
            <Link className={link} href={unassigned}>
              {queue.unassigned.toLocaleString("en")}
            </Link>
          }
        />
        <Stat
          label="Fast tracks to spot-check"
          value={
            <Link className={link} href="/fast-track/spot-checks">
              {spotChecks.toLocaleString("en")}
            </Link>
          }
        />
        <Stat
          label="Threat models in review"
          value={
            <Link className={link} href={inReview}>
              {queue.inReview.toLocaleString("en")}
            </Link>
          }
        />
      </div>
      <Card>
        <CardTitle>Your open reviews, oldest first</CardTitle>
        {queue.mine.length === 0 ? (
          <div className="mt-3">
            <EmptyState title="No open reviews assigned to you" />
          </div>
        ) : (
          <>
            <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
              {queue.mine.map((r) => (
                <li key={r.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                  <Link
                    href={`/reviews/${r.id}`}
                    className="text-brand-600 hover:underline dark:text-brand-100"
                  >
                    <span className="font-mono text-xs">{r.key}</span> {r.service}{" "}
                    <span className="text-slate-600 dark:text-slate-400">· {r.team.name}</span>
                  </Link>
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {r.startedAt
                      ? `started ${formatDate(r.startedAt)}`
                      : `requested ${formatDate(r.requestedAt)}`}
                  </span>
                </li>
              ))}
            </ul>
            <MoreLink
              href={mine}
              shown={queue.mine.length}
              total={queue.mineCount}
              label="All your open reviews"
            />
          </>
        )}
      </Card>
    </div>
  );
}
