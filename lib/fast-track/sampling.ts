// Which fast-tracked reviews a security engineer spot-checks (docs/fast-track.md). The draw is a
// hash of the policy's seed and the review's id, so it is random across reviews, yet anyone can
// recompute it: the same seed and review id always give the same answer. Pure: no database.
import { createHash, randomBytes } from "node:crypto";

/** A number in [0, 1) drawn from the seed and the review id (the first 48 bits of SHA-256). */
export function spotCheckDraw(seed: string, reviewId: number): number {
  const digest = createHash("sha256").update(`${seed}:${reviewId}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** Whether the review is drawn for a spot check under a share of `percent` (0–100). */
export function isDrawnForSpotCheck(seed: string, reviewId: number, percent: number): boolean {
  return spotCheckDraw(seed, reviewId) < percent / 100;
}

/** A new policy's seed: 16 random bytes as hex. */
export function newSpotCheckSeed(): string {
  return randomBytes(16).toString("hex");
}
