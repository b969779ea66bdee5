"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordId } from "@/lib/validations/fields";
import { BELT } from "@/lib/vocabulary";
import { beltConditionSchema } from "@/lib/validations/belt-rule";
import { formAction } from "@/lib/server/form-action";
import { previewRule, saveRule } from "./rules";
import { reevaluateEveryone, revokeBelt } from "./service";

// The editor sends the conditions as JSON; every condition is validated like any other input.
const ruleForm = z.object({
  belt: z.enum(BELT.values),
  conditions: z
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
    .pipe(z.array(beltConditionSchema).max(20, "At most 20 conditions per belt")),
  intent: z.enum(["preview", "save"]),
});

export const beltRuleAction = formAction(
  { name: "beltRule", permission: "belt.manage", schema: ruleForm },
  async (actor, input) => {
    if (input.intent === "preview") {
      const preview = await previewRule(actor, input.belt, input.conditions);
      const names = preview.newlyQualifying.map((p) => `${p.name} (${p.belt.toLowerCase()})`);
      return {
        status: "ok",
        message: names.length
          ? `${names.length} would earn a belt: ${names.slice(0, 30).join(", ")}${names.length > 30 ? "…" : ""}`
          : "No one new would earn a belt under this rule.",
      };
    }
    const awarded = await saveRule(actor, input.belt, input.conditions);
    revalidatePath("/belts");
    return {
      status: "ok",
      message: `Rule saved. ${awarded.length} new belt${awarded.length === 1 ? "" : "s"} awarded.`,
    };
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
