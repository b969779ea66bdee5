// Single sign-on in the demo: the groups the local test provider gives the demo people
// (`npm run sso:dev`, tests/support/oidc-provider-main.ts) and the mappings the demo admin made
// from those groups to roles (README, "Single sign-on").
import type { Role } from "@/lib/generated/prisma/enums";
import { DEMO_ACCOUNTS } from "./demo-accounts";

export const DEMO_GROUP_ROLES: { group: string; role: Role }[] = [
  { group: "guardians-admins", role: "ADMIN" },
  { group: "guardians-leads", role: "LEAD" },
  { group: "appsec", role: "SECURITY_ENGINEER" },
  { group: "security-guardians", role: "GUARDIAN" },
  { group: "engineering-managers", role: "MANAGER" },
  { group: "engineering", role: "BUILDER" },
];

const GROUPS: Record<keyof typeof DEMO_ACCOUNTS, string[]> = {
  admin: ["guardians-admins"],
  lead: ["guardians-leads"],
  engineer: ["appsec"],
  guardian: ["security-guardians", "engineering"],
  manager: ["engineering-managers"],
  builder: ["engineering"],
  leader2: ["engineering-managers"],
};

/** The demo people as the test provider knows them (subject = `demo-<key>`). */
export function demoSsoAccounts() {
  return Object.entries(DEMO_ACCOUNTS).map(([key, a]) => ({
    sub: `demo-${key}`,
    email: a.email,
    email_verified: true,
    name: a.name,
    groups: GROUPS[key as keyof typeof DEMO_ACCOUNTS],
  }));
}
