"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/form-action";
import { BELT } from "@/lib/vocabulary";
import { endMentorshipSchema, mentorshipSchema } from "@/lib/validations/mentorship";
import { endMentorship, recordMentorship } from "./service";

export const recordMentorshipAction = formAction(
  { name: "recordMentorship", permission: "mentoring.record", schema: mentorshipSchema },
  async (actor, input) => {
    const { awarded } = await recordMentorship(actor, input);
    revalidatePath(`/people/${input.mentorId}`);
    const belts = awarded.map((a) => `${BELT.label(a.belt)} belt`);
    return {
      status: "ok",
      message: `Mentoring recorded.${belts.length ? ` Awarded: ${belts.join(", ")}.` : ""}`,
    };
  },
);

export const endMentorshipAction = formAction(
  { name: "endMentorship", permission: "mentoring.record", schema: endMentorshipSchema },
  async (actor, input) => {
    const row = await endMentorship(actor, input);
    revalidatePath(`/people/${row.mentorId}`);
    revalidatePath(`/people/${row.menteeId}`);
    return { status: "ok", message: "Mentoring ended." };
  },
);
