// The fast track's part of the two-organisation world (action-harness.ts): a policy for team A
// (White belt, which guardian A holds; every fast track drawn), a review of team A guardian A
// fast-tracked and waiting for its spot check, and guardian B's fast track suspended.
import { db } from "@/lib/db/client";

type Org = { team: { id: number }; guardian: { id: number } };

export async function fastTrackWorld(A: Org, B: Org, securityEngineerId: number) {
  const policy = await db.fastTrackPolicy.create({
    data: {
      teamId: A.team.id,
      minBelt: "WHITE",
      spotCheckPercent: 100,
      checklist: ["No new external endpoint"],
      seed: "matrix",
    },
  });
  const now = new Date();
  const review = await db.review.create({
    data: {
      key: "REV-A-4",
      teamId: A.team.id,
      service: "Banner",
      requestedAt: new Date(now.getTime() - 86_400_000),
      startedAt: now,
      completedAt: now,
      outcome: "APPROVED",
      participants: { create: [{ userId: A.guardian.id }] },
    },
  });
  const fastTrack = await db.fastTrack.create({
    data: {
      reviewId: review.id,
      guardianId: A.guardian.id,
      policyId: policy.id,
      approvedAt: now,
      answers: [{ question: "No new external endpoint", lowRisk: true }],
      seed: "matrix",
      spotCheckPercent: 100,
      sampled: true,
    },
  });
  const suspension = await db.fastTrackSuspension.create({
    data: {
      guardianId: B.guardian.id,
      reason: "Failed spot check",
      suspendedById: securityEngineerId,
    },
  });
  return { policy, review, fastTrack, suspension };
}
