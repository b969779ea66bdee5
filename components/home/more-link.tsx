import Link from "next/link";

/** "See all 23" under a capped home list, shown only when the list holds fewer rows than the count. */
export function MoreLink({
  href,
  shown,
  total,
  label,
}: {
  href: string;
  shown: number;
  total: number;
  label: string;
}) {
  return (
    <p className="mt-2 text-sm">
      {shown < total ? (
        <span className="text-slate-600 dark:text-slate-400">
          Showing {shown} of {total.toLocaleString("en")}.{" "}
        </span>
      ) : null}
      <Link href={href} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
        {label}
      </Link>
    </p>
  );
}
