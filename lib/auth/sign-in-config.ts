// Which ways of signing in this deployment offers, from the environment (README, "Signing in").
// Password sign-in is on unless PASSWORD_SIGN_IN=false; single sign-on is on when OIDC_ISSUER
// is set. Invitations and password resets set passwords, so they follow password sign-in.
export type SignInConfig = {
  /** Email and password (and with it invitations and password reset by email). */
  passwordSignIn: boolean;
  /** The OpenID Connect provider's button label, or null when SSO is not configured. */
  ssoName: string | null;
};

export function signInConfig(env: Record<string, string | undefined> = process.env): SignInConfig {
  const sso = Boolean(env.OIDC_ISSUER?.trim());
  return {
    // Switching passwords off without SSO would lock everyone out: then it stays on.
    passwordSignIn: !sso || env.PASSWORD_SIGN_IN?.trim().toLowerCase() !== "false",
    ssoName: sso ? env.OIDC_NAME?.trim() || "single sign-on" : null,
  };
}
