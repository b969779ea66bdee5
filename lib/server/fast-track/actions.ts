"use server";

import { revalidatePath } from "next/cache";
import { SPOT_CHECK_OUTCOME } from "@/lib/vocabulary";
import {
  fastTrackPolicySchema,
  fastTrackReviewSchema,
  liftSuspensionSchema,
  spotCheckSchema,
} from "@/lib/validations/fast-track";
import { formAction } from "@/lib/server/form-action";
import { saveFastTrackPolicy } from "./policies";
import { fastTrackReview, liftFastTrackSuspension, spotCheckFastTrack } from "./service";

export const saveFastTrackPolicyAction = formAction(
  { name: "saveFastTrackPolicy", permission: "fasttrack.manage", schema: fastTrackPolicySchema },
  async (actor, input) => {
    const { created } = await saveFastTrackPolicy(actor, input);
    revalidatePath("/fast-track");
    return { status: "ok", message: created ? "Fast-track policy saved." : "Policy updated." };
  },
);

export const fastTrackReviewAction = formAction(
  { name: "fastTrackReview", permission: "review.fasttrack", schema: fastTrackReviewSchema },
  async (actor, input) => {
    const { fastTrack } = await fastTrackReview(actor, input);
    revalidatePath(`/reviews/${input.reviewId}`);
    return {
      status: "ok",
      message: fastTrack.sampled
        ? "Review approved through the fast track. It was drawn for a spot check."
        : "Review approved through the fast track.",
    };
  },
);

export const spotCheckAction = formAction(
  { name: "spotCheck", permission: "fasttrack.spotcheck", schema: spotCheckSchema },
  async (actor, input) => {
    await spotCheckFastTrack(actor, input);
    revalidatePath(`/reviews/${input.reviewId}`);
    revalidatePath("/fast-track/spot-checks");
    const outcome = SPOT_CHECK_OUTCOME.label(input.outcome).toLowerCase();
    return {
      status: "ok",
      message:
        input.outcome === "PASSED"
          ? `Spot check ${outcome}.`
          : `Spot check ${outcome}: the review is back in the queue${input.suspend ? " and the guardian's fast track is suspended" : ""}.`,
    };
  },
);

export const liftSuspensionAction = formAction(
  { name: "liftSuspension", permission: "fasttrack.manage", schema: liftSuspensionSchema },
  async (actor, input) => {
    await liftFastTrackSuspension(actor, input.suspensionId);
    revalidatePath("/fast-track");
    return { status: "ok", message: "Suspension lifted." };
  },
);
