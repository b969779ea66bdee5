"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordId } from "@/lib/validations/fields";
import {
  authorSchema,
  commentSchema,
  decisionSchema,
  threatModelSchema,
  threatSchema,
} from "@/lib/validations/threat-model";
import { formAction } from "@/lib/server/form-action";

import { rateGuardian } from "@/lib/server/feedback/service";
import { ratingSchema } from "@/lib/validations/review";
import {
  addAuthor,
  addComment,
  createThreatModel,
  decide,
  saveThreat,
  submitForReview,
} from "./service";

const refresh = (id: number) => revalidatePath(`/threat-models/${id}`);
const tmId = z.object({ threatModelId: recordId("Choose a threat model") });

export const createThreatModelAction = formAction(
  { name: "createThreatModel", permission: "threatmodel.write", schema: threatModelSchema },
  async (actor, input) => {
    const tm = await createThreatModel(actor, input);
    redirect(`/threat-models/${tm.id}`);
  },
);
export const saveThreatAction = formAction(
  { name: "saveThreat", permission: "threatmodel.write", schema: threatSchema },
  async (actor, input) => {
    await saveThreat(actor, input);
    refresh(input.threatModelId);
    return { status: "ok", message: input.threatId ? "Threat updated." : "Threat added." };
  },
);
export const addAuthorAction = formAction(
  { name: "addAuthor", permission: "threatmodel.write", schema: authorSchema },
  async (actor, input) => {
    await addAuthor(actor, input.threatModelId, input.email);
    refresh(input.threatModelId);
    return { status: "ok", message: "Author added." };
  },
);
export const submitAction = formAction(
  { name: "submit", permission: "threatmodel.write", schema: tmId },
  async (actor, input) => {
    await submitForReview(actor, input.threatModelId);
    refresh(input.threatModelId);
    return { status: "ok", message: "Submitted for review." };
  },
);
export const decideAction = formAction(
  { name: "decide", permission: "threatmodel.approve", schema: decisionSchema },
  async (actor, input) => {
    await decide(actor, input);
    refresh(input.threatModelId);
    return {
      status: "ok",
      message: input.decision === "approve" ? "Approved." : "Sent back to draft.",
    };
  },
);
export const commentAction = formAction(
  { name: "comment", permission: "threatmodel.approve", schema: commentSchema },
  async (actor, input) => {
    await addComment(actor, input.threatModelId, input.body);
    refresh(input.threatModelId);
    return { status: "ok", message: "Comment added." };
  },
);
export const rateAuthorAction = formAction(
  { name: "rateAuthor", permission: "feedback.give", schema: ratingSchema },
  async (actor, input) => {
    await rateGuardian(actor, input);
    if (input.threatModelId) refresh(input.threatModelId);
    return { status: "ok", message: "Rating saved." };
  },
);
