import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import { formatHours } from "@/lib/hours";
import { ACTIVITY_TYPE, type ActivityType } from "@/lib/vocabulary";
import { DeleteEntry } from "./delete-entry";

type Entry = {
  id: bigint;
  date: Date;
  quarterHours: number;
  type: ActivityType;
  note: string | null;
  version: number;
  review: { key: string; service: string } | null;
  threatModel: { key: string; system: string } | null;
};

const summary = (e: Entry) =>
  `${formatHours(e.quarterHours)} of ${ACTIVITY_TYPE.label(e.type).toLowerCase()} on ${formatDate(e.date)}`;

const columns: Column<Entry>[] = [
  { header: "Date", className: "whitespace-nowrap", cell: (e) => formatDate(e.date) },
  {
    header: "Activity",
    cell: (e) => (
      <>
        {ACTIVITY_TYPE.label(e.type)}
        {e.version > 1 ? (
          <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(edited)</span>
        ) : null}
      </>
    ),
  },
  {
    header: "Hours",
    align: "right",
    className: "whitespace-nowrap",
    cell: (e) => formatHours(e.quarterHours),
  },
  {
    header: "Linked to",
    className: "hidden md:table-cell",
    cell: (e) =>
      e.review
        ? `${e.review.key} ${e.review.service}`
        : e.threatModel
          ? `${e.threatModel.key} ${e.threatModel.system}`
          : "—",
  },
  { header: "Note", className: "hidden max-w-xs truncate md:table-cell", cell: (e) => e.note },
  {
    header: <span className="sr-only">Actions</span>,
    align: "right",
    className: "whitespace-nowrap",
    cell: (e) => (
      <>
        <Link
          href={`/log/${e.id}/edit`}
          className="px-2 text-brand-600 hover:underline dark:text-brand-100"
          aria-label={`Edit ${summary(e)}`}
        >
          Edit
        </Link>
        <DeleteEntry id={String(e.id)} summary={summary(e)} />
      </>
    ),
  },
];

export function EntryTable({ entries }: { entries: Entry[] }) {
  if (entries.length === 0)
    return (
      <EmptyState title="No entries yet">
        Log your first security work with the form above.
      </EmptyState>
    );
  return (
    <DataTable
      caption="Your logged security work, newest first"
      columns={columns}
      rows={entries}
      rowKey={(e) => String(e.id)}
    />
  );
}
