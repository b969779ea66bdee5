import { Card, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import type { PersonCardData } from "@/lib/server/people/card";
import { placingLabel } from "@/lib/events/rules";
import { BELT, RECOGNITION_KIND } from "@/lib/vocabulary";

/** A person's public card: who they are, their belts and recognition (what the wall shows). */
export function PersonCard({ person }: { person: PersonCardData }) {
  const highest = [...BELT.values]
    .reverse()
    .find((belt) => person.beltAwards.some((b) => b.belt === belt));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{person.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {[person.team?.name, person.org?.name].filter(Boolean).join(" · ") ||
            "No team or organisation"}
          {highest ? ` · ${BELT.label(highest)} belt` : ""}
        </p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Their public card: the full profile is for their organisation and the program&apos;s
          leads.
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>Belts</CardTitle>
          <ul className="mt-2 space-y-1 text-sm">
            {person.beltAwards.length ? (
              person.beltAwards.map((b) => (
                <li key={b.id}>
                  {BELT.label(b.belt)} · since {formatDate(b.awardedOn)}
                </li>
              ))
            ) : (
              <li>No belt yet</li>
            )}
          </ul>
        </Card>
        <Card id="recognition">
          <CardTitle>Recognition</CardTitle>
          <ul className="mt-2 space-y-2 text-sm">
            {person.recognitionsReceived.map((r) => (
              <li key={r.id}>
                <strong>{r.title}</strong> ({RECOGNITION_KIND.label(r.kind).toLowerCase()} from{" "}
                {r.giver.name}, {formatDate(r.createdAt)}): {r.reason}
              </li>
            ))}
            {person.recognitionsReceived.length + person.eventRegistrations.length === 0 && (
              <li>No recognition yet</li>
            )}
            {person.eventRegistrations.map((p) => (
              <li key={`c${p.id}`}>
                Placed <strong>{placingLabel(p.placing!)}</strong> in the contest “{p.event.title}”
                ({formatDate(p.event.startsAt)})
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
