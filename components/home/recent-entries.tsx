import { Card, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import { ACTIVITY_TYPE, type ActivityType } from "@/lib/vocabulary";
import { formatHours } from "@/lib/hours";
import { MoreLink } from "./more-link";

type Entry = {
  id: bigint;
  date: Date;
  quarterHours: number;
  type: ActivityType;
  note: string | null;
};

const columns: Column<Entry>[] = [
  { header: "Date", className: "whitespace-nowrap", cell: (e) => formatDate(e.date) },
  { header: "Activity", cell: (e) => ACTIVITY_TYPE.label(e.type) },
  {
    header: "Hours",
    align: "right",
    className: "whitespace-nowrap",
    cell: (e) => formatHours(e.quarterHours),
  },
  {
    header: "Note",
    className: "hidden max-w-xs truncate text-slate-600 sm:table-cell dark:text-slate-400",
    cell: (e) => e.note,
  },
];

export function RecentEntries({ entries }: { entries: Entry[] }) {
  return (
    <Card>
      <CardTitle>Recent security work</CardTitle>
      {entries.length === 0 ? (
        <div className="mt-3">
          <EmptyState title="No hours logged yet">Security work you log shows here.</EmptyState>
        </div>
      ) : (
        <DataTable
          caption="Your five most recent activity entries"
          columns={columns}
          rows={entries}
          rowKey={(e) => String(e.id)}
          className="mt-2"
        />
      )}
      {entries.length ? (
        <MoreLink
          href="/log"
          shown={entries.length}
          total={entries.length}
          label="All your entries"
        />
      ) : null}
    </Card>
  );
}
