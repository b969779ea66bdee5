"use client";

import { useEffect, useRef, useState } from "react";
import { Select } from "@/components/ui/select";

/** [team id, label]: compact, since a large program sends thousands of them. */
export type TeamChoice = [value: string, label: string];

/** Above this many teams the filter is a search box (with suggestions) instead of a long list. */
export const TEAM_SELECT_LIMIT = 300;

/**
 * The team filter: a list for a few teams, a searchable box for many. Its options belong to the
 * organisation chosen in the same form, so changing the organisation clears the team.
 */
export function TeamFilter({ teams, defaultValue }: { teams: TeamChoice[]; defaultValue: string }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [value, setValue] = useState(defaultValue); // the list's choice
  const [text, setText] = useState(() => teams.find(([v]) => v === defaultValue)?.[1] ?? "");
  const [suggest, setSuggest] = useState(false); // the suggestions are built on first focus, not sent as HTML
  useEffect(() => {
    const org = anchor.current?.closest("form")?.elements.namedItem("org");
    if (!(org instanceof HTMLSelectElement)) return;
    const clear = () => { setValue(""); setText(""); };
    org.addEventListener("change", clear);
    return () => org.removeEventListener("change", clear);
  }, []);
  if (teams.length <= TEAM_SELECT_LIMIT) {
    return (
      <div ref={anchor}>
        <Select label="Team" name="team" value={value} onChange={(e) => setValue(e.target.value)} placeholder="All teams" options={teams.map(([v, label]) => ({ value: v, label }))} />
      </div>
    );
  }
  const match = teams.find(([, label]) => label === text.trim());
  const unknown = text.trim() !== "" && !match;
  return (
    <div ref={anchor} className="space-y-1">
      <label htmlFor="team-search" className="block text-sm font-medium">Team</label>
      <input id="team-search" type="search" list="team-search-options" autoComplete="off" value={text} placeholder="All teams: type to search"
        onChange={(e) => setText(e.target.value)} onFocus={() => setSuggest(true)} aria-describedby="team-search-hint" aria-invalid={unknown || undefined}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-500" />
      <datalist id="team-search-options">{suggest ? teams.map(([v, label]) => <option key={v} value={label} />) : null}</datalist>
      <input type="hidden" name="team" value={match?.[0] ?? ""} />
      <p id="team-search-hint" className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        {unknown ? "No team has that name: pick one of the suggestions." : `${teams.length} teams; choose an organisation to narrow the list.`}
      </p>
    </div>
  );
}
