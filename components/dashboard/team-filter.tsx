"use client";

import { useState } from "react";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { Select } from "@/components/ui/select";

type Option = { value: string; label: string };
type Answer = { text: string; matches: number; chosen: boolean };

/**
 * The team filter: a list when the page sent every team (a few hundred at most), otherwise a
 * search box whose suggestions come from /api/teams as the person types, within `org` (the
 * organisation chosen in the same form).
 */
export function TeamFilter({
  org,
  teams,
  count,
  selected,
  defaultValue,
}: {
  org: string;
  teams: Option[];
  count: number;
  selected: Option | null;
  defaultValue: string;
}) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  if (!(count > 0 && teams.length === 0))
    return (
      <Select
        label="Team"
        name="team"
        defaultValue={defaultValue}
        placeholder="All teams"
        options={teams}
      />
    );
  const answered = answer !== null && answer.text.trim() !== "" && !answer.chosen;
  const unknown = answered && answer.matches === 0; // nothing even contains the text
  const hint = unknown
    ? "No team has that name: check the spelling, or choose another organisation."
    : answered
      ? `${answer.matches === 20 ? "20 or more" : answer.matches} teams match: pick one of the suggestions.`
      : `${count} teams: type part of a name, or pick an organisation first.`;
  return (
    <Combobox
      label="Team"
      name="team"
      id="team-search"
      submit="value"
      source={`/api/teams?for=dashboard&org=${encodeURIComponent(org)}`}
      defaultOption={selected}
      placeholder="All teams: type to search"
      hint={hint}
      invalid={unknown}
      onResults={(text: string, options: ComboboxOption[], chosen: ComboboxOption | null) =>
        setAnswer({ text, matches: options.length, chosen: chosen !== null })
      }
      className="w-72"
    />
  );
}
