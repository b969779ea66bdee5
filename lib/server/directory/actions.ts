"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { orgSchema, teamSchema } from "@/lib/validations/directory";
import { formAction } from "@/lib/server/form-action";
import { saveOrg, saveTeam } from "./service";

const optionalId = z.object({ id: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable()) });

export const saveTeamAction = formAction("directory.manage", teamSchema.extend(optionalId.shape), async (actor, { id, ...input }) => {
  const team = await saveTeam(actor, id, input);
  revalidatePath("/directory");
  redirect(`/directory/teams/${team.id}?saved=1`);
});

export const saveOrgAction = formAction("directory.manage", orgSchema.extend(optionalId.shape), async (actor, { id, ...input }) => {
  await saveOrg(actor, id, input);
  revalidatePath("/directory/orgs");
  redirect("/directory/orgs?saved=1");
});
