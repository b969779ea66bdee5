import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * One section of a team's page: a title with its total, the first rows, and a link to the full
 * filtered list when there are more (or always, when `always`).
 */
export function HubSection({
  id,
  title,
  total,
  shown,
  more,
  empty,
  children,
}: {
  id: string;
  title: string;
  total: number;
  shown: number;
  more?: { href: string; label: string; always?: boolean };
  empty: string;
  children: React.ReactNode;
}) {
  return (
    <Card aria-labelledby={`${id}-title`} className="min-w-0">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <CardTitle>
          <span id={`${id}-title`}>{title}</span>{" "}
          <span className="font-normal text-slate-600 dark:text-slate-400">({total})</span>
        </CardTitle>
        {more && (more.always || total > shown) ? (
          <Link
            href={more.href}
            className="text-sm text-brand-600 underline underline-offset-2 dark:text-brand-100"
          >
            {more.label}
          </Link>
        ) : null}
      </div>
      <div className="mt-2">{total === 0 ? <EmptyState title={empty} /> : children}</div>
      {total > shown ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          Showing {shown} of {total}.
        </p>
      ) : null}
    </Card>
  );
}
