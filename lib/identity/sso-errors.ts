// Auth.js sends sign-in failures to `/sign-in?error=<code>` (pages.error). What each code means
// to the person signing in; the codes are Auth.js's own (next-auth 4, core/routes).
const MESSAGES: Record<string, string> = {
  // The provider could not be reached or refused to start (discovery failed, bad client).
  OAuthSignin:
    "Single sign-on is unavailable right now: the identity provider could not be reached. Try again in a minute, or sign in with your password if you have one.",
  // The answer that came back did not check out: state or nonce mismatch, a replayed or
  // tampered callback, an expired code, a rejected token.
  OAuthCallback:
    "Single sign-on could not be completed: the answer from the identity provider did not check out (it may have been reused, tampered with or timed out). Nothing was changed. Please start again.",
  Callback:
    "Single sign-on could not be completed. Nothing was changed. Please start again in a minute.",
  OAuthCreateAccount: "Single sign-on could not be completed. Please start again.",
  OAuthAccountNotLinked: "Single sign-on could not be completed. Please start again.",
  AccessDenied: "Access was refused. Ask your program lead if you think you should have access.",
  Configuration:
    "Sign-in is not configured correctly on this server. Tell your administrator; nothing was changed.",
  configuration:
    "Sign-in is not configured correctly on this server. Tell your administrator; nothing was changed.",
  SessionRequired: "Please sign in to continue.",
  CredentialsSignin: "Email or password is incorrect.",
};

const DEFAULT = "Sign-in could not be completed. Please try again.";

/** The message for an `error` query parameter; null when there is none. */
export function signInErrorMessage(code: unknown): string | null {
  if (typeof code !== "string" || code === "") return null;
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : DEFAULT;
}
