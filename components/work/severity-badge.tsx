import { SEVERITY_COLOUR } from "@/lib/charts/colours";
import { SEVERITY, type Severity } from "@/lib/vocabulary";

/** A severity's name with its colour from the one severity scale the findings charts use. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { fill, stroke } = SEVERITY_COLOUR[severity];
  return (
    <span className="inline-flex items-center gap-1 font-medium">
      <span
        aria-hidden
        className="inline-block h-2.5 w-2.5 rounded-full border"
        style={{ background: fill, borderColor: stroke }}
      />
      {SEVERITY.label(severity)}
    </span>
  );
}
