import Link from "next/link";
import { ActionForm, FormField, FormSelect } from "@/components/ui/action-form";
import { Card, CardTitle } from "@/components/ui/card";
import { SeverityBadge } from "@/components/work/severity-badge";
import { FindingStatusFields } from "./finding-status-fields";
import { formatDate } from "@/lib/format";
import { FINDING_STATUS, SEVERITY, type FindingStatus, type Severity } from "@/lib/vocabulary";
import { addFindingAction, findingStatusAction } from "@/lib/server/reviews/actions";
import { isoDay } from "@/lib/period";

type Finding = {
  id: number;
  key: string;
  title: string | null;
  severity: Severity;
  status: FindingStatus;
  openedOn: Date;
  closedOn: Date | null;
};

/** A review's findings; an engineer records new ones and closes them with the date. */
export function FindingsCard({
  reviewId,
  findings,
  conduct,
  today,
}: {
  reviewId: number;
  findings: Finding[];
  conduct: boolean;
  today: string;
}) {
  const rid = { reviewId: String(reviewId) };
  return (
    <Card>
      <CardTitle>Findings</CardTitle>
      {conduct ? (
        <p className="mt-1 text-sm">
          <Link className="underline" href={`/reviews/${reviewId}/import`}>
            Import findings from DefectDojo or SARIF
          </Link>
        </p>
      ) : null}
      <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {findings.map((f) => (
          <li key={f.id} className="flex flex-wrap items-end justify-between gap-2 py-2">
            <span>
              <span className="font-mono text-xs">{f.key}</span> {f.title} ·{" "}
              <SeverityBadge severity={f.severity} /> · opened {formatDate(f.openedOn)} ·{" "}
              {FINDING_STATUS.label(f.status)}
              {f.closedOn ? ` on ${formatDate(f.closedOn)}` : ""}
            </span>
            {conduct ? (
              <ActionForm
                action={findingStatusAction}
                label={`Status of ${f.key}`}
                submit="Update"
                variant="secondary"
                hidden={{ ...rid, findingId: String(f.id) }}
              >
                <FindingStatusFields
                  id={f.id}
                  status={f.status}
                  openedOn={isoDay(f.openedOn)}
                  closedOn={f.closedOn ? isoDay(f.closedOn) : null}
                  today={today}
                />
              </ActionForm>
            ) : null}
          </li>
        ))}
        {findings.length === 0 ? <li className="py-2">No findings</li> : null}
      </ul>
      {conduct ? (
        <ActionForm
          action={addFindingAction}
          label="Record a finding"
          submit="Add finding"
          className="mt-3"
          hidden={rid}
          resetOnSuccess
        >
          <FormField label="Finding" name="title" id="finding-title" required className="w-72" />
          <FormSelect
            label="Severity"
            name="severity"
            id="finding-severity"
            options={SEVERITY.options}
            placeholder="Choose…"
            required
          />
          <FormField
            label="Opened on"
            name="openedOn"
            id="finding-opened"
            type="date"
            max={today}
            defaultValue={today}
            required
          />
        </ActionForm>
      ) : null}
    </Card>
  );
}
