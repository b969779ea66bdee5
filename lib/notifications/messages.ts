// What each event's notification says: a title that tells the whole story in the bell and an
// email subject, and a short body. Plain functions of names, so every wording is tested once.
import type { Belt, ReviewOutcome } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/format";
import { BELT, REVIEW_OUTCOME } from "@/lib/vocabulary";
import { possessive } from "@/lib/possessive";

type Message = { title: string; body: string };

const MAX_BODY = 200;

/** Free text (a reason, a comment) cut to one short paragraph on a word boundary. */
export function excerpt(text: string | null | undefined, max = MAX_BODY): string {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const said = (who: string, text: string | null | undefined, otherwise: string) =>
  text?.trim() ? `${who}: ${excerpt(text, MAX_BODY - who.length - 2)}` : otherwise;

export const nominationSubmitted = (m: {
  nominator: string;
  nominee: string;
  team: string;
  reason: string;
}): Message => ({
  title: `${m.nominator} nominated ${m.nominee} as guardian of ${m.team}`,
  body: excerpt(m.reason),
});

export function nominationDecided(m: {
  nominee: string;
  team: string;
  approved: boolean;
  decider: string;
  note: string | null;
  /** The nominee reads about themself; the nominator about the nominee. */
  toNominee: boolean;
}): Message {
  const verdict = m.approved ? "approved" : "declined";
  const title = m.toNominee
    ? m.approved
      ? `You are now a guardian of ${m.team}`
      : `Your nomination as guardian of ${m.team} was declined`
    : `${possessive(m.nominee)} nomination as guardian of ${m.team} was ${verdict}`;
  return { title, body: said(m.decider, m.note, `${m.decider} ${verdict} it.`) };
}

type ReviewNames = { key: string; service: string; team: string };

export const reviewRequested = (m: ReviewNames & { requester: string }): Message => ({
  title: `${m.requester} requested a security review of ${m.service} (${m.team})`,
  body: `${m.key} is waiting for a security engineer.`,
});

export const reviewAssigned = (m: ReviewNames & { assigner: string }): Message => ({
  title: `You are assigned the security review of ${m.service} (${m.team})`,
  body: `${m.key}, assigned by ${m.assigner}.`,
});

export const reviewCompleted = (
  m: ReviewNames & { engineer: string; outcome: ReviewOutcome },
): Message => ({
  title: `The security review of ${m.service} is complete: ${REVIEW_OUTCOME.label(m.outcome)}`,
  body: `${m.key} (${m.team}), completed by ${m.engineer}.`,
});

export const guardianRated = (m: {
  rater: string;
  rating: number;
  /** "the security review of Checkout" or "the threat model of Ledger". */
  work: string;
  comment: string | null;
  changed: boolean;
}): Message => ({
  title: `${m.rater} ${m.changed ? "changed the rating of" : "rated"} your input to ${m.work}: ${m.rating}/5`,
  body: excerpt(m.comment),
});

type ModelNames = { key: string; system: string; team: string };

export const threatModelSubmitted = (m: ModelNames & { submitter: string }): Message => ({
  title: `${m.submitter} submitted the threat model of ${m.system} (${m.team}) for review`,
  body: `${m.key} is waiting for approval.`,
});

export const threatModelSentBack = (
  m: ModelNames & { reviewer: string; comment: string | null },
): Message => ({
  title: `The threat model of ${m.system} (${m.team}) was sent back`,
  body: said(m.reviewer, m.comment, `${m.reviewer} sent ${m.key} back to draft.`),
});

export const threatModelApproved = (
  m: ModelNames & { reviewer: string; comment: string | null },
): Message => ({
  title: `The threat model of ${m.system} (${m.team}) was approved`,
  body: said(m.reviewer, m.comment, `${m.key}, approved by ${m.reviewer}.`),
});

export const beltAwarded = (m: { belt: Belt }): Message => ({
  title: `You earned the ${BELT.label(m.belt)} belt`,
  body: "You meet its rule in the program's belt criteria. Well done.",
});

/** The channel's post: the whole organisation reads it. */
export const beltAwardedPost = (m: { belt: Belt; guardian: string }): Message => ({
  title: `${m.guardian} earned the ${BELT.label(m.belt)} belt`,
  body: `Congratulations to ${m.guardian}, security guardian.`,
});

export const beltRevoked = (m: { belt: Belt; revoker: string; reason: string }): Message => ({
  title: `Your ${BELT.label(m.belt)} belt was revoked`,
  body: said(m.revoker, m.reason, `Revoked by ${m.revoker}.`),
});

export const beltRenewed = (m: { belt: Belt; expiresOn: Date | null }): Message => ({
  title: `Your ${BELT.label(m.belt)} belt was renewed`,
  body: m.expiresOn
    ? `You meet its renewal conditions; it now expires on ${formatDate(m.expiresOn)}.`
    : "You meet its renewal conditions; it no longer expires.",
});

export const beltExpiring = (m: { belt: Belt; expiresOn: Date }): Message => ({
  title: `Your ${BELT.label(m.belt)} belt expires on ${formatDate(m.expiresOn)}`,
  body: "Meet its renewal conditions before then to keep it; your profile shows what is left to do.",
});

export const newsletterPublished = (m: { org: string; quarter: string }): Message => ({
  title: `The ${m.org} security newsletter for ${m.quarter} is out`,
  body: "The guardians' quarter: hours, reviews, threat models, belts and the people behind them.",
});
