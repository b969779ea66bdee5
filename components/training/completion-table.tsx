import Link from "next/link";

type Row = {
  id: number;
  name: string;
  detail?: string;
  href?: string;
  guardians: number;
  complete: number | null;
};

/** Active guardians who completed every required course, per organisation or team. */
export function CompletionTable({
  caption,
  label,
  rows,
}: {
  caption: string;
  label: string;
  rows: Row[];
}) {
  return (
    <table className="mt-2 w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
        <tr>
          <th scope="col" className="py-1">
            {label}
          </th>
          <th scope="col" className="text-right">
            Guardians
          </th>
          <th scope="col" className="text-right">
            All required done
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1.5">
              {r.href ? (
                <Link href={r.href} className="text-brand-600 hover:underline dark:text-brand-100">
                  {r.name}
                </Link>
              ) : (
                r.name
              )}
              {r.detail ? (
                <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">{r.detail}</span>
              ) : null}
            </td>
            <td className="text-right tabular-nums">{r.guardians}</td>
            <td className="text-right tabular-nums">
              {r.complete === null ? (
                <span className="text-slate-600 dark:text-slate-400">not enough data</span>
              ) : (
                `${r.complete} (${Math.round((r.complete / r.guardians) * 100)}%)`
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
