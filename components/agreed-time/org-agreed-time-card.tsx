import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { formatAgreed } from "@/lib/agreed-time/rules";
import { formatFigure } from "@/lib/metrics/stats";
import { formatHours } from "@/lib/hours";
import { orgAgreedTime } from "@/lib/server/agreed-time/org";
import { AgreementBadge } from "./agreed-time-summary";

type Row = Awaited<ReturnType<typeof orgAgreedTime>>["guardians"][number];
const link = "text-brand-600 hover:underline dark:text-brand-100";

const columns: Column<Row>[] = [
  {
    header: "Guardian",
    rowHeader: true,
    cell: (g) => (
      <Link href={`/people/${g.userId}#agreed-time`} className={link}>
        {g.name}
      </Link>
    ),
  },
  {
    header: "Logged of agreed",
    align: "right",
    className: "whitespace-nowrap",
    cell: (g) => `${formatHours(g.logged)} of ${formatAgreed(g.agreed)}`,
  },
  { header: "Standing", cell: (g) => <AgreementBadge status={g.status} /> },
];

/** The manager's home: their guardians' hours logged against agreed, this quarter to date. */
export async function OrgAgreedTimeCard({ actor }: { actor: SessionActor }) {
  const t = await orgAgreedTime(actor);
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <CardTitle>Agreed time, {t.quarter} to date</CardTitle>
        <Link href="/dashboard/time#agreed-time" className={`text-sm ${link}`}>
          Time dashboard
        </Link>
      </div>
      {t.share.withAgreement === 0 ? (
        <div className="mt-3">
          <EmptyState title="No time agreed with your guardians yet">
            Agree a monthly allocation on a guardian&apos;s profile (Agreed time).
          </EmptyState>
        </div>
      ) : (
        <>
          <p className="mt-2 text-sm">
            <span className="text-2xl font-semibold tabular-nums">
              {formatFigure(t.share.withinPct, 0, "%")}
            </span>{" "}
            within their agreement: {t.share.within} of the {t.share.withAgreement} guardians with
            time agreed ({t.share.under} under, {t.share.over} over).{" "}
            {t.activeGuardians - t.share.withAgreement > 0
              ? `${t.activeGuardians - t.share.withAgreement} active guardians have no time agreed.`
              : null}
          </p>
          <DataTable
            caption="Guardians with time agreed, furthest from their agreement first"
            columns={columns}
            rows={t.guardians}
            rowKey={(g) => g.userId}
            className="mt-2"
          />
        </>
      )}
    </Card>
  );
}
