import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RatingForm } from "@/components/feedback/rating-form";
import { DecisionForm } from "@/components/threat-models/decision-form";
import { ThreatsCard } from "@/components/threat-models/threats-card";
import { FormRecordPicker } from "@/components/search/record-picker";
import { ActionForm, FormTextArea } from "@/components/ui/action-form";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { THREAT_MODEL_STATUS } from "@/lib/vocabulary";
import { isActiveOn } from "@/lib/active-guardian";
import {
  addAuthorAction,
  commentAction,
  rateAuthorAction,
  submitAction,
} from "@/lib/server/threat-models/actions";
import { getThreatModel } from "@/lib/server/threat-models/queries";
import { isUndocumented } from "@/lib/threat-models/rules";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Threat model" };

export default async function ThreatModelPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("threatmodel.read");
  const id = routeId((await params).id);
  const tm = id ? await getThreatModel(actor, id) : null;
  if (!tm) notFound();
  // Draft and in-review models are editable (lib/server/threat-models/service.ts); approved ones are final.
  const write =
    can(actor, "threatmodel.write", { orgId: tm.team.orgId }) && tm.status !== "APPROVED";
  const approve = can(actor, "threatmodel.approve", { orgId: tm.team.orgId });
  const day = tm.approvedOn ?? new Date();
  const guardianAuthors = tm.authors.filter((a) =>
    a.user.memberships.some(
      (m) => m.teamId === tm.teamId && isActiveOn({ activeOn: m.activeOn!, leftOn: m.leftOn }, day),
    ),
  );
  const open = tm.threats.filter(isUndocumented).length;
  const t = { threatModelId: String(tm.id) };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">
          <span className="font-mono text-base">{tm.key}</span> {tm.system}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {tm.team.name} · {THREAT_MODEL_STATUS.label(tm.status)} · created{" "}
          {formatDate(tm.createdOn)}
          {tm.approvedOn ? ` · approved ${formatDate(tm.approvedOn)}` : ""} · authors:{" "}
          {tm.authors
            .map((a) => `${a.user.name}${guardianAuthors.includes(a) ? " (guardian)" : ""}`)
            .join(", ")}
        </p>
        <p className="mt-1 text-sm">
          Download as{" "}
          <a className="underline" href={`/api/threat-models/${tm.id}/export?format=threat-dragon`}>
            Threat Dragon v2
          </a>{" "}
          or{" "}
          <a className="underline" href={`/api/threat-models/${tm.id}/export?format=otm`}>
            Open Threat Model
          </a>
        </p>
        {open ? (
          <p className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
            {open} threat{open === 1 ? "" : "s"} without a documented mitigation
          </p>
        ) : null}
      </div>
      <ThreatsCard threatModelId={tm.id} threats={tm.threats} editable={write} />
      <div className="grid gap-4 lg:grid-cols-2">
        {write ? (
          <Card>
            <CardTitle>Authors and review</CardTitle>
            <ActionForm
              action={addAuthorAction}
              label="Add an author"
              submit="Add author"
              className="mt-3"
              hidden={t}
              resetOnSuccess
            >
              <FormRecordPicker
                type="person"
                submit="key"
                activeOnly
                label="Person"
                name="email"
                id="author-email"
                required
                className="w-72"
              />
            </ActionForm>
            {tm.status === "DRAFT" ? (
              <ActionForm
                action={submitAction}
                label="Submit for review"
                submit="Submit for review"
                className="mt-3"
                hidden={t}
              />
            ) : null}
          </Card>
        ) : null}
        {approve && tm.status === "IN_REVIEW" ? (
          <Card>
            <CardTitle>Decision</CardTitle>
            <DecisionForm threatModelId={tm.id} modelKey={tm.key} undocumented={open} />
          </Card>
        ) : null}
        <Card>
          <CardTitle>Review comments</CardTitle>
          <ul className="mt-2 space-y-2 text-sm">
            {tm.comments.map((c) => (
              <li key={c.id}>
                <strong>{c.author.name}</strong>, {formatDate(c.createdAt)}: {c.body}
              </li>
            ))}
            {tm.comments.length === 0 ? <li>No comments</li> : null}
          </ul>
          {approve ? (
            <ActionForm
              action={commentAction}
              label="Comment on the threat model"
              submit="Comment"
              className="mt-3"
              hidden={t}
              resetOnSuccess
            >
              <FormTextArea
                label="Comment"
                name="body"
                id="comment-body"
                rows={2}
                maxLength={4000}
                required
                className="w-72"
              />
            </ActionForm>
          ) : null}
        </Card>
        {tm.status === "APPROVED" && guardianAuthors.length ? (
          <Card>
            <CardTitle>Feedback on guardians&apos; input</CardTitle>
            <ul className="mt-2 space-y-3 text-sm">
              {guardianAuthors.map((a) => {
                const saved = tm.feedback.find((f) => f.guardianId === a.user.id);
                return (
                  <li key={a.user.id}>
                    <p>
                      {a.user.name}:{" "}
                      {saved
                        ? `${saved.rating}/5${saved.comment ? ` “${saved.comment}”` : ""}`
                        : "not rated yet"}
                    </p>
                    {can(actor, "feedback.give") ? (
                      <RatingForm
                        action={rateAuthorAction}
                        hidden={{ ...t, guardianId: String(a.user.id) }}
                        who={a.user.name}
                        idPrefix={`tm-${a.user.id}`}
                        saved={saved}
                      />
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
