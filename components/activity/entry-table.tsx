import Link from "next/link";
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

export function EntryTable({ entries }: { entries: Entry[] }) {
  if (entries.length === 0)
    return (
      <EmptyState title="No entries yet">
        Log your first security work with the form above.
      </EmptyState>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Your logged security work, newest first</caption>
        <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-2">
              Date
            </th>
            <th scope="col">Activity</th>
            <th scope="col" className="pr-4 text-right">
              Hours
            </th>
            <th scope="col" className="hidden md:table-cell">
              Linked to
            </th>
            <th scope="col" className="hidden md:table-cell">
              Note
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const summary = `${formatHours(e.quarterHours)} of ${ACTIVITY_TYPE.label(e.type).toLowerCase()} on ${formatDate(e.date)}`;
            return (
              <tr key={String(e.id)} className="border-t border-slate-100 dark:border-slate-800">
                <td className="whitespace-nowrap py-2">{formatDate(e.date)}</td>
                <td>
                  {ACTIVITY_TYPE.label(e.type)}
                  {e.version > 1 ? (
                    <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">
                      (edited)
                    </span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap pr-4 text-right tabular-nums">
                  {formatHours(e.quarterHours)}
                </td>
                <td className="hidden md:table-cell">
                  {e.review
                    ? `${e.review.key} ${e.review.service}`
                    : e.threatModel
                      ? `${e.threatModel.key} ${e.threatModel.system}`
                      : "—"}
                </td>
                <td className="hidden max-w-xs truncate md:table-cell">{e.note}</td>
                <td className="whitespace-nowrap text-right">
                  <Link
                    href={`/log/${e.id}/edit`}
                    className="px-2 text-brand-600 hover:underline dark:text-brand-100"
                    aria-label={`Edit ${summary}`}
                  >
                    Edit
                  </Link>
                  <DeleteEntry id={String(e.id)} summary={summary} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
