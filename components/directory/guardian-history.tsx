import Link from "next/link";
import { DecisionButtons } from "@/components/nominations/decision-buttons";
import { StepDownButton } from "@/components/nominations/step-down-button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusChanges, type StatusChange } from "./status-changes";
import { mayDecideNomination, mayStepDown } from "@/lib/auth/guardian-rules";
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
  const approver = mayDecideNomination(actor, { orgId });
  const muted = "text-xs text-slate-600 dark:text-slate-400";
  const columns: Column<Membership>[] = [
    {
      header: "Person",
      cell: (m) => (
        <>
          <Link
            href={`/people/${m.userId}`}
            className="font-medium text-brand-600 hover:underline dark:text-brand-100"
          >
            {m.user.name}
          </Link>
          <br />
          <span className={muted}>{m.user.email}</span>
        </>
      ),
    },
    {
      header: "Status",
      cell: (m) => (
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_CLASS[m.status]}`}>
          {GUARDIAN_STATUS.label(m.status)}
        </span>
      ),
    },
    {
      header: "Nominated",
      className: "whitespace-nowrap",
      cell: (m) => (
        <>
          {formatDate(m.nominatedOn)}
          {m.nominatedBy ? (
            <>
              <br />
              <span className={muted}>by {m.nominatedBy.name}</span>
            </>
          ) : null}
        </>
      ),
    },
    {
      header: "Active",
      className: "whitespace-nowrap",
      cell: (m) =>
        m.activeOn
          ? formatDate(m.activeOn)
          : m.declinedOn
            ? `declined ${formatDate(m.declinedOn)}`
            : "—",
    },
    {
      header: "Left",
      className: "whitespace-nowrap",
      cell: (m) => (m.leftOn ? formatDate(m.leftOn) : "—"),
    },
    {
      header: "History",
      className: "min-w-40",
      cell: (m) => <StatusChanges changes={m.history} />,
    },
    {
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (m) => (
        <>
          {m.status === "NOMINATED" && approver ? (
            <DecisionButtons membershipId={m.id} who={m.user.name} />
          ) : null}
          {m.status === "ACTIVE" && mayStepDown(actor, { userId: m.userId, orgId }) ? (
            <StepDownButton
              membershipId={m.id}
              who={m.user.name}
              label={m.userId === actor.id ? "Step down" : "Record stepping down"}
            />
          ) : null}
        </>
      ),
    },
  ];
  return (
    <DataTable
      caption="Guardian memberships of this team, newest first"
      columns={columns}
      rows={memberships}
      rowKey={(m) => m.id}
      rowClassName="align-top"
      className="mt-2"
    />
  );
}
