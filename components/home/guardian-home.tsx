import Link from "next/link";
import { Card, CardTitle, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { BELT } from "@/lib/vocabulary";
import { formatHours, MONTHLY_REFERENCE_QUARTER_HOURS } from "@/lib/hours";
import { getGuardianStanding, getPersonalActivity } from "@/lib/server/home/personal";
import { beltOutlook } from "@/lib/server/belts/progress";
import { BeltRenewals } from "@/components/belts/belt-renewals";
import { AgreedTimeSummary } from "@/components/agreed-time/agreed-time-summary";
import { OwnStanding } from "@/components/recognition/own-standing";
import { personAgreedTime } from "@/lib/server/agreed-time/queries";
import { NextBelt } from "./next-belt";
import { RecentEntries } from "./recent-entries";

export async function GuardianHome({ actor }: { actor: SessionActor }) {
  const [activity, standing, { progress, renewals }, agreed] = await Promise.all([
    getPersonalActivity(actor.id),
    getGuardianStanding(actor.id),
    beltOutlook(actor.id),
    personAgreedTime(actor.id),
  ]);
  const active = standing.memberships.filter((m) => m.status === "ACTIVE");
  const pending = standing.memberships.filter((m) => m.status === "NOMINATED");
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat
          label="Hours this month"
          value={formatHours(activity.monthQuarterHours)}
          hint={`Program reference: ${formatHours(MONTHLY_REFERENCE_QUARTER_HOURS)} a month`}
        />
        <Stat
          label="Belt"
          value={standing.belt ? BELT.label(standing.belt.belt) : "None yet"}
          hint={
            standing.belt
              ? standing.belt.expiresOn
                ? `Expires on ${formatDate(standing.belt.expiresOn)}`
                : `Since ${formatDate(standing.belt.awardedOn)}`
              : "Complete onboarding to earn White"
          }
        />
        <Stat
          label="Feedback from AppSec"
          value={
            standing.feedbackAverage != null
              ? `${standing.feedbackAverage.toFixed(1)} / 5`
              : "No ratings yet"
          }
          hint={
            standing.feedbackCount
              ? `${standing.feedbackCount} rating${standing.feedbackCount === 1 ? "" : "s"}`
              : undefined
          }
        />
      </div>
      <Card>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <CardTitle>Time agreed with your manager</CardTitle>
          <Link
            href={`/people/${actor.id}#agreed-time`}
            className="text-sm text-brand-600 underline dark:text-brand-100"
          >
            History of your agreements
          </Link>
        </div>
        <AgreedTimeSummary time={agreed} self />
      </Card>
      <OwnStanding actor={actor} />
      <BeltRenewals renewals={renewals} self />
      <div className="grid gap-4 lg:grid-cols-2">
        <NextBelt progress={progress} />
        <Card>
          <CardTitle>Your teams</CardTitle>
          {active.length === 0 && pending.length === 0 ? (
            <div className="mt-3">
              <EmptyState title="You are not a guardian of any team yet" />
            </div>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {active.map((m) => (
                <li key={m.id}>
                  Guardian of <strong>{m.team.name}</strong>
                  {m.activeOn ? ` since ${formatDate(m.activeOn)}` : ""}
                </li>
              ))}
              {pending.map((m) => (
                <li key={m.id}>
                  Nominated for <strong>{m.team.name}</strong> on {formatDate(m.nominatedOn)}:
                  waiting for the program lead
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <RecentEntries entries={activity.recent} />
      <p className="text-sm">
        For a career review:{" "}
        <Link href={`/people/${actor.id}/impact`} className="underline">
          your impact statement
        </Link>{" "}
        (reviews, findings fixed, hours, belts and ratings for any period, ready to print).
      </p>
    </div>
  );
}
