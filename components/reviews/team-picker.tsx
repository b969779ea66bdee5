import { Field } from "@/components/ui/field";
import { FormField } from "@/components/ui/action-form";

const hint = "Type to search; name or key";

/** The team field of a form (its error comes from the form's answer). */
export function TeamField({
  list,
  id,
  defaultValue,
}: {
  list: string;
  id: string;
  defaultValue?: string;
}) {
  return (
    <FormField
      label="Team"
      name="team"
      id={id}
      list={list}
      autoComplete="off"
      required
      defaultValue={defaultValue}
      hint={hint}
      className="w-64"
    />
  );
}

/** The team field of a list's filter (a GET form): an unknown team is explained beside it. */
export function TeamFilterField({
  list,
  value,
  error,
}: {
  list: string;
  value: string;
  error?: string;
}) {
  return (
    <Field
      label="Team"
      name="team"
      id="filter-team"
      list={list}
      autoComplete="off"
      defaultValue={value}
      placeholder="All teams"
      error={error}
      className="w-56"
    />
  );
}
