"use server";

import { revalidatePath } from "next/cache";
import { releaseSchema, releaseUpdateSchema } from "@/lib/validations/release";
import { formAction } from "@/lib/server/form-action";

import { createRelease, updateRelease } from "./service";

export const createReleaseAction = formAction(
  { name: "createRelease", permission: "review.request", schema: releaseSchema },
  async (actor, input) => {
    const r = await createRelease(actor, input);
    revalidatePath("/releases");
    return { status: "ok", message: `Release ${r.key} recorded.` };
  },
);
export const updateReleaseAction = formAction(
  { name: "updateRelease", permission: "review.request", schema: releaseUpdateSchema },
  async (actor, input) => {
    const r = await updateRelease(actor, input);
    revalidatePath("/releases");
    return { status: "ok", message: `Release ${r.key} saved.` };
  },
);
