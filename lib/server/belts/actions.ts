"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formNumber, recordId } from "@/lib/validations/fields";
import { BELT } from "@/lib/vocabulary";
import { beltConditionsSchema, validityMonthsSchema } from "@/lib/validations/belt-rule";
import { ruleOutcome, rulePreviewMessage } from "@/lib/belts/rule-messages";
import { formAction } from "@/lib/server/form-action";
import { previewRule, saveRule } from "./rules";
import { checkOwnBelts, reevaluateEveryone, revokeBelt } from "./service";

// The editor sends the conditions as JSON; every condition is validated like any other input.
const conditionsJson = z
  .string()
  .max(20_000)
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "The conditions could not be read" });
      return z.NEVER;
    }
  })
  .pipe(beltConditionsSchema);

const ruleForm = z.object({
  belt: z.enum(BELT.values),
  conditions: conditionsJson,
  // Empty: the belt never expires. Absent (an older form): the validity stays as it is.
  validityMonths: z
    .preprocess((v) => (v === "" ? null : v), formNumber(validityMonthsSchema).nullable())
    .optional(),
  renewal: conditionsJson.optional(),
  intent: z.enum(["preview", "save"]),
});

export const beltRuleAction = formAction(
  { name: "beltRule", permission: "belt.manage", schema: ruleForm },
  async (actor, input) => {
    const validity =
      input.validityMonths === undefined
        ? undefined
        : { validityMonths: input.validityMonths, renewal: input.renewal ?? [] };
    if (input.intent === "preview") {
      const preview = await previewRule(actor, input.belt, input.conditions, validity);
      return { status: "ok", message: rulePreviewMessage(preview) };
    }
    const changed = await saveRule(actor, input.belt, input.conditions, validity);
    revalidatePath("/belts");
    return { status: "ok", message: ruleOutcome(changed) };
  },
);

export const reevaluateAction = formAction(
  { name: "reevaluate", permission: "belt.manage", schema: z.object({}) },
  async (actor) => {
    const awarded = await reevaluateEveryone(actor);
    revalidatePath("/belts");
    return {
      status: "ok",
      message: `Everyone re-evaluated: ${awarded.length} new belt${awarded.length === 1 ? "" : "s"}.`,
    };
  },
);

export const revokeBeltAction = formAction(
  {
    name: "revokeBelt",
    permission: "belt.manage",
    schema: z.object({
      awardId: recordId("Choose a belt award"),
      reason: z.string().trim().min(5, "Give a reason of a few words").max(500),
    }),
  },
  async (actor, input) => {
    await revokeBelt(actor, input.awardId, input.reason);
    revalidatePath("/belts");
    return {
      status: "ok",
      message: "Belt revoked. The award stays in the history with your reason.",
    };
  },
);

export const checkOwnBeltsAction = formAction(
  { name: "checkOwnBelts", permission: "training.complete", schema: z.object({}) },
  async (actor) => {
    // No revalidation: the renewal card would vanish with this answer; the next visit shows it.
    const changed = await checkOwnBelts(actor);
    const renewed = changed.filter((c) => c.renewal).map((c) => BELT.label(c.belt));
    const earned = changed.filter((c) => !c.renewal).map((c) => BELT.label(c.belt));
    const parts = [
      renewed.length ? `Renewed: ${renewed.join(", ")}.` : "",
      earned.length ? `Earned: ${earned.join(", ")}.` : "",
    ].filter(Boolean);
    return {
      status: "ok",
      message: parts.length
        ? parts.join(" ")
        : "Nothing to renew yet: some conditions are still open.",
    };
  },
);
