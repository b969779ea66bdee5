import { Card, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { describeAgreement } from "@/lib/agreed-time/rules";
import { formatDate, formatMonth } from "@/lib/format";
import { monthKey, todayUtc } from "@/lib/period";
import { personAgreedTime } from "@/lib/server/agreed-time/queries";
import { latestAgreementMonth } from "@/lib/validations/time-agreement";
import { AgreedTimeForm } from "./agreed-time-form";
import { AgreedTimeSummary } from "./agreed-time-summary";

type Row = Awaited<ReturnType<typeof personAgreedTime>>["history"][number];

const columns: Column<Row>[] = [
  { header: "From", rowHeader: true, cell: (r) => formatMonth(r.effectiveFrom) },
  {
    header: "Agreed",
    cell: (r) => (
      <>
        {describeAgreement(r)}
        {r.current ? <span className="ml-1 text-xs font-medium">(applies now)</span> : null}
        {r.replaced ? (
          <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">
            (replaced by a later entry for the same month)
          </span>
        ) : null}
      </>
    ),
  },
  {
    header: "Recorded",
    cell: (r) => `${formatDate(r.createdAt)} by ${r.recordedBy.name}`,
  },
  { header: "Note", cell: (r) => r.note ?? "—" },
];

/**
 * A guardian's agreed time on their profile: logged against agreed, every agreement with who
 * recorded it and when, and, for their manager or a program lead, the form to agree a change.
 * Only the person, their organisation's managers and leads see it.
 */
export async function AgreedTimeCard({
  actor,
  person,
  activeGuardian,
}: {
  actor: SessionActor;
  person: { id: number; name: string; orgId: number | null };
  activeGuardian: boolean;
}) {
  const target = { orgId: person.orgId, userId: person.id };
  if (!can(actor, "activity.read", target)) return null;
  const manage = activeGuardian && person.id !== actor.id && can(actor, "time.agree", target);
  const time = await personAgreedTime(person.id);
  if (!manage && time.history.length === 0 && !activeGuardian) return null;
  const self = person.id === actor.id;
  return (
    <Card id="agreed-time">
      <CardTitle>Agreed time</CardTitle>
      <AgreedTimeSummary time={time} self={self} />
      {time.history.length ? (
        <DataTable
          caption={`Time agreed with ${person.name}, latest first`}
          captionVisible
          columns={columns}
          rows={time.history}
          rowKey={(r) => r.id}
          className="mt-3"
        />
      ) : null}
      {manage ? (
        <div className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-800">
          <AgreedTimeForm
            userId={person.id}
            name={person.name}
            month={monthKey(todayUtc())}
            latestMonth={latestAgreementMonth()}
          />
        </div>
      ) : null}
    </Card>
  );
}
