import { buttonClass } from "./button";

/**
 * A GET form: filters live in the URL, so a filtered view can be shared. `hidden` carries what
 * the fields do not show (the list's sort); a new filter starts again at page 1.
 */
export function FilterBar({
  action,
  hidden = {},
  children,
}: {
  action: string;
  hidden?: Record<string, string>;
  children: React.ReactNode;
}) {
  return (
    <form
      action={action}
      method="get"
      role="search"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
    </form>
  );
}
