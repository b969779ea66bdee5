"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/directory", label: "Teams" },
  { href: "/directory/people", label: "People" },
  { href: "/directory/orgs", label: "Organisations" },
];

export function DirectoryTabs() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Directory sections"
      className="mb-4 flex gap-1 border-b border-slate-200 dark:border-slate-800"
    >
      {TABS.map((t) => {
        const active =
          t.href === "/directory"
            ? pathname === "/directory" || pathname.startsWith("/directory/teams")
            : pathname.startsWith(t.href);
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              active
                ? "border-brand-600 text-brand-700 dark:text-white"
                : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400",
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
