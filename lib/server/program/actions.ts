"use server";

import { revalidatePath } from "next/cache";
import { programSchema } from "@/lib/validations/program";
import { formAction } from "@/lib/server/form-action";
import { updateProgram } from "./service";

export const updateProgramAction = formAction("program.manage", programSchema, async (actor, input) => {
  await updateProgram(actor, input);
  revalidatePath("/program");
  return { status: "ok", message: "Program saved." };
});
