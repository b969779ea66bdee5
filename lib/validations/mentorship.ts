import { z } from "zod";
import { day, optionalDay, recordId } from "./fields";
import { todayUtc, isoDay } from "@/lib/period";

const notAhead = (d: string) => d <= isoDay(todayUtc());

/** A lead records that a guardian mentors someone (from the mentor's profile). */
export const mentorshipSchema = z
  .object({
    mentorId: recordId("Choose the mentor"),
    menteeEmail: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "Keep the email under 254 characters")
      .pipe(z.email("Enter the email of the person mentored")),
    startedOn: day().refine(notAhead, "The mentoring cannot start in the future"),
    endedOn: optionalDay().refine((d) => d === undefined || notAhead(d), {
      message: "The mentoring cannot end in the future",
    }),
  })
  .refine((m) => m.endedOn === undefined || m.endedOn >= m.startedOn, {
    path: ["endedOn"],
    message: "The end cannot come before the start",
  });
export type MentorshipInput = z.infer<typeof mentorshipSchema>;

/** A lead records the day a mentoring ended. */
export const endMentorshipSchema = z.object({
  mentorshipId: recordId("Choose a mentoring"),
  endedOn: day().refine(notAhead, "The mentoring cannot end in the future"),
});
export type EndMentorshipInput = z.infer<typeof endMentorshipSchema>;
