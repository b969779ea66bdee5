// Who takes part: roles, teams' candidate profiles, guardian memberships, belts, recognition.
import {
  Belt,
  GuardianStatus,
  RecognitionKind,
  Role,
  SignInLinkKind,
  TeamProfile,
} from "@/lib/generated/prisma/enums";
import { defineVocabulary } from "./define";

export const ROLE = defineVocabulary(Role, {
  ADMIN: "Admin",
  LEAD: "Program lead",
  SECURITY_ENGINEER: "Security engineer",
  GUARDIAN: "Guardian",
  MANAGER: "Manager",
  BUILDER: "Builder",
});

/** The emailed links that set a password (lib/identity/link-token.ts). */
export const SIGN_IN_LINK_KIND = defineVocabulary(SignInLinkKind, {
  INVITATION: "Invitation",
  RESET: "Password reset",
});

export const TEAM_PROFILE = defineVocabulary(TeamProfile, {
  QUICK_WINS: "Quick wins",
  HIGH_IMPACT: "High impact",
  HIGH_RISK: "High risk",
  NONE: "None",
});

/** What each candidate profile means, for the team form where a lead picks one. */
export const TEAM_PROFILE_HINTS: Readonly<Record<TeamProfile, string>> = {
  QUICK_WINS: "already prioritises security",
  HIGH_IMPACT: "slowed most by security reviews",
  HIGH_RISK: "handles the most sensitive systems",
  NONE: "",
};

export const GUARDIAN_STATUS = defineVocabulary(GuardianStatus, {
  NOMINATED: "Nominated",
  ACTIVE: "Active",
  ALUMNI: "Alumni",
  DECLINED: "Declined",
});

/** White → Yellow → Green → Black: the schema's order is the order they are earned in. */
export const BELT = defineVocabulary(Belt, {
  WHITE: "White",
  YELLOW: "Yellow",
  GREEN: "Green",
  BLACK: "Black",
});

export const RECOGNITION_KIND = defineVocabulary(RecognitionKind, {
  AWARD: "Award",
  KUDOS: "Kudos",
});
