"use client";

import { FormRecordPicker } from "@/components/search/record-picker";
import { Combobox } from "@/components/ui/combobox";

/** Whose teams are suggested: those the person may see on the review or threat-model pages. */
type TeamSource = "review" | "threat-model";
const source = (s: TeamSource) => `/api/teams?for=${s}`;

/**
 * The team field of a form (its error comes from the form's answer): the record picker over the
 * teams the person may see; it sends the team's key, or the typed name or key, which the server
 * resolves within the form's own scope.
 */
export function TeamField({ id }: { id: string }) {
  return (
    <FormRecordPicker
      type="team"
      submit="key"
      label="Team"
      name="team"
      id={id}
      required
      hint="Type to search; name or key"
      className="w-64"
    />
  );
}

/** The team field of a list's filter (a GET form): an unknown team is explained beside it. */
export function TeamFilterField({
  source: from,
  value,
  error,
}: {
  source: TeamSource;
  value: string;
  error?: string;
}) {
  return (
    <Combobox
      label="Team"
      name="team"
      id="filter-team"
      source={source(from)}
      defaultValue={value}
      placeholder="All teams"
      error={error}
      className="w-56"
    />
  );
}
