"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";

// One confirmation at a time, shown at the foot of the screen and announced by screen readers:
// the live region is always in the page, so a message put into it is read out (the message
// itself is a role="status"), and it never takes focus. It stays 6 seconds, longer while the pointer or focus is on it; its
// button, or Escape while focus is in it, dismisses it; Alt+T moves focus to it.
type Confirmation = { id: number; message: string };

let current: Confirmation | null = null;
let nextId = 1;
const listeners = new Set<() => void>();
const publish = (value: Confirmation | null) => {
  current = value;
  listeners.forEach((l) => l());
};

/** Shows and announces a confirmation (replacing the one on screen). */
export function showConfirmation(message: string) {
  publish({ id: nextId++, message });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const SHOWN_MS = 6000;

/** Mounted once, in the root layout. */
export function Toaster() {
  const shown = useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
  const [held, setHeld] = useState(false);
  const region = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!shown || held) return;
    const timer = setTimeout(() => current?.id === shown.id && publish(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [shown, held]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.code === "KeyT") region.current?.querySelector("button")?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const dismiss = () => {
    setHeld(false);
    publish(null);
  };
  return (
    <div
      ref={region}
      aria-live="polite"
      className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex justify-center sm:inset-x-auto sm:right-6 sm:bottom-6 print:hidden"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHeld(false);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") dismiss();
      }}
    >
      {shown ? (
        <p
          key={shown.id}
          role="status"
          className="pointer-events-auto flex max-w-md items-start gap-3 rounded-md border border-green-700 bg-white px-4 py-3 text-sm text-slate-900 shadow-lg dark:border-green-500 dark:bg-slate-900 dark:text-slate-100"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className="mt-0.5 h-4 w-4 shrink-0 text-green-700 dark:text-green-400"
            fill="none"
          >
            <path d="M3 8.5l3 3 7-7" stroke="currentColor" strokeWidth="2" />
          </svg>
          <span className="flex-1">{shown.message}</span>
          <button
            type="button"
            onClick={dismiss}
            aria-label="Dismiss"
            className="-m-1 rounded p-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" />
            </svg>
          </button>
        </p>
      ) : null}
    </div>
  );
}
