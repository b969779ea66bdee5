import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";

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
  const columns: Column<Row>[] = [
    {
      header: label,
      cell: (r) => (
        <>
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
        </>
      ),
    },
    { header: "Guardians", align: "right", cell: (r) => r.guardians },
    {
      header: "All required done",
      align: "right",
      cell: (r) =>
        r.complete === null ? (
          <span className="text-slate-600 dark:text-slate-400">not enough data</span>
        ) : (
          `${r.complete} (${Math.round((r.complete / r.guardians) * 100)}%)`
        ),
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      className="mt-2"
    />
  );
}
