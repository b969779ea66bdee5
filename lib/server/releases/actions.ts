"use server";

import { revalidatePath } from "next/cache";
import { releaseSchema, releaseUpdateSchema } from "@/lib/validations/release";
import { formAction } from "@/lib/server/form-action";
import { withFieldErrors } from "@/lib/server/field-error";
import { createRelease, updateRelease } from "./service";

export const createReleaseAction = formAction("review.request", releaseSchema, (actor, input) =>
  withFieldErrors(async () => {
    const r = await createRelease(actor, input);
    revalidatePath("/releases");
    return { status: "ok", message: `Release ${r.key} recorded.` };
  }),
);
export const updateReleaseAction = formAction(
  "review.request",
  releaseUpdateSchema,
  (actor, input) =>
    withFieldErrors(async () => {
      const r = await updateRelease(actor, input);
      revalidatePath("/releases");
      return { status: "ok", message: `Release ${r.key} saved.` };
    }),
);
