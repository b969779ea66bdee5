"use client";

import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { useSuggestions } from "@/components/ui/use-suggestions";
import {
  MIN_QUERY_LENGTH,
  SEARCH_TYPE_LABELS,
  type SearchGroup,
  type SearchHit,
} from "@/lib/search/query";

const NONE = { groups: [] as SearchGroup[] };

/** "/" or Ctrl-K (⌘K) from anywhere but a text field focuses the box. */
function isShortcut(event: KeyboardEvent) {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") return true;
  const target = event.target as HTMLElement | null;
  const typing = target?.closest("input, textarea, select, [contenteditable=true]");
  return event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/**
 * The header's search box: people, teams, reviews, threat models and releases by name or key,
 * within what the person may see, grouped by kind as they type (the combobox pattern: arrows
 * move, Enter opens the record). Enter without a chosen suggestion opens the full results page,
 * which is also where the box leads without JavaScript.
 */
export function HeaderSearch() {
  const router = useRouter();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [groups, setGroups] = useState<SearchGroup[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [note, setNote] = useState("");
  const hits: SearchHit[] = groups.flatMap((g) => g.hits);
  const lookUp = useSuggestions<{ groups: SearchGroup[] }>(
    "/api/search",
    (_q, answer) => {
      setGroups(answer.groups);
      setActive(-1);
      setOpen(document.activeElement === input.current);
      const n = answer.groups.reduce((sum, g) => sum + g.total, 0);
      setNote(
        n === 0
          ? "Nothing found."
          : `${answer.groups.map((g) => `${g.total} ${SEARCH_TYPE_LABELS[g.type].toLowerCase()}`).join(", ")}. Arrow keys to choose, Enter for all results.`,
      );
    },
    NONE,
  );

  useEffect(() => {
    const focus = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener("keydown", focus);
    return () => window.removeEventListener("keydown", focus);
  }, []);

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const n = hits.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(n > 0);
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : -1) + n) % n);
    } else if (event.key === "Enter" && open && hits[active]) {
      event.preventDefault();
      setOpen(false);
      router.push(hits[active].href);
    } else if (event.key === "Escape") {
      if (open) setOpen(false);
      else setText("");
    }
  }

  const optionId = (i: number) => `${listId}-${i}`;
  const expanded = open && hits.length > 0;
  let index = -1;
  return (
    <form action="/search" method="get" role="search" className="relative w-full sm:w-72">
      <label htmlFor="header-search" className="sr-only">
        Search people, teams, reviews, threat models and releases
      </label>
      <Search
        aria-hidden
        className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-500"
      />
      <input
        ref={input}
        id="header-search"
        name="q"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-keyshortcuts="/ Control+K"
        autoComplete="off"
        placeholder="Search…  ( / )"
        maxLength={100}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim().length >= MIN_QUERY_LENGTH) lookUp(e.target.value, 200);
          else setOpen(false);
        }}
        onFocus={() => text.trim().length >= MIN_QUERY_LENGTH && lookUp(text, 0)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className={`${inputClass} pl-8`}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Search suggestions"
        hidden={!expanded}
        className="absolute right-0 z-30 mt-1 max-h-[70vh] w-full min-w-72 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg sm:w-96 dark:border-slate-700 dark:bg-slate-900"
      >
        {groups.map((g) => (
          <div key={g.type} role="group" aria-labelledby={`${listId}-${g.type}`}>
            <p
              id={`${listId}-${g.type}`}
              role="presentation"
              className="px-3 pb-0.5 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300"
            >
              {SEARCH_TYPE_LABELS[g.type]}
              {g.total > g.hits.length ? ` (${g.total})` : ""}
            </p>
            {g.hits.map((h) => {
              const i = ++index;
              return (
                <div
                  key={h.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => {
                    setOpen(false);
                    router.push(h.href);
                  }}
                  className="cursor-pointer px-3 py-1.5 aria-selected:bg-brand-50 dark:aria-selected:bg-slate-800"
                >
                  <span className="block font-medium">{h.title}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-300">
                    {h.detail}
                  </span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <p className="sr-only" aria-live="polite">
        {note}
      </p>
    </form>
  );
}
