// Rows of program.json about events (docs/events.md): each event with its registrations,
// attendance and contest placings. The same rules as the services (lib/events/rules.ts,
// lib/validations/event.ts) and the database's checks. Pure: parsing and validation only.
import { z } from "zod";
import { EventKind } from "@/lib/generated/prisma/enums";
import { recordedEventProblem } from "@/lib/events/rules";
import { MAX_CAPACITY } from "@/lib/validations/event";
import { email, hours, instant, key, opt, plannedInstant, text } from "./fields";

export const eventRow = z
  .object({
    kind: z.enum(EventKind),
    title: text(),
    description: opt(text()).transform((v) => v ?? ""),
    startsAt: plannedInstant,
    hours: hours.refine((h) => h > 0 && h <= 24, "An event lasts more than 0 and at most 24 hours"),
    capacity: z.int().min(1).max(MAX_CAPACITY, `At most ${MAX_CAPACITY} places`),
    org: opt(key("org")),
    cancelledAt: opt(instant),
    createdBy: email,
    createdAt: instant,
    registrations: z.array(
      z.object({
        email,
        registeredAt: instant,
        attended: z.boolean(),
        placing: opt(z.int().min(1).max(3)),
      }),
    ),
  })
  .superRefine((e, ctx) => {
    const problem = recordedEventProblem(
      {
        kind: e.kind,
        capacity: e.capacity,
        startsAt: new Date(e.startsAt),
        cancelledAt: e.cancelledAt ? new Date(e.cancelledAt) : null,
      },
      e.registrations,
      new Date(),
    );
    if (problem) ctx.addIssue({ code: "custom", path: ["registrations"], message: problem });
  });
