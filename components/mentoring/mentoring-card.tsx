import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { isoDay, todayUtc } from "@/lib/period";
import { mentoringOf } from "@/lib/server/mentoring/queries";
import { EndMentoringForm, RecordMentoringForm } from "./mentoring-forms";

const link = "text-brand-600 underline underline-offset-2 dark:text-brand-100";
const span = (m: { startedOn: Date; endedOn: Date | null }) =>
  `since ${formatDate(m.startedOn)}${m.endedOn ? `, ended ${formatDate(m.endedOn)}` : ""}`;

/**
 * Whom a person mentors and who mentors them (the Black belt asks for mentoring); a lead records
 * new mentoring here, on the mentor's profile, when the person is an active guardian.
 */
export async function MentoringCard({
  actor,
  person,
  activeGuardian,
}: {
  actor: SessionActor;
  person: { id: number; name: string; orgId: number | null };
  activeGuardian: boolean;
}) {
  const { mentees, mentors } = await mentoringOf(person.id);
  const manage = can(actor, "mentoring.record", { orgId: person.orgId });
  if (!manage && mentees.length + mentors.length === 0) return null;
  const today = isoDay(todayUtc());
  return (
    <Card id="mentoring">
      <CardTitle>Mentoring</CardTitle>
      <ul className="mt-2 space-y-2 text-sm">
        {mentees.map((m) => (
          <li key={m.id} className="flex flex-wrap items-end justify-between gap-2">
            <span>
              Mentors{" "}
              <Link className={link} href={`/people/${m.mentee.id}`}>
                {m.mentee.name}
              </Link>{" "}
              <span className="text-slate-600 dark:text-slate-400">({span(m)})</span>
            </span>
            {manage && !m.endedOn ? (
              <EndMentoringForm
                mentorshipId={m.id}
                label={`End ${person.name}'s mentoring of ${m.mentee.name}`}
                today={today}
              />
            ) : null}
          </li>
        ))}
        {mentors.map((m) => (
          <li key={m.id}>
            Mentored by{" "}
            <Link className={link} href={`/people/${m.mentor.id}`}>
              {m.mentor.name}
            </Link>{" "}
            <span className="text-slate-600 dark:text-slate-400">({span(m)})</span>
          </li>
        ))}
        {mentees.length + mentors.length === 0 ? <li>No mentoring recorded yet.</li> : null}
      </ul>
      {manage && activeGuardian ? (
        <div className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-800">
          <RecordMentoringForm mentorId={person.id} name={person.name} today={today} />
        </div>
      ) : null}
    </Card>
  );
}
