// Why a single sign-on was refused, and what the person reads on the refusal page
// (app/(auth)/sign-in/refused). Plain module: the page, the service and tests share it.
export const SSO_REFUSALS = {
  unknown: {
    title: "You are not in Guardians yet",
    body: "Your sign-in worked, but no one in the program has this email address. Ask your program lead to add you, then sign in again.",
  },
  deactivated: {
    title: "Your account is deactivated",
    body: "Your account in Guardians has been deactivated, so you cannot sign in. If this is a mistake, ask your program lead to reactivate it.",
  },
  unverified: {
    title: "Your email address is not verified",
    body: "Your identity provider did not confirm that your email address is verified, so Guardians cannot tell who you are. Verify it with your provider, or ask your administrator.",
  },
  "no-email": {
    title: "No email address from your provider",
    body: "Your identity provider did not send an email address, so Guardians cannot tell who you are. Ask your administrator to include the email claim.",
  },
  "email-taken": {
    title: "Your new email address belongs to someone else",
    body: "Your email address changed at your identity provider, but another person in Guardians already has the new address. Nothing was changed. Ask your program lead to sort out the two accounts.",
  },
  "linked-elsewhere": {
    title: "This email is linked to another sign-in",
    body: "The person with this email address already signs in with a different account of your identity provider. Nothing was changed. Ask your program lead for help.",
  },
  invalid: {
    title: "Sign-in could not be completed",
    body: "Your identity provider's answer was incomplete. Please try again; if it keeps happening, tell your administrator.",
  },
  unavailable: {
    title: "Sign-in is unavailable right now",
    body: "Guardians could not complete your sign-in. Please try again in a minute.",
  },
} as const;

export type SsoRefusal = keyof typeof SSO_REFUSALS;

/** The page text for a reason from the URL; anything unknown reads as a generic failure. */
export function ssoRefusal(reason: unknown): (typeof SSO_REFUSALS)[SsoRefusal] {
  return typeof reason === "string" && Object.hasOwn(SSO_REFUSALS, reason)
    ? SSO_REFUSALS[reason as SsoRefusal]
    : SSO_REFUSALS.invalid;
}
