"use client";

import { useEffect, useRef, useState } from "react";
import { Select } from "@/components/ui/select";

type Option = { value: string; label: string };

/**
 * The team filter: a list when the page sent every team (a few hundred at most), otherwise a
 * search box whose suggestions come from /api/teams as the person types, within the
 * organisation chosen in the same form. Changing the organisation clears the team.
 */
export function TeamFilter({
  teams,
  count,
  selected,
  defaultValue,
}: {
  teams: Option[];
  count: number;
  selected: Option | null;
  defaultValue: string;
}) {
  const anchor = useRef<HTMLDivElement>(null);
  const [value, setValue] = useState(defaultValue); // the list's choice
  const [text, setText] = useState(selected?.label ?? "");
  const [suggestions, setSuggestions] = useState<Option[]>([]);
  const [known, setKnown] = useState<Map<string, string>>(
    () => new Map(selected ? [[selected.label, selected.value]] : []),
  );
  const [answeredFor, setAnsweredFor] = useState<string | null>(null); // the text the suggestions answer
  const search = count > 0 && teams.length === 0;

  useEffect(() => {
    const org = anchor.current?.closest("form")?.elements.namedItem("org");
    if (!(org instanceof HTMLSelectElement)) return;
    const clear = () => {
      setValue("");
      setText("");
      setSuggestions([]);
      setAnsweredFor(null);
    };
    org.addEventListener("change", clear);
    return () => org.removeEventListener("change", clear);
  }, []);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      controller.current?.abort();
    },
    [],
  );
  const lookUp = (q: string, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      controller.current?.abort();
      const c = (controller.current = new AbortController());
      const org = anchor.current?.closest("form")?.elements.namedItem("org");
      const orgId = org instanceof HTMLSelectElement ? org.value : "";
      fetch(
        `/api/teams?for=dashboard&org=${encodeURIComponent(orgId)}&q=${encodeURIComponent(q.trim().slice(0, 100))}`,
        { signal: c.signal },
      )
        .then((r) => (r.ok ? (r.json() as Promise<Option[]>) : []))
        .then((list) => {
          setSuggestions(list);
          setKnown(
            (m) => new Map([...m, ...list.map((o): [string, string] => [o.label, o.value])]),
          );
          setAnsweredFor(q);
        })
        .catch(() => {}); // aborted by a newer look-up, or offline: the box stays usable
    }, delay);
  };

  if (!search) {
    return (
      <div ref={anchor}>
        <Select
          label="Team"
          name="team"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="All teams"
          options={teams}
        />
      </div>
    );
  }
  const match = known.get(text.trim());
  const answered = text.trim() !== "" && !match && answeredFor === text;
  const unknown = answered && suggestions.length === 0; // nothing even contains the text
  const hint = unknown
    ? "No team has that name: check the spelling, or choose another organisation."
    : answered
      ? `${suggestions.length === 20 ? "20 or more" : suggestions.length} teams match: pick one of the suggestions.`
      : `${count} teams: type part of a name, or pick an organisation first.`;
  return (
    <div ref={anchor} className="w-72 space-y-1">
      <label htmlFor="team-search" className="block text-sm font-medium">
        Team
      </label>
      <input
        id="team-search"
        type="search"
        list="team-search-options"
        autoComplete="off"
        value={text}
        placeholder="All teams: type to search"
        onChange={(e) => {
          setText(e.target.value);
          lookUp(e.target.value, 150);
        }}
        onFocus={() => lookUp(text, 0)}
        aria-describedby="team-search-hint"
        aria-invalid={unknown || undefined}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-500"
      />
      <datalist id="team-search-options">
        {suggestions.map((o) => (
          <option key={o.value} value={o.label} />
        ))}
      </datalist>
      <input type="hidden" name="team" value={match ?? ""} />
      <p
        id="team-search-hint"
        className="text-xs text-slate-600 dark:text-slate-400"
        aria-live="polite"
      >
        {hint}
      </p>
    </div>
  );
}
