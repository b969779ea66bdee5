"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { optionalRecordId } from "@/lib/validations/fields";
import { orgSchema, teamSchema } from "@/lib/validations/directory";
import { newPersonSchema, personEditSchema, personStatusSchema } from "@/lib/validations/person";
import { formAction } from "@/lib/server/form-action";
import { changePersonStatus, createPerson, updatePerson } from "./people";
import { saveOrg, saveTeam } from "./service";

const optionalId = z.object({
  id: optionalRecordId("Choose a record from the list"),
});

export const saveTeamAction = formAction(
  { name: "saveTeam", permission: "directory.manage", schema: teamSchema.extend(optionalId.shape) },
  async (actor, { id, ...input }) => {
    const team = await saveTeam(actor, id, input);
    revalidatePath("/directory");
    redirect(`/directory/teams/${team.id}?saved=1`);
  },
);

export const saveOrgAction = formAction(
  { name: "saveOrg", permission: "directory.manage", schema: orgSchema.extend(optionalId.shape) },
  async (actor, { id, ...input }) => {
    await saveOrg(actor, id, input);
    revalidatePath("/directory/orgs");
    redirect("/directory/orgs?saved=1");
  },
);

export const createPersonAction = formAction(
  { name: "createPerson", permission: "user.manage", schema: newPersonSchema },
  async (actor, input) => {
    const person = await createPerson(actor, input);
    revalidatePath("/directory", "layout");
    redirect(`/directory/people/${person.id}/edit?saved=created`);
  },
);

export const updatePersonAction = formAction(
  { name: "updatePerson", permission: "user.manage", schema: personEditSchema },
  async (actor, input) => {
    const person = await updatePerson(actor, input);
    revalidatePath("/directory", "layout");
    revalidatePath(`/people/${person.id}`);
    return { status: "ok", message: `${person.name} saved.` };
  },
);

export const changePersonStatusAction = formAction(
  { name: "changePersonStatus", permission: "user.manage", schema: personStatusSchema },
  async (actor, input) => {
    const person = await changePersonStatus(actor, input);
    revalidatePath("/directory", "layout");
    return {
      status: "ok",
      message:
        input.change === "deactivate"
          ? `${person.name} is deactivated and can no longer sign in.`
          : `${person.name} is active again.`,
    };
  },
);
