import Link from "next/link";
import { Shield } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { NAV_ITEMS } from "@/lib/navigation";
import { quarterLabel, quarterOf } from "@/lib/period";
import { ROLE } from "@/lib/vocabulary";
import { NotificationBell } from "@/components/notifications/bell";
import { HeaderSearch } from "@/components/search/header-search";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

export function AppShell({ actor, children }: { actor: SessionActor; children: React.ReactNode }) {
  const items = NAV_ITEMS.filter((i) => i.permission === null || can(actor, i.permission)).map(
    ({ href, label, icon }) => ({ href, label, icon }),
  );
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <nav
        aria-label="Main"
        className="no-print hidden border-b border-slate-200 bg-white px-3 py-2 md:block md:w-56 md:shrink-0 md:border-b-0 md:border-r md:py-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <Link href="/" className="mb-2 hidden items-center gap-2 px-3 py-2 font-semibold md:flex">
          <Shield aria-hidden className="h-5 w-5 text-brand-600" />
          Guardians
        </Link>
        <NavLinks items={items} />
      </nav>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
          <MobileNav items={items} />
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Current period:{" "}
            <span className="font-medium text-slate-900 dark:text-slate-100">
              {quarterLabel(quarterOf(new Date()))}
            </span>
          </p>
          <HeaderSearch />
          <div className="flex items-center gap-1">
            <div className="mr-2 text-right text-sm leading-tight">
              <Link
                href="/account"
                className="font-medium hover:underline"
                title="Your account: password and sessions"
              >
                {actor.name}
              </Link>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {actor.roles.map(ROLE.label).join(", ")}
              </p>
            </div>
            <NotificationBell actor={actor} />
            <ThemeToggle />
            <SignOutButton />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
          {children}
        </main>
      </div>
    </div>
  );
}
