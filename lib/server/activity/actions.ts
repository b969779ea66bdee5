"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { activitySchema, newActivitySchema } from "@/lib/validations/activity";
import { formAction } from "@/lib/server/form-action";
import { formatHours } from "@/lib/hours";
import { deleteActivity, logActivity, updateActivity } from "./service";

export const logActivityAction = formAction(
  { name: "logActivity", permission: "activity.log", schema: newActivitySchema },
  async (actor, input) => {
    const { entry, created } = await logActivity(actor, input);
    revalidatePath("/log");
    revalidatePath("/");
    return {
      status: "ok",
      message: created ? `Logged ${formatHours(entry.quarterHours)}.` : "Already saved.",
    };
  },
);

const entryId = z.object({ id: z.string().regex(/^\d{1,18}$/, "Unknown entry") });

export const updateActivityAction = formAction(
  {
    name: "updateActivity",
    permission: "activity.log",
    schema: activitySchema.extend(entryId.shape),
  },
  async (actor, input) => {
    await updateActivity(actor, BigInt(input.id), input);
    revalidatePath("/log");
    redirect("/log?saved=1");
  },
);

export const deleteActivityAction = formAction(
  { name: "deleteActivity", permission: "activity.log", schema: entryId },
  async (actor, input) => {
    await deleteActivity(actor, BigInt(input.id));
    revalidatePath("/log");
    return { status: "ok", message: "Entry deleted. Its history is kept." };
  },
);
