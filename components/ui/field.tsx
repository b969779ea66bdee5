import { cn } from "./cn";

const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-500";

/** A labelled input with its error beside it, wired for screen readers. */
export function Field({ label, name, error, hint, className, ...rest }: React.InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string }) {
  const describedBy = [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <input id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass} {...rest} />
      {hint ? <p id={`${name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      {error ? <p id={`${name}-error`} className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}

export function TextArea({ label, name, error, className, ...rest }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string }) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <textarea id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined} className={inputClass} {...rest} />
      {error ? <p id={`${name}-error`} className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}
