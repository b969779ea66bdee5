// The demo's events (docs/events.md): a game day, a contest with results and an organisation's
// workshop that took place, yesterday's challenge whose attendance the lead has still to record,
// and an upcoming workshop with places left, so every events page has something to show.
// Deterministic without the seeded generator: people follow their place in the dataset.
import type pg from "pg";
import { addUtcDays, startOfUtcDay } from "@/lib/period";
import { EVENT_KIND } from "@/lib/vocabulary";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import type { Dataset } from "./types";

type Planned = {
  kind: "WORKSHOP" | "GAME_DAY" | "CHALLENGE" | "CONTEST";
  title: string;
  description: string;
  /** Days from today (negative: past) and the UTC hour it starts. */
  day: number;
  hour: number;
  quarterHours: number;
  capacity: number;
  orgId: number | null;
  people: number[];
  /** Whether the lead recorded attendance (all but the last registered attended). */
  recorded: boolean;
  placings?: boolean;
};

/** The demo's events, with registrations, attendance (and its hours) and contest placings. */
export async function writeEvents(c: pg.ClientBase, d: Dataset, today: Date) {
  // A database migrated only up to before events (tests of older migrations seed one) gets none.
  const { rowCount } = await c.query(`SELECT 1 FROM pg_tables WHERE tablename = 'Event'`);
  if (!rowCount) return;
  const byEmail = new Map(d.users.map((u) => [u.email, u]));
  const lead = byEmail.get(DEMO_ACCOUNTS.lead.email);
  const guardian = byEmail.get(DEMO_ACCOUNTS.guardian.email);
  const builder = byEmail.get(DEMO_ACCOUNTS.builder.email);
  if (!lead || !guardian || !builder) return;
  const demo = new Set<string>(Object.values(DEMO_ACCOUNTS).map((a) => a.email));
  const guardians = [
    ...new Set(d.memberships.filter((m) => m.status === "ACTIVE").map((m) => m.userId)),
  ].filter((id) => !demo.has(d.users.find((u) => u.id === id)?.email ?? ""));
  const some = (from: number, n: number) => guardians.slice(from, from + n);
  const events: Planned[] = [
    {
      kind: "GAME_DAY",
      title: "Incident response game day",
      description:
        "A simulated credential leak, from the first alert to the post-incident review. " +
        "Teams of four; bring a laptop with access to the staging account.",
      day: -20,
      hour: 9,
      quarterHours: 16,
      capacity: 30,
      orgId: null,
      people: [guardian.id, ...some(0, 11)],
      recorded: true,
    },
    {
      kind: "CONTEST",
      title: "Capture the flag: web edition",
      description: "Twelve web challenges in three hours, solo. Prizes for the top three.",
      day: -45,
      hour: 13,
      quarterHours: 12,
      capacity: 20,
      orgId: null,
      people: [...some(11, 1), guardian.id, ...some(12, 7)],
      recorded: true,
      placings: true,
    },
    {
      kind: "WORKSHOP",
      title: "Threat modelling with STRIDE",
      description: "Model one of your own services with an AppSec engineer at hand.",
      day: -70,
      hour: 14,
      quarterHours: 8,
      capacity: 15,
      orgId: guardian.orgId,
      people: [guardian.id, ...some(19, 5)],
      recorded: true,
    },
    {
      kind: "CHALLENGE",
      title: "Secrets in code challenge",
      description: "Find and rotate the secrets planted in a sample repository.",
      day: -1,
      hour: 10,
      quarterHours: 6,
      capacity: 25,
      orgId: null,
      people: [guardian.id, builder.id, ...some(24, 4)],
      recorded: false,
    },
    {
      kind: "WORKSHOP",
      title: "Secure code review clinic",
      description: "Bring a pull request; review it together against the OWASP checklist.",
      day: 9,
      hour: 15,
      quarterHours: 6,
      capacity: 25,
      orgId: null,
      people: some(28, 6),
      recorded: false,
    },
  ];
  for (const e of events) {
    const day = addUtcDays(startOfUtcDay(today), e.day);
    const startsAt = new Date(day.getTime() + e.hour * 3_600_000);
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO "Event" (kind, title, description, "startsAt", "quarterHours", capacity, "orgId", "createdById", "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        e.kind,
        e.title,
        e.description,
        startsAt,
        e.quarterHours,
        e.capacity,
        e.orgId,
        lead.id,
        addUtcDays(day, -30),
      ],
    );
    const people = [...new Set(e.people)].slice(0, e.capacity);
    // Places are taken before the event, and never after today.
    const registeredBy = e.day < 0 ? day : startOfUtcDay(today);
    for (const [i, userId] of people.entries()) {
      const attended = e.recorded && i < people.length - 1;
      let entryId: string | null = null;
      if (attended) {
        const entry = await c.query<{ id: string }>(
          `INSERT INTO "ActivityEntry" ("userId", date, "quarterHours", type, note, "updatedAt")
           VALUES ($1, $2, $3, 'TRAINING', $4, $5) RETURNING id`,
          [userId, day, e.quarterHours, `${EVENT_KIND.label(e.kind)}: ${e.title}`, startsAt],
        );
        entryId = entry.rows[0].id;
        await c.query(
          `INSERT INTO "ActivityEntryVersion" ("entryId", version, date, "quarterHours", type, note, "changedById")
           VALUES ($1, 1, $2, $3, 'TRAINING', $4, $5)`,
          [entryId, day, e.quarterHours, `${EVENT_KIND.label(e.kind)}: ${e.title}`, lead.id],
        );
      }
      const placing = e.placings && attended && i < 3 ? i + 1 : null;
      await c.query(
        `INSERT INTO "EventRegistration" ("eventId", "userId", "registeredAt", attended, "entryId", "placing")
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [rows[0].id, userId, addUtcDays(registeredBy, -10 + (i % 7)), attended, entryId, placing],
      );
    }
  }
}
