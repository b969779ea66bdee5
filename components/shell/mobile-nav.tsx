"use client";

import { Menu, Shield, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { NavIcon } from "@/lib/navigation";
import { NavLinks } from "./nav-links";

const FOCUSABLE = "a[href], button:not([disabled])";

/**
 * Below the md breakpoint the navigation lives in a drawer opened by a menu button: a modal
 * <dialog> (the page behind inert, Esc closes), Tab wraps inside it, focus returns to the button,
 * and it closes once a link is followed. From md up the sidebar shows and this is hidden.
 * The drawer's contents render only while it is open: every page would otherwise carry the
 * navigation twice (the sidebar's and this one), about a sixth of a dashboard's elements.
 */
export function MobileNav({ items }: { items: { href: string; label: string; icon: NavIcon }[] }) {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogId = useId();
  const pathname = usePathname();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && !dialog?.open) dialog?.showModal();
    if (!open && dialog?.open) {
      dialog.close();
      buttonRef.current?.focus();
    }
  }, [open]);

  // A followed link renders a new page under the drawer: close it then.
  const [shownPath, setShownPath] = useState(pathname);
  if (pathname !== shownPath) {
    setShownPath(pathname);
    setOpen(false);
  }

  function trapTab(event: React.KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== "Tab") return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  return (
    <div className="md:hidden">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={dialogId}
        onClick={() => setOpen(true)}
        className="flex items-center gap-1 rounded-md px-2 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <Menu aria-hidden className="h-5 w-5" />
        Menu
      </button>
      <dialog
        ref={dialogRef}
        id={dialogId}
        aria-label="Menu"
        onClose={() => setOpen(false)}
        onKeyDown={trapTab}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] overflow-y-auto bg-white p-3 text-slate-900 shadow-xl backdrop:bg-slate-900/60 dark:bg-slate-900 dark:text-slate-100"
      >
        {open ? (
          <>
            <div className="mb-2 flex items-center justify-between">
              <Link
                href="/"
                onClick={() => setOpen(false)}
                className="flex items-center gap-2 px-3 py-2 font-semibold"
              >
                <Shield aria-hidden className="h-5 w-5 text-brand-600" />
                Guardians
              </Link>
              <button
                type="button"
                onClick={() => setOpen(false)}
                aria-label="Close menu"
                className="rounded-md p-2 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              >
                <X aria-hidden className="h-5 w-5" />
              </button>
            </div>
            <nav aria-label="Main">
              <NavLinks items={items} onNavigate={() => setOpen(false)} />
            </nav>
          </>
        ) : null}
      </dialog>
    </div>
  );
}
