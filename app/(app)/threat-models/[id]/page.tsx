import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardTitle } from "@/components/ui/card";
import { Field, Select, TextArea } from "@/components/ui/field";
import { SimpleForm } from "@/components/ui/simple-form";
import { requirePermission } from "@/lib/auth/guards";
import { can, queryScope } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { formatDate, humanize } from "@/lib/format";
import { isActiveOn } from "@/lib/metrics/guardians";
import { addAuthorAction, commentAction, decideAction, rateAuthorAction, saveThreatAction, submitAction } from "@/lib/server/threat-models/actions";
import { isUndocumented } from "@/lib/threat-models/rules";
import { MITIGATION_STATUSES, STRIDE } from "@/lib/validations/threat-model";

export const metadata: Metadata = { title: "Threat model" };
const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: humanize(v) }));

function Hidden({ fields }: { fields: Record<string, string> }) {
  return <>{Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}</>;
}

export default async function ThreatModelPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("threatmodel.read");
  const id = Number((await params).id);
  const scope = queryScope(actor, "threatmodel.read");
  const tm = Number.isInteger(id) && id > 0 ? await db.threatModel.findFirst({
    where: { id, ...(scope.all ? {} : { team: { orgId: { in: scope.orgIds } } }) },
    include: { team: { select: { name: true, orgId: true } }, threats: { orderBy: { id: "asc" } }, comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
      authors: { include: { user: { select: { id: true, name: true, memberships: { where: { activeOn: { not: null } }, select: { teamId: true, activeOn: true, leftOn: true } } } } } }, feedback: { select: { guardianId: true, rating: true } } },
  }) : null;
  if (!tm) notFound();
  const write = can(actor, "threatmodel.write", { orgId: tm.team.orgId }) && tm.status !== "APPROVED";
  const approve = can(actor, "threatmodel.approve", { orgId: tm.team.orgId });
  const day = tm.approvedOn ?? new Date();
  const guardianAuthors = tm.authors.filter((a) => a.user.memberships.some((m) => m.teamId === tm.teamId && isActiveOn({ activeOn: m.activeOn!, leftOn: m.leftOn }, day)));
  const open = tm.threats.filter(isUndocumented).length;
  const t = { threatModelId: String(tm.id) };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold"><span className="font-mono text-base">{tm.key}</span> {tm.system}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{tm.team.name} · {humanize(tm.status)} · created {formatDate(tm.createdOn)}{tm.approvedOn ? ` · approved ${formatDate(tm.approvedOn)}` : ""} · authors: {tm.authors.map((a) => `${a.user.name}${guardianAuthors.includes(a) ? " (guardian)" : ""}`).join(", ")}</p>
        {open ? <p className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">{open} threat{open === 1 ? "" : "s"} without a documented mitigation</p> : null}
      </div>
      <Card>
        <CardTitle>Threats</CardTitle>
        <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {tm.threats.map((th) => (
            <li key={th.id} className="py-2">
              <p><span className="font-mono text-xs">{th.key}</span> <strong>{th.title}</strong> · {humanize(th.category)} · {humanize(th.severity)} · mitigation {humanize(th.mitigationStatus).toLowerCase()}
                {isUndocumented(th) ? <span className="ml-2 rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-900 dark:text-red-100">undocumented</span> : null}</p>
              {th.mitigation ? <p className="text-slate-600 dark:text-slate-400">{th.mitigation}</p> : null}
            </li>
          ))}
          {tm.threats.length === 0 ? <li className="py-2">No threats yet</li> : null}
        </ul>
        {write ? (
          <SimpleForm action={saveThreatAction} label="Add a threat" submit="Add threat" className="mt-3">
            <Hidden fields={{ ...t, threatId: "" }} />
            <Field label="Threat" name="title" id="threat-title" required className="w-64" />
            <Select label="STRIDE category" name="category" id="threat-category" options={options(STRIDE)} placeholder="Choose…" required />
            <Select label="Severity" name="severity" id="threat-severity" options={options(["CRITICAL", "HIGH", "MEDIUM", "LOW"])} placeholder="Choose…" required />
            <Select label="Mitigation status" name="mitigationStatus" id="threat-status" options={options(MITIGATION_STATUSES)} defaultValue="NONE" />
            <TextArea label="Mitigation" name="mitigation" id="threat-mitigation" rows={1} className="w-80" />
          </SimpleForm>
        ) : null}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        {write ? (
          <Card>
            <CardTitle>Authors and review</CardTitle>
            <SimpleForm action={addAuthorAction} label="Add an author" submit="Add author" className="mt-3"><Hidden fields={t} /><Field label="Email" name="email" id="author-email" type="email" required className="w-56" /></SimpleForm>
            {tm.status === "DRAFT" ? <SimpleForm action={submitAction} label="Submit for review" submit="Submit for review" className="mt-3"><Hidden fields={t} /></SimpleForm> : null}
          </Card>
        ) : null}
        {approve && tm.status === "IN_REVIEW" ? (
          <Card>
            <CardTitle>Decision</CardTitle>
            <SimpleForm action={decideAction} label="Decide on the threat model" submit="Record decision" className="mt-3">
              <Hidden fields={t} />
              <Select label="Decision" name="decision" id="decision" options={[{ value: "approve", label: "Approve" }, { value: "return", label: "Send back to draft" }]} />
              <TextArea label="Comment" name="comment" id="decision-comment" rows={1} className="w-64" />
              <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="acceptUndocumented" className="h-4 w-4" /> Accept undocumented threats</label>
            </SimpleForm>
          </Card>
        ) : null}
        <Card>
          <CardTitle>Review comments</CardTitle>
          <ul className="mt-2 space-y-2 text-sm">{tm.comments.map((c) => <li key={c.id}><strong>{c.author.name}</strong>, {formatDate(c.createdAt)}: {c.body}</li>)}{tm.comments.length === 0 ? <li>No comments</li> : null}</ul>
          {approve ? <SimpleForm action={commentAction} label="Comment on the threat model" submit="Comment" className="mt-3"><Hidden fields={t} /><TextArea label="Comment" name="body" id="comment-body" rows={2} className="w-72" /></SimpleForm> : null}
        </Card>
        {tm.status === "APPROVED" && guardianAuthors.length ? (
          <Card>
            <CardTitle>Feedback on guardians&apos; input</CardTitle>
            <ul className="mt-2 space-y-2 text-sm">
              {guardianAuthors.map((a) => {
                const r = tm.feedback.find((f) => f.guardianId === a.user.id);
                return (
                  <li key={a.user.id}>{a.user.name}: {r ? `${r.rating}/5` : "not rated yet"}
                    {can(actor, "feedback.give") ? (
                      <SimpleForm action={rateAuthorAction} label={`Rate ${a.user.name}`} submit="Save rating" className="mt-1">
                        <Hidden fields={{ ...t, guardianId: String(a.user.id) }} />
                        <Select label="Rating" name="rating" id={`tm-rating-${a.user.id}`} options={["5", "4", "3", "2", "1"].map((v) => ({ value: v, label: v }))} defaultValue={String(r?.rating ?? 4)} />
                      </SimpleForm>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
