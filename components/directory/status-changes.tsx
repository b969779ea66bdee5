import { formatDate } from "@/lib/format";

export type StatusChange = {
  id: number;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  at: Date;
  changedBy: { name: string } | null;
};

const WHAT: Record<string, string> = {
  NOMINATED: "Nominated",
  ACTIVE: "Approved",
  DECLINED: "Declined",
  ALUMNI: "Stepped down",
};

/** A membership's status changes, oldest first: what, when, by whom, and the note given. */
export function StatusChanges({ changes }: { changes: StatusChange[] }) {
  if (changes.length === 0)
    return <span className="text-xs text-slate-600 dark:text-slate-400">No recorded changes</span>;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-brand-600 dark:text-brand-100">
        {changes.length} change{changes.length === 1 ? "" : "s"}
      </summary>
      <ol className="mt-1 space-y-1">
        {changes.map((c) => (
          <li key={c.id}>
            <span className="font-medium">{WHAT[c.toStatus] ?? c.toStatus}</span> {formatDate(c.at)}
            {c.changedBy ? ` by ${c.changedBy.name}` : ""}
            {c.note ? (
              <span className="block text-slate-600 dark:text-slate-400">“{c.note}”</span>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
