// Specialised training events (docs/events.md).
import { EventKind } from "@/lib/generated/prisma/enums";
import { defineVocabulary } from "./define";

export const EVENT_KIND = defineVocabulary(EventKind, {
  WORKSHOP: "Workshop",
  GAME_DAY: "Game day",
  CHALLENGE: "Challenge",
  CONTEST: "Contest",
});
