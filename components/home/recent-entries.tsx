import { Card, CardTitle } from "@/components/ui/card";
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

export function RecentEntries({ entries }: { entries: Entry[] }) {
  return (
    <Card>
      <CardTitle>Recent security work</CardTitle>
      {entries.length === 0 ? (
        <div className="mt-3">
          <EmptyState title="No hours logged yet">Security work you log shows here.</EmptyState>
        </div>
      ) : (
        <table className="mt-2 w-full text-sm">
          <caption className="sr-only">Your five most recent activity entries</caption>
          <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1">
                Date
              </th>
              <th scope="col">Activity</th>
              <th scope="col" className="pr-4 text-right">
                Hours
              </th>
              <th scope="col" className="hidden sm:table-cell">
                Note
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={String(e.id)} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5 whitespace-nowrap">{formatDate(e.date)}</td>
                <td>{ACTIVITY_TYPE.label(e.type)}</td>
                <td className="whitespace-nowrap pr-4 text-right tabular-nums">
                  {formatHours(e.quarterHours)}
                </td>
                <td className="hidden max-w-xs truncate text-slate-600 sm:table-cell dark:text-slate-400">
                  {e.note}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
