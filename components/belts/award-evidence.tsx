import Link from "next/link";
import { formatDate } from "@/lib/format";
import { parseIsoDay } from "@/lib/period";
import { readEvidence, recordHref, type EvidenceRecord } from "@/lib/belts/evidence";

const link = "text-brand-600 underline underline-offset-2 dark:text-brand-100";

function RecordLink({ r }: { r: EvidenceRecord }) {
  const href = recordHref(r);
  const text =
    r.kind === "event"
      ? `${r.name} (${r.on})`
      : "key" in r && r.kind !== "course"
        ? `${r.key} ${r.name}`
        : r.name;
  return href ? (
    <Link className={link} href={href}>
      {text}
    </Link>
  ) : (
    <>{text}</>
  );
}

/**
 * The evidence stored with a belt award, readable: each condition of the rule with the figure
 * that met it and, where kept, the reviews, threat models, courses and mentees behind it.
 */
export function AwardEvidence({ evidence, belt }: { evidence: unknown; belt: string }) {
  const e = readEvidence(evidence);
  if (!e || e.rule.length === 0)
    return (
      <p className="text-xs text-slate-600 dark:text-slate-400">
        No conditions: the {belt} belt is where every guardian starts.
      </p>
    );
  const on = e.evaluatedOn ? parseIsoDay(e.evaluatedOn) : null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">
        Evidence{on ? ` (as evaluated on ${formatDate(on)})` : ""}
      </summary>
      <ul className="mt-1 space-y-1 pl-4">
        {e.rule.map((c, i) => (
          <li key={i} className="list-disc">
            {c.label}:{" "}
            <strong>
              {c.current}
              {c.type === "feedback-average" ? " / 5" : ""}
            </strong>{" "}
            <span className="text-slate-600 dark:text-slate-400">
              (needed {c.required}
              {c.type === "feedback-average" && c.count !== undefined
                ? `, over ${c.count} ratings`
                : ""}
              )
            </span>
            {c.records?.length ? (
              <ul className="mt-0.5 flex flex-wrap gap-x-3 text-xs">
                {c.records.map((r, j) => (
                  <li key={j}>
                    <RecordLink r={r} />
                  </li>
                ))}
                {c.records.length < c.current && c.type !== "required-courses" ? (
                  <li className="text-slate-600 dark:text-slate-400">
                    and {c.current - c.records.length} more
                  </li>
                ) : null}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {e.source ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Source: {e.source}</p>
      ) : null}
    </details>
  );
}
