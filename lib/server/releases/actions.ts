"use server";

import { revalidatePath } from "next/cache";
import { releaseSchema } from "@/lib/validations/release";
import { formAction } from "@/lib/server/form-action";
import { createRelease } from "./service";

export const createReleaseAction = formAction("review.request", releaseSchema, async (actor, input) => {
  const r = await createRelease(actor, input);
  revalidatePath("/releases");
  return { status: "ok", message: `Release ${r.key} recorded.` };
});
