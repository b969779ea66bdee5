"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { orgSchema, teamSchema } from "@/lib/validations/directory";
import { newPersonSchema, personEditSchema, personStatusSchema } from "@/lib/validations/person";
import type { ActionState } from "@/lib/server/action-state";
import { formAction } from "@/lib/server/form-action";
import { changePersonStatus, createPerson, PersonFieldError, updatePerson } from "./people";
import { saveOrg, saveTeam } from "./service";

const optionalId = z.object({
  id: z.preprocess(
    (v) => (v === "" || v == null ? null : v),
    z.coerce.number().int().positive().nullable(),
  ),
});

export const saveTeamAction = formAction(
  "directory.manage",
  teamSchema.extend(optionalId.shape),
  async (actor, { id, ...input }) => {
    const team = await saveTeam(actor, id, input);
    revalidatePath("/directory");
    redirect(`/directory/teams/${team.id}?saved=1`);
  },
);

export const saveOrgAction = formAction(
  "directory.manage",
  orgSchema.extend(optionalId.shape),
  async (actor, { id, ...input }) => {
    await saveOrg(actor, id, input);
    revalidatePath("/directory/orgs");
    redirect("/directory/orgs?saved=1");
  },
);

// A refusal about one field (duplicate email, a team of another org) is shown beside that field.
function besideField(error: unknown): ActionState {
  if (error instanceof PersonFieldError)
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: { [error.field]: [error.message] },
    };
  throw error;
}

export const createPersonAction = formAction(
  "user.manage",
  newPersonSchema,
  async (actor, input) => {
    const person = await createPerson(actor, input).catch(besideField);
    if ("status" in person) return person;
    revalidatePath("/directory", "layout");
    redirect(`/directory/people/${person.id}/edit?saved=created`);
  },
);

export const updatePersonAction = formAction(
  "user.manage",
  personEditSchema,
  async (actor, input) => {
    const person = await updatePerson(actor, input).catch(besideField);
    if ("status" in person) return person;
    revalidatePath("/directory", "layout");
    revalidatePath(`/people/${person.id}`);
    return { status: "ok", message: `${person.name} saved.` };
  },
);

export const changePersonStatusAction = formAction(
  "user.manage",
  personStatusSchema,
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
