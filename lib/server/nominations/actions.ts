"use server";

import { revalidatePath } from "next/cache";
import { decisionSchema, nominationSchema, stepDownSchema } from "@/lib/validations/nomination";
import { BELT } from "@/lib/vocabulary";
import { formAction } from "@/lib/server/form-action";
import { decideNomination, nominateGuardian, stepDown } from "./service";

function refresh() {
  revalidatePath("/directory", "layout");
  revalidatePath("/nominations");
  revalidatePath("/");
}

export const nominateAction = formAction(
  { name: "nominate", permission: "guardian.nominate", schema: nominationSchema },
  async (actor, input) => {
    await nominateGuardian(actor, input);
    refresh();
    return { status: "ok", message: "Nomination sent to the program lead." };
  },
);

export const decideNominationAction = formAction(
  { name: "decideNomination", permission: "guardian.approve", schema: decisionSchema },
  async (actor, input) => {
    const m = await decideNomination(actor, input);
    refresh();
    if (m.status !== "ACTIVE")
      return { status: "ok", message: `Declined: ${m.person} is not a guardian of ${m.team}.` };
    const belts = m.awarded.map((a) => BELT.label(a.belt));
    return {
      status: "ok",
      message:
        `Approved: ${m.person} is now a guardian of ${m.team}.` +
        (belts.length ? ` New belt: ${belts.join(", ")}.` : ""),
    };
  },
);

// Anyone may step down from their own membership; the service checks whose it is.
export const stepDownAction = formAction(
  { name: "stepDown", permission: "program.read", schema: stepDownSchema },
  async (actor, input) => {
    await stepDown(actor, input);
    refresh();
    return { status: "ok", message: "Stepped down. The membership stays in the team's history." };
  },
);
