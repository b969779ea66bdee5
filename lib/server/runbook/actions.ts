"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/form-action";
import {
  changeRunbookItem,
  runbookChangeSchema,
  runbookItemSchema,
  saveRunbookItem,
} from "./service";

export const saveRunbookItemAction = formAction(
  { name: "saveRunbookItem", permission: "program.manage", schema: runbookItemSchema },
  async (actor, input) => {
    await saveRunbookItem(actor, input);
    revalidatePath("/program/runbook");
    return { status: "ok", message: input.id ? "Item renamed." : "Item added." };
  },
);

export const changeRunbookItemAction = formAction(
  { name: "changeRunbookItem", permission: "program.manage", schema: runbookChangeSchema },
  async (actor, input) => {
    const item = await changeRunbookItem(actor, input);
    revalidatePath("/program/runbook");
    const done =
      input.change === "toggle"
        ? item.active
          ? "switched off"
          : "switched on"
        : `moved ${input.change}`;
    return { status: "ok", message: `“${item.label}” ${done}.` };
  },
);
