// The fast track's words (docs/fast-track.md).
import { SpotCheckOutcome } from "@/lib/generated/prisma/enums";
import { defineVocabulary } from "./define";

export const SPOT_CHECK_OUTCOME = defineVocabulary(SpotCheckOutcome, {
  PASSED: "Passed",
  FAILED: "Failed",
});
