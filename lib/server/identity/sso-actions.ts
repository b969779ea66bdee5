"use server";

import { revalidatePath } from "next/cache";
import { ROLE } from "@/lib/vocabulary";
import { groupMappingIdSchema, groupMappingSchema } from "@/lib/validations/sso";
import { formAction } from "@/lib/server/form-action";
import { addGroupMapping, removeGroupMapping } from "./group-mappings";

export const addGroupMappingAction = formAction(
  { name: "addGroupMapping", permission: "identity.manage", schema: groupMappingSchema },
  async (actor, input) => {
    const m = await addGroupMapping(actor, input);
    revalidatePath("/admin/sso");
    return {
      status: "ok",
      message: `Members of “${m.group}” get the role ${ROLE.label(m.role)} at their next sign-in.`,
    };
  },
);

export const removeGroupMappingAction = formAction(
  { name: "removeGroupMapping", permission: "identity.manage", schema: groupMappingIdSchema },
  async (actor, { id }) => {
    const m = await removeGroupMapping(actor, id);
    revalidatePath("/admin/sso");
    return {
      status: "ok",
      message: `Removed: “${m.group}” no longer gives ${ROLE.label(m.role)} (from each member's next sign-in).`,
    };
  },
);
