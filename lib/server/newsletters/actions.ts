"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordId } from "@/lib/validations/fields";
import { formAction } from "@/lib/server/form-action";
import { deliver } from "./deliver";
import { generateAllDrafts, generateDraft, publish, updateDraft } from "./service";

const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, "Choose a quarter like 2026-Q3");
const id = recordId("Choose a newsletter");
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max.toLocaleString("en")} characters`)
    .optional()
    .transform((v) => v || null);

export const generateDraftAction = formAction(
  {
    name: "generateDraft",
    permission: "newsletter.manage",
    schema: z.object({ orgId: id, quarter }),
  },
  async (actor, input) => {
    const draft = await generateDraft(actor, input.orgId, input.quarter);
    redirect(`/newsletters/${draft.id}`);
  },
);

export const generateAllAction = formAction(
  { name: "generateAll", permission: "newsletter.manage", schema: z.object({ quarter }) },
  async (actor, input) => {
    const r = await generateAllDrafts(actor, input.quarter);
    revalidatePath("/newsletters");
    return {
      status: "ok",
      message: `${r.created} draft${r.created === 1 ? "" : "s"} created for ${input.quarter}; ${r.existing} already existed.`,
    };
  },
);

export const updateDraftAction = formAction(
  {
    name: "updateDraft",
    permission: "newsletter.manage",
    schema: z.object({ id, intro: text(4000), highlights: text(4000) }),
  },
  async (actor, input) => {
    await updateDraft(actor, input.id, { intro: input.intro, highlights: input.highlights });
    revalidatePath(`/newsletters/${input.id}`);
    return { status: "ok", message: "Draft saved." };
  },
);

export const publishAction = formAction(
  { name: "publish", permission: "newsletter.manage", schema: z.object({ id }) },
  async (actor, input) => {
    await publish(actor, input.id);
    revalidatePath(`/newsletters/${input.id}`);
    revalidatePath("/newsletters");
    return { status: "ok", message: "Published. The content is now frozen." };
  },
);

export const deliverAction = formAction(
  { name: "deliver", permission: "newsletter.manage", schema: z.object({ id }) },
  async (actor, input) => {
    const r = await deliver(actor, input.id);
    revalidatePath(`/newsletters/${input.id}`);
    return {
      status: r.failed ? "error" : "ok",
      message: `Sent ${r.sent}, failed ${r.failed}, already delivered ${r.alreadySent}.`,
    };
  },
);
