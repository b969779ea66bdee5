import { cn } from "./cn";

export function Select({ label, name, error, options, className, placeholder, ...rest }: React.SelectHTMLAttributes<HTMLSelectElement> & {
  label: string; name: string; error?: string; placeholder?: string; options: { value: string; label: string }[];
}) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <select
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-500"
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error ? <p id={`${name}-error`} className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}
