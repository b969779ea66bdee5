"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
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
import { withFieldErrors } from "@/lib/server/field-error";
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
  "review.request",
  requestReviewSchema,
  (actor, input) =>
    withFieldErrors(async () => {
      const review = await requestReview(actor, input);
      redirect(`/reviews/${review.id}`);
    }),
);
export const startReviewAction = formAction("review.conduct", startReviewSchema, (actor, input) =>
  withFieldErrors(async () => {
    await startReview(actor, input);
    refresh(input.reviewId);
    return { status: "ok", message: "Review started." };
  }),
);
export const addParticipantAction = formAction(
  "review.conduct",
  participantSchema,
  async (actor, input) => {
    await addParticipant(actor, input);
    refresh(input.reviewId);
    return { status: "ok", message: "Participant saved." };
  },
);
export const checklistAction = formAction(
  "review.conduct",
  checklistSchema.extend({ reviewId: z.coerce.number().int().positive() }),
  async (actor, input) => {
    await setChecklistItem(actor, input.itemId, input.done);
    refresh(input.reviewId);
    return { status: "ok" };
  },
);
export const addFindingAction = formAction(
  "review.conduct",
  findingSchema,
  async (actor, input) => {
    await addFinding(actor, input);
    refresh(input.reviewId);
    return { status: "ok", message: "Finding recorded." };
  },
);
export const findingStatusAction = formAction(
  "review.conduct",
  findingStatusSchema,
  (actor, input) =>
    withFieldErrors(async () => {
      await setFindingStatus(actor, input);
      refresh(input.reviewId);
      return { status: "ok", message: "Finding updated." };
    }),
);
export const completeReviewAction = formAction(
  "review.conduct",
  completeReviewSchema,
  async (actor, input) => {
    await completeReview(actor, input);
    refresh(input.reviewId);
    return { status: "ok", message: "Review completed." };
  },
);
export const rateGuardianAction = formAction(
  "feedback.give",
  ratingSchema,
  async (actor, input) => {
    await rateGuardian(actor, input);
    if (input.reviewId) refresh(input.reviewId);
    return { status: "ok", message: "Rating saved." };
  },
);
