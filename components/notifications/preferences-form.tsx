"use client";

import { ActionForm, useFieldError } from "@/components/ui/action-form";
import { cn } from "@/components/ui/cn";
import type { EmailChoice, NotificationKind } from "@/lib/generated/prisma/enums";
import { saveNotificationPreferencesAction } from "@/lib/server/notifications/actions";

export type KindRow = {
  kind: NotificationKind;
  label: string;
  audience: string;
  /** The options offered (no daily digest for a summary). */
  options: { value: EmailChoice; label: string; isDefault: boolean }[];
  current: EmailChoice;
};

const COLUMNS: EmailChoice[] = ["IMMEDIATE", "DIGEST", "OFF"];

function KindChoice({ row }: { row: KindRow }) {
  const error = useFieldError(row.kind);
  const id = `pref-${row.kind}`;
  return (
    <div
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-audience${error ? ` ${id}-error` : ""}`}
      // An error focuses the group (ActionForm), which reads out its name and the error.
      aria-invalid={error ? true : undefined}
      tabIndex={error ? -1 : undefined}
      className="grid gap-2 py-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center"
    >
      <div>
        <p id={`${id}-label`} className="text-sm font-medium">
          {row.label}
        </p>
        <p id={`${id}-audience`} className="text-xs text-slate-600 dark:text-slate-400">
          {row.audience}
          {row.options.length < 3 ? " · a summary already, so never in the daily digest" : ""}
        </p>
        {error ? (
          <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
      {/* Three columns on every row, so the same choice lines up down the page. */}
      <div className="grid grid-cols-3 gap-2 sm:w-[25rem]">
        {COLUMNS.map((value) => {
          const o = row.options.find((x) => x.value === value);
          if (!o) return <span key={value} aria-hidden />;
          return (
            <label
              key={o.value}
              className={cn(
                "flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1.5 text-xs sm:text-sm dark:border-slate-700",
                "has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 dark:has-[:checked]:bg-slate-800",
              )}
            >
              <input
                type="radio"
                name={row.kind}
                value={o.value}
                defaultChecked={o.value === row.current}
                className="h-4 w-4 shrink-0 accent-brand-600"
              />
              <span className="leading-tight">
                {o.label}
                {o.isDefault ? (
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {" "}
                    (default)
                  </span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </div>
  );
}

/** Every kind's email choice, the person's likely kinds first; one save for all. */
export function PreferencesForm({
  sections,
}: {
  sections: { title: string; description: string; rows: KindRow[] }[];
}) {
  return (
    <ActionForm
      action={saveNotificationPreferencesAction}
      label="Email preferences"
      submit="Save preferences"
      className="flex-col"
    >
      {sections
        .filter((s) => s.rows.length > 0)
        .map((s) => (
          <section
            key={s.title}
            aria-labelledby={`section-${s.title}`}
            className="w-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
          >
            <h2
              id={`section-${s.title}`}
              className="text-sm font-semibold text-slate-700 dark:text-slate-200"
            >
              {s.title}
            </h2>
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{s.description}</p>
            <div className="divide-y divide-slate-100 dark:divide-slate-800">
              {s.rows.map((row) => (
                <KindChoice key={row.kind} row={row} />
              ))}
            </div>
          </section>
        ))}
    </ActionForm>
  );
}
