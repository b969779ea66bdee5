import Link from "next/link";
import { SimpleBarChart } from "@/components/charts/series-chart-lazy";
import { AgreedTimeCard } from "@/components/agreed-time/agreed-time-card";
import { AwardEvidence } from "@/components/belts/award-evidence";
import { NextBelt } from "@/components/home/next-belt";
import { MentoringCard } from "@/components/mentoring/mentoring-card";
import { RecognitionForm } from "@/components/recognition/recognition-form";
import { Card, CardTitle, Stat } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { BELT, RECOGNITION_KIND, THREAT_MODEL_STATUS } from "@/lib/vocabulary";
import { beltOutlook } from "@/lib/server/belts/progress";
import { BeltRenewals } from "@/components/belts/belt-renewals";
import { highestHeldOn, periodStatus } from "@/lib/belts/validity";
import { todayUtc } from "@/lib/period";
import { profileDetails, type ProfilePerson } from "@/lib/server/people/profile";

const monthColumns: Column<{ month: string; hours: number | string }>[] = [
  { header: "Month", rowHeader: true, cell: (m) => m.month },
  { header: "Hours", align: "right", cell: (m) => `${m.hours} h` },
];

/** A profile's figures, belts, work, training and recognition, for a person the page has already found. */
export async function ProfileDetails({
  actor,
  person,
}: {
  actor: SessionActor;
  person: ProfilePerson;
}) {
  const p = { person, ...(await profileDetails(actor, person)) };
  const today = todayUtc();
  const highest = highestHeldOn(p.belts, today);
  const guardian = p.memberships.some((m) => m.status === "ACTIVE");
  const { progress, renewals } = guardian
    ? await beltOutlook(p.person.id, today)
    : { progress: undefined, renewals: [] };
  const avg = p.feedback?.length
    ? p.feedback.reduce((s, f) => s + f.rating, 0) / p.feedback.length
    : null;
  const total12 = p.hoursByMonth.reduce((s, m) => s + m.hours, 0);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Belt" value={highest ? BELT.label(highest) : "None yet"} />
        <Stat label="Reviews taken part in" value={p.reviewCount} />
        <Stat label="Hours, last 12 months" value={`${total12} h`} />
        <Stat
          label="Feedback average"
          value={
            p.feedback === null
              ? "Not visible to you"
              : avg === null
                ? "No ratings yet"
                : `${avg.toFixed(1)} / 5`
          }
          hint={p.feedback?.length ? `${p.feedback.length} ratings` : undefined}
        />
      </div>
      <BeltRenewals renewals={renewals} self={p.person.id === actor.id} />
      {progress !== undefined ? (
        <NextBelt progress={progress} self={p.person.id === actor.id} />
      ) : null}
      <AgreedTimeCard actor={actor} person={p.person} activeGuardian={guardian} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>Hours by month</CardTitle>
          <SimpleBarChart
            data={p.hoursByMonth.map((m) => ({ name: m.month.slice(2), value: m.hours }))}
            unit="h"
            label="Hours by month"
            category="Month"
          />
          <details className="text-sm">
            <summary className="cursor-pointer">Table</summary>
            <DataTable
              caption="Hours logged per month"
              columns={monthColumns}
              rows={p.hoursByMonth}
              rowKey={(m) => m.month}
              className="mt-1"
            />
          </details>
        </Card>
        <Card>
          <CardTitle>Belt history</CardTitle>
          {p.belts.length === 0 ? (
            <div className="mt-2">
              <EmptyState title="No belts yet" />
            </div>
          ) : (
            <ol className="mt-2 space-y-1 text-sm">
              {p.belts.map((b) => (
                <li key={b.id}>
                  {BELT.label(b.belt)} {b.renewal ? "renewed" : "earned"} on{" "}
                  {formatDate(b.awardedOn)}
                  {b.expiresOn && !b.revokedAt ? (
                    <span className="text-slate-600 dark:text-slate-400">
                      {" "}
                      · {periodStatus(b, today) === "expired" ? "expired" : "expires"} on{" "}
                      {formatDate(b.expiresOn)}
                    </span>
                  ) : null}
                  {b.revokedAt ? (
                    <span className="text-red-700 dark:text-red-400">
                      {" "}
                      (revoked: {b.revokeReason})
                    </span>
                  ) : null}
                  <AwardEvidence evidence={b.evidence} belt={BELT.label(b.belt)} />
                </li>
              ))}
            </ol>
          )}
          <CardTitle className="mt-4">Guardian of</CardTitle>
          <ul className="mt-1 space-y-1 text-sm">
            {p.memberships.length ? (
              p.memberships.map((m) => (
                <li key={m.id}>
                  <Link
                    href={`/directory/teams/${m.team.id}`}
                    className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
                  >
                    {m.team.name}
                  </Link>{" "}
                  {m.activeOn ? `from ${formatDate(m.activeOn)}` : ""}
                  {m.leftOn ? ` to ${formatDate(m.leftOn)}` : " (active)"}
                </li>
              ))
            ) : (
              <li>Not a guardian</li>
            )}
          </ul>
        </Card>
        <Card>
          <CardTitle>Recent reviews and threat models</CardTitle>
          <ul className="mt-2 space-y-1 text-sm">
            {p.reviews.map((r) => (
              <li key={`r${r.id}`}>
                <span className="font-mono text-xs">{r.key}</span> {r.service}{" "}
                <span className="text-slate-600 dark:text-slate-400">
                  · {r.completedAt ? formatDate(r.completedAt) : ""}
                </span>
              </li>
            ))}
            {p.threatModels.map((t) => (
              <li key={`t${t.id}`}>
                <span className="font-mono text-xs">{t.key}</span> {t.system}{" "}
                <span className="text-slate-600 dark:text-slate-400">
                  · {THREAT_MODEL_STATUS.label(t.status)}
                </span>
              </li>
            ))}
            {p.reviews.length + p.threatModels.length === 0 ? <li>None yet</li> : null}
          </ul>
        </Card>
        <Card>
          <CardTitle>Training</CardTitle>
          <ul className="mt-2 space-y-1 text-sm">
            {p.completions.length ? (
              p.completions.map((c) => (
                <li key={c.id}>
                  {c.course.title}
                  {c.course.required ? " (required)" : ""}: {formatDate(c.completedOn)}
                </li>
              ))
            ) : (
              <li>No courses completed yet</li>
            )}
          </ul>
        </Card>
      </div>
      <MentoringCard
        actor={actor}
        person={p.person}
        activeGuardian={p.memberships.some((m) => m.status === "ACTIVE")}
      />
      <Card id="recognition">
        <CardTitle>Recognition</CardTitle>
        <ul className="mt-2 space-y-2 text-sm">
          {p.recognitions.length ? (
            p.recognitions.map((r) => (
              <li key={r.id}>
                <strong>{r.title}</strong> ({RECOGNITION_KIND.label(r.kind).toLowerCase()} from{" "}
                {r.giver.name}, {formatDate(r.createdAt)}): {r.reason}
              </li>
            ))
          ) : (
            <li>No recognition yet</li>
          )}
        </ul>
        {can(actor, "recognition.give", { orgId: p.person.orgId }) && p.person.id !== actor.id ? (
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
            <RecognitionForm recipientId={p.person.id} name={p.person.name} />
          </div>
        ) : null}
      </Card>
    </>
  );
}
