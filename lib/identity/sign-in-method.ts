// How a person can sign in, as the people list and the person page show it (and filter by it).
// Computed on the server by lib/server/identity/sign-in-methods.ts.
export const SIGN_IN_METHODS = ["sso", "password", "invited", "none"] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const SIGN_IN_METHOD_LABELS: Record<SignInMethod, string> = {
  sso: "SSO",
  password: "Password",
  invited: "Invited",
  none: "Not at all",
};

export const SIGN_IN_METHOD_OPTIONS = SIGN_IN_METHODS.map((value) => ({
  value,
  label: SIGN_IN_METHOD_LABELS[value],
}));
