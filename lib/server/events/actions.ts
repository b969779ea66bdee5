"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { plural } from "@/lib/format";
import { attendanceSchema, eventIdSchema, eventSchema } from "@/lib/validations/event";
import { formAction } from "@/lib/server/form-action";
import { recordAttendance } from "./attendance";
import { cancelEvent, registerForEvent, saveEvent, unregisterFromEvent } from "./service";

export const saveEventAction = formAction(
  { name: "saveEvent", permission: "event.manage", schema: eventSchema },
  async (actor, input) => {
    const event = await saveEvent(actor, input);
    revalidatePath("/events");
    if (input.id === null) redirect(`/events/${event.id}`);
    revalidatePath(`/events/${event.id}`);
    return { status: "ok", message: "Event saved." };
  },
);

export const cancelEventAction = formAction(
  { name: "cancelEvent", permission: "event.manage", schema: eventIdSchema },
  async (actor, input) => {
    await cancelEvent(actor, input.eventId);
    revalidatePath("/events");
    revalidatePath(`/events/${input.eventId}`);
    return { status: "ok", message: "Event cancelled." };
  },
);

export const registerForEventAction = formAction(
  { name: "registerForEvent", permission: "event.attend", schema: eventIdSchema },
  async (actor, input) => {
    const { created } = await registerForEvent(actor, input.eventId);
    revalidatePath("/events");
    revalidatePath(`/events/${input.eventId}`);
    return {
      status: "ok",
      message: created ? "You are registered." : "You were already registered.",
    };
  },
);

export const unregisterFromEventAction = formAction(
  { name: "unregisterFromEvent", permission: "event.attend", schema: eventIdSchema },
  async (actor, input) => {
    const removed = await unregisterFromEvent(actor, input.eventId);
    revalidatePath("/events");
    revalidatePath(`/events/${input.eventId}`);
    return {
      status: "ok",
      message: removed ? "Your place is given up." : "You were not registered.",
    };
  },
);

export const recordAttendanceAction = formAction(
  { name: "recordAttendance", permission: "event.manage", schema: attendanceSchema },
  async (actor, input) => {
    const r = await recordAttendance(actor, input);
    revalidatePath(`/events/${input.eventId}`);
    const parts = [
      r.attended ? `${plural(r.attended, "person", "people")} marked attended` : null,
      r.unmarked ? `${plural(r.unmarked, "person", "people")} unmarked` : null,
      r.placings ? `${plural(r.placings, "placing")} saved` : null,
      r.awarded.length ? `${plural(r.awarded.length, "belt")} awarded` : null,
    ].filter(Boolean);
    return {
      status: "ok",
      message: parts.length ? `Attendance saved: ${parts.join(", ")}.` : "Nothing changed.",
    };
  },
);
