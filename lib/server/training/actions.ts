"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { optionalRecordId } from "@/lib/validations/fields";
import { completionSchema, courseSchema, courseStatusSchema } from "@/lib/validations/training";
import { formAction } from "@/lib/server/form-action";
import { changeCourseStatus, recordCompletion, saveCourse } from "./service";
import { BELT } from "@/lib/vocabulary";

export const recordCompletionAction = formAction(
  { name: "recordCompletion", permission: "training.complete", schema: completionSchema },
  async (actor, input) => {
    const { awarded } = await recordCompletion(actor, input);
    revalidatePath("/training");
    revalidatePath("/");
    const belts = awarded.map((a) => BELT.label(a.belt));
    return {
      status: "ok",
      message: belts.length
        ? `Completion recorded. New belt: ${belts.join(", ")}!`
        : "Completion recorded.",
    };
  },
);

const courseId = z.object({
  id: optionalRecordId("Choose a course"),
});

export const saveCourseAction = formAction(
  {
    name: "saveCourse",
    permission: "training.manage",
    schema: courseSchema.extend(courseId.shape),
  },
  async (actor, { id, ...input }) => {
    await saveCourse(actor, id, input);
    revalidatePath("/training", "layout");
    return { status: "ok", message: id ? "Course updated." : "Course added to the catalogue." };
  },
);

export const changeCourseStatusAction = formAction(
  { name: "changeCourseStatus", permission: "training.manage", schema: courseStatusSchema },
  async (actor, input) => {
    const course = await changeCourseStatus(actor, input);
    revalidatePath("/training", "layout");
    revalidatePath("/");
    return {
      status: "ok",
      message:
        input.change === "retire"
          ? `${course.title} is retired: it is no longer offered or required.`
          : `${course.title} is back in the catalogue.`,
    };
  },
);
