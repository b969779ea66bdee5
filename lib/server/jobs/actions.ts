"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/form-action";
import { retryJobSchema } from "@/lib/validations/jobs";
import { retryFailed } from "./admin";

export const retryJobAction = formAction(
  { name: "retryJob", permission: "jobs.manage", schema: retryJobSchema },
  async (actor, input) => {
    const n = await retryFailed(actor, input);
    revalidatePath("/admin/jobs");
    return {
      status: "ok",
      message: n === 1 ? "Queued again: it runs in a moment." : `${n} jobs queued again.`,
    };
  },
);
