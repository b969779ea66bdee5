// The dashboards' agreed-time figures as series (the time view's charts, table and CSV) and the
// per-organisation CSV. Pure: the figures come from lib/server/agreed-time.
import { csvNumber } from "@/lib/metrics/csv-number";
import type { SeriesData } from "@/lib/metrics/series";
import { writeCsv } from "@/lib/transfer/csv";
import { AGREEMENT_COLOUR } from "@/lib/charts/colours";
import { STATUS_LABEL, WITHIN_HIGH, WITHIN_LOW, type AgreementShare } from "./rules";

export const AGREED_TIME_DEFINITION =
  `Of the active guardians at the quarter's end with time agreed for the quarter, the share ` +
  `who logged from ${WITHIN_LOW * 100} % to ${WITHIN_HIGH * 100} % of the hours agreed ` +
  `(the current quarter to date, its current month in proportion to the days elapsed).`;

export type QuarterShare = { quarter: string; toDate?: boolean; share: AgreementShare };

const COUNTS = ["within", "under", "over"] as const;

/** The time view's extra series: the share within agreement, and the guardians by status. */
export function agreedTimeSeries(quarters: QuarterShare[]): SeriesData[] {
  const points = (pick: (s: AgreementShare) => number | null) =>
    quarters.map((q) => ({
      quarter: q.quarter,
      value: pick(q.share),
      ...(q.toDate ? { toDate: true } : {}),
    }));
  return [
    {
      id: "agreed-within-pct",
      label: "Guardians within their agreed time",
      unit: "%",
      digits: 1,
      chart: "Guardians within their agreed time",
      points: points((s) => s.withinPct),
    },
    ...COUNTS.map((c) => ({
      id: `agreed-${c}`,
      label: `Guardians ${STATUS_LABEL[c].toLowerCase()}`,
      unit: "",
      digits: 0,
      chart: "Guardians with agreed time, by how they stand",
      axis: "guardians",
      stacked: true,
      swatch: AGREEMENT_COLOUR[c],
      points: points((s) => s[c]),
    })),
  ];
}

export type OrgShares = { id: number; name: string; quarters: QuarterShare[] };

/** Per organisation and quarter: the counts behind the share, and the share (four decimals). */
export function agreedTimeCsv(orgs: OrgShares[], filterLabel: string): string {
  const header = [
    "organisation",
    "organisation id",
    "filter",
    "quarter",
    "guardians with agreed time",
    "within",
    "under",
    "over",
    "within %",
  ];
  const rows = orgs.flatMap((o) =>
    o.quarters.map((q) => [
      o.name,
      String(o.id),
      filterLabel,
      q.quarter,
      String(q.share.withAgreement),
      String(q.share.within),
      String(q.share.under),
      String(q.share.over),
      csvNumber(q.share.withinPct),
    ]),
  );
  return writeCsv([header, ...rows], { lineEnd: "\n", numeric: [1, 4, 5, 6, 7, 8] });
}
