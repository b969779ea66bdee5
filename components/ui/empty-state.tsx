import Link from "next/link";

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: React.ReactNode;
  action?: { href: string; label: string };
}) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 p-6 text-center dark:border-slate-700">
      <p className="font-medium">{title}</p>
      {children ? (
        <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{children}</div>
      ) : null}
      {action ? (
        <Link
          href={action.href}
          className="mt-3 inline-block text-sm font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-100"
        >
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
