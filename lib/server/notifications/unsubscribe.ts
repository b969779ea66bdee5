import "server-only";
import { db } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { KIND_ORDER, NOTIFICATION_KINDS, emailChoice } from "@/lib/notifications/kinds";
import { verifyUnsubscribe, type UnsubscribeScope } from "@/lib/notifications/unsubscribe-token";
import { DomainError } from "@/lib/server/errors";
import { ownChoices, setChoices, type Choices } from "./preferences";
import { unsubscribeSecret } from "./email";

// One-click unsubscribe (RFC 8058) from an emailed link, without signing in: the token's HMAC
// is the authority (lib/notifications/unsubscribe-token.ts). A kind's link turns that kind's
// emails off; the daily digest's link turns off every kind the person gets in the digest.

type UnsubscribeStatus =
  | { state: "invalid" }
  | {
      state: "valid";
      name: string;
      /** What the link is for: one kind, or the daily digest. */
      scope: UnsubscribeScope;
      /** What the link would turn off now (empty: already off). */
      kinds: NotificationKind[];
    };

/** The kinds a scope turns off, given the person's choices: those still emailed that way. */
function kindsToTurnOff(scope: UnsubscribeScope, own: Choices): NotificationKind[] {
  if ("kind" in scope) return emailChoice(scope.kind, own) === "OFF" ? [] : [scope.kind];
  return KIND_ORDER.filter((k) => emailChoice(k, own) === "DIGEST");
}

const invalidLink = () => new DomainError("This unsubscribe link is not valid.", "not_found");

/** What the link would do, for the page shown before the person confirms (changes nothing). */
export async function unsubscribeStatus(token: string): Promise<UnsubscribeStatus> {
  const parsed = verifyUnsubscribe(unsubscribeSecret(), token);
  if (!parsed) return { state: "invalid" };
  const person = await db.user.findUnique({
    where: { id: parsed.userId },
    select: { name: true },
  });
  if (!person) return { state: "invalid" };
  const kinds = kindsToTurnOff(parsed.scope, await ownChoices(parsed.userId));
  return { state: "valid", name: person.name, scope: parsed.scope, kinds };
}

/**
 * Turns off what the link is for; doing it again changes nothing. A token that is not ours (or
 * names nobody) is not found and changes nothing. Answers the kinds turned off now.
 */
export async function unsubscribeWithToken(token: string): Promise<NotificationKind[]> {
  const parsed = verifyUnsubscribe(unsubscribeSecret(), token);
  if (!parsed) throw invalidLink();
  return db.$transaction(async (tx) => {
    const person = await tx.user.findUnique({ where: { id: parsed.userId }, select: { id: true } });
    if (!person) throw invalidLink();
    const kinds = kindsToTurnOff(parsed.scope, await ownChoices(person.id, tx));
    const off = Object.fromEntries(kinds.map((k) => [k, "OFF" as const]));
    return setChoices(tx, person.id, person.id, off, "unsubscribe by email link");
  });
}

/** "Kudos or award received" emails, "the daily digest": what a scope stops, in a sentence. */
export function scopeLabel(scope: UnsubscribeScope): string {
  return "kind" in scope ? `“${NOTIFICATION_KINDS[scope.kind].label}” emails` : "the daily digest";
}
