/** The optional note sent with a nomination decision or a step-down; kept in the team's history. */
export function NoteInput({
  id,
  about,
  value,
  onChange,
  error,
}: {
  id: string;
  about: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <span className="inline-flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Note<span className="sr-only"> {about}</span> (optional)
      </label>
      <input
        id={id}
        name="note"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={500}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="w-48 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-500"
      />
      {error ? (
        <span id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
