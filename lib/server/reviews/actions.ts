"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { recordId } from "@/lib/validations/fields";
import {
  checklistSchema,
  completeReviewSchema,
  findingSchema,
  findingStatusSchema,
  participantSchema,
  ratingSchema,
  requestReviewSchema,
  startReviewSchema,
} from "@/lib/validations/review";
import { formAction } from "@/lib/server/form-action";
import { rateGuardian } from "@/lib/server/feedback/service";

import {
  addFinding,
  addParticipant,
  completeReview,
  requestReview,
  setChecklistItem,
  setFindingStatus,
  startReview,
} from "./service";

const refresh = (id: number) => revalidatePath(`/reviews/${id}`);

export const requestReviewAction = formAction(
  { name: "requestReview", permission: "review.request", schema: requestReviewSchema },
  async (actor, input) => {
    const review = await requestReview(actor, input);
    redirect(`/reviews/${review.id}`);
  },
);
export const startReviewAction = formAction(
  { name: "startReview", permission: "review.conduct", schema: startReviewSchema },
  async (actor, input) => {
    await startReview(actor, input);
    refresh(input.reviewId);
    return { status: "ok", message: "Review started." };
  },
);
export const addParticipantAction = formAction(
  { name: "addParticipant", permission: "review.conduct", schema: participantSchema },
  async (actor, input) => {
    await addParticipant(actor, input);
    refresh(input.reviewId);
    return { status: "ok", message: "Participant saved." };
  },
);
export const checklistAction = formAction(
  {
    name: "checklist",
    permission: "review.conduct",
    schema: checklistSchema.extend({ reviewId: recordId("Choose a review") }),
  },
  async (actor, input) => {
    const item = await setChecklistItem(actor, input.itemId, input.done);
    refresh(input.reviewId);
    return { status: "ok", message: `“${item.label}” ${item.done ? "done" : "not done"}.` };
  },
);
export const addFindingAction = formAction(
  { name: "addFinding", permission: "review.conduct", schema: findingSchema },
  async (actor, input) => {
    await addFinding(actor, input);
    refresh(input.reviewId);
    return { status: "ok", message: "Finding recorded." };
  },
);
export const findingStatusAction = formAction(
  { name: "findingStatus", permission: "review.conduct", schema: findingStatusSchema },
  async (actor, input) => {
    await setFindingStatus(actor, input);
    refresh(input.reviewId);
    return { status: "ok", message: "Finding updated." };
  },
);
export const completeReviewAction = formAction(
  { name: "completeReview", permission: "review.conduct", schema: completeReviewSchema },
  async (actor, input) => {
    await completeReview(actor, input);
    refresh(input.reviewId);
    return { status: "ok", message: "Review completed." };
  },
);
export const rateGuardianAction = formAction(
  { name: "rateGuardian", permission: "feedback.give", schema: ratingSchema },
  async (actor, input) => {
    await rateGuardian(actor, input);
    if (input.reviewId) refresh(input.reviewId);
    return { status: "ok", message: "Rating saved." };
  },
);
