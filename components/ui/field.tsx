import { cn } from "./cn";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-500";

type Extra = { label: string; name: string; error?: string; hint?: string };

/** Ids for a field: `id` when a page shows the same form twice, else the name. */
export function fieldIds(name: string, id: string | undefined, error?: string, hint?: string) {
  const fieldId = id ?? name;
  const describedBy =
    [error ? `${fieldId}-error` : null, hint ? `${fieldId}-hint` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  return { fieldId, describedBy };
}

/** The hint and error under a field; `live` when the hint answers what is typed. */
export function FieldMessages({
  fieldId,
  error,
  hint,
  live,
}: {
  fieldId: string;
  error?: string;
  hint?: string;
  live?: boolean;
}) {
  return (
    <>
      {hint ? (
        <p
          id={`${fieldId}-hint`}
          className="text-xs text-slate-600 dark:text-slate-400"
          aria-live={live ? "polite" : undefined}
        >
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </>
  );
}

type Shell = Extra & { className?: string; id?: string };
type ControlProps = {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  className: string;
};

/** The label, the control and its hint and error: the same for every kind of field. */
function LabelledField({
  label,
  name,
  error,
  hint,
  className,
  id,
  control,
}: Shell & { control: (props: ControlProps) => React.ReactNode }) {
  const { fieldId, describedBy } = fieldIds(name, id, error, hint);
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={fieldId} className="block text-sm font-medium">
        {label}
      </label>
      {control({
        id: fieldId,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
        className: inputClass,
      })}
      <FieldMessages fieldId={fieldId} error={error} hint={hint} />
    </div>
  );
}

/** A labelled input with its error beside it, wired for screen readers. */
export function Field({
  label,
  name,
  error,
  hint,
  className,
  id,
  ...rest
}: React.InputHTMLAttributes<HTMLInputElement> & Extra) {
  return (
    <LabelledField
      {...{ label, name, error, hint, className, id }}
      control={(props) => <input {...props} {...rest} />}
    />
  );
}

export function TextArea({
  label,
  name,
  error,
  hint,
  className,
  id,
  ...rest
}: React.TextareaHTMLAttributes<HTMLTextAreaElement> & Extra) {
  return (
    <LabelledField
      {...{ label, name, error, hint, className, id }}
      control={(props) => <textarea {...props} {...rest} />}
    />
  );
}

export function Select({
  label,
  name,
  error,
  hint,
  options,
  placeholder,
  className,
  id,
  ...rest
}: React.SelectHTMLAttributes<HTMLSelectElement> &
  Extra & {
    placeholder?: string;
    options: { value: string; label: string }[];
  }) {
  return (
    <LabelledField
      {...{ label, name, error, hint, className, id }}
      control={(props) => (
        <select {...props} {...rest}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
