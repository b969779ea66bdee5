"use client";

import { useFieldError } from "@/components/ui/action-form";
import { Combobox } from "@/components/ui/combobox";

/** Whose teams are suggested: those the person may see on the review or threat-model pages. */
type TeamSource = "review" | "threat-model";
const source = (s: TeamSource) => `/api/teams?for=${s}`;

/** The team field of a form (its error comes from the form's answer); name or key, resolved by the server. */
export function TeamField({
  id,
  source: from,
  defaultValue,
}: {
  id: string;
  source: TeamSource;
  defaultValue?: string;
}) {
  const error = useFieldError("team");
  return (
    <Combobox
      label="Team"
      name="team"
      id={id}
      source={source(from)}
      defaultValue={defaultValue}
      required
      hint="Type to search; name or key"
      error={error}
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
