import type { FieldChange } from "@/lib/audit/diff";

const muted = "text-slate-600 dark:text-slate-400";
const none = <span className={muted}>none</span>;

/** The fields an entry changed: label, before → after (a record created or deleted shows one side). */
export function AuditChanges({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <p className={`text-xs ${muted}`}>No field changes recorded.</p>;
  return (
    <dl className="grid gap-x-3 gap-y-0.5 text-xs md:grid-cols-[minmax(6rem,auto)_1fr] md:gap-y-1">
      {changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className={`font-medium ${muted}`}>{c.label}</dt>
          <dd className="min-w-0 break-words">
            {c.before !== null ? (
              <>
                <del className="decoration-slate-400">{c.before}</del>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> changed to </span>
              </>
            ) : null}
            {c.after !== null ? (
              <ins className="no-underline">{c.after}</ins>
            ) : c.before !== null ? (
              none
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
