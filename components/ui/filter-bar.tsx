import { buttonClass } from "./button";

/** A GET form: filters live in the URL, so a filtered view can be shared. */
export function FilterBar({ action, children }: { action: string; children: React.ReactNode }) {
  return (
    <form
      action={action}
      method="get"
      role="search"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      {children}
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
    </form>
  );
}
