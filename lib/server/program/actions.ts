"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { optionalRecordId, recordId } from "@/lib/validations/fields";
import { goalSchema } from "@/lib/validations/goal";
import { deleteGoal, saveGoal } from "./goals";
import { programSchema } from "@/lib/validations/program";
import { formAction } from "@/lib/server/form-action";
import { updateProgram } from "./service";

export const updateProgramAction = formAction(
  { name: "updateProgram", permission: "program.manage", schema: programSchema },
  async (actor, input) => {
    await updateProgram(actor, input);
    revalidatePath("/program");
    return { status: "ok", message: "Program saved." };
  },
);

const goalId = z.object({
  id: optionalRecordId("Choose a goal"),
});

export const saveGoalAction = formAction(
  { name: "saveGoal", permission: "program.manage", schema: goalSchema.extend(goalId.shape) },
  async (actor, { id, ...input }) => {
    await saveGoal(actor, id, input);
    revalidatePath("/program");
    return { status: "ok", message: id ? "Goal updated." : "Goal added." };
  },
);

export const deleteGoalAction = formAction(
  {
    name: "deleteGoal",
    permission: "program.manage",
    schema: z.object({ id: recordId("Choose a goal") }),
  },
  async (actor, { id }) => {
    await deleteGoal(actor, id);
    revalidatePath("/program");
    return { status: "ok", message: "Goal removed." };
  },
);
