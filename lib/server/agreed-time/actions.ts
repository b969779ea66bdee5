"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/form-action";
import { timeAgreementSchema } from "@/lib/validations/time-agreement";
import { recordTimeAgreement } from "./service";

export const recordTimeAgreementAction = formAction(
  { name: "recordTimeAgreement", permission: "time.agree", schema: timeAgreementSchema },
  async (actor, input) => {
    const { created, name } = await recordTimeAgreement(actor, input);
    revalidatePath(`/people/${input.userId}`);
    revalidatePath("/");
    return {
      status: "ok",
      message: created
        ? `Agreed time recorded for ${name} from ${input.effectiveFrom}.`
        : "Already recorded.",
    };
  },
);
