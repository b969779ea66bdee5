import Link from "next/link";
import { DecisionButtons } from "@/components/nominations/decision-buttons";
import { StepDownButton } from "@/components/nominations/step-down-button";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusChanges, type StatusChange } from "./status-changes";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { GUARDIAN_STATUS, type GuardianStatus } from "@/lib/vocabulary";

type Membership = {
  id: number;
  status: GuardianStatus;
  userId: number;
  nominatedOn: Date;
  activeOn: Date | null;
  leftOn: Date | null;
  declinedOn: Date | null;
  user: { name: string; email: string };
  nominatedBy: { name: string } | null;
  approvedBy: { name: string } | null;
  history: StatusChange[];
};

const STATUS_CLASS: Record<GuardianStatus, string> = {
  ACTIVE: "bg-green-100 text-green-800 dark:bg-green-900 dark:text-green-100",
  NOMINATED: "bg-amber-100 text-amber-800 dark:bg-amber-900 dark:text-amber-100",
  ALUMNI: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  DECLINED: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
};

export function GuardianHistory({
  actor,
  orgId,
  memberships,
}: {
  actor: SessionActor;
  orgId: number;
  memberships: Membership[];
}) {
  if (memberships.length === 0)
    return (
      <div className="mt-3">
        <EmptyState title="This team has never had a guardian" />
      </div>
    );
  const approver = can(actor, "guardian.approve", { orgId });
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Guardian memberships of this team, newest first</caption>
        <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-2">
              Person
            </th>
            <th scope="col">Status</th>
            <th scope="col">Nominated</th>
            <th scope="col">Active</th>
            <th scope="col">Left</th>
            <th scope="col">History</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {memberships.map((m) => (
            <tr key={m.id} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="py-2">
                <Link
                  href={`/people/${m.userId}`}
                  className="font-medium text-brand-600 hover:underline dark:text-brand-100"
                >
                  {m.user.name}
                </Link>
                <br />
                <span className="text-xs text-slate-600 dark:text-slate-400">{m.user.email}</span>
              </td>
              <td>
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_CLASS[m.status]}`}
                >
                  {GUARDIAN_STATUS.label(m.status)}
                </span>
              </td>
              <td className="whitespace-nowrap">
                {formatDate(m.nominatedOn)}
                {m.nominatedBy ? (
                  <>
                    <br />
                    <span className="text-xs text-slate-600 dark:text-slate-400">
                      by {m.nominatedBy.name}
                    </span>
                  </>
                ) : null}
              </td>
              <td className="whitespace-nowrap">
                {m.activeOn
                  ? formatDate(m.activeOn)
                  : m.declinedOn
                    ? `declined ${formatDate(m.declinedOn)}`
                    : "—"}
              </td>
              <td className="whitespace-nowrap">{m.leftOn ? formatDate(m.leftOn) : "—"}</td>
              <td className="min-w-40 py-2">
                <StatusChanges changes={m.history} />
              </td>
              <td className="text-right">
                {m.status === "NOMINATED" && approver ? (
                  <DecisionButtons membershipId={m.id} who={m.user.name} />
                ) : null}
                {m.status === "ACTIVE" && (approver || m.userId === actor.id) ? (
                  <StepDownButton
                    membershipId={m.id}
                    who={m.user.name}
                    label={m.userId === actor.id ? "Step down" : "Record stepping down"}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
