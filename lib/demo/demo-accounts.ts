// The demo accounts every scale of demo data contains (README lists them).
export const DEMO_PASSWORD = "guardians-demo";

export const DEMO_ACCOUNTS = {
  admin: { email: "admin@guardians.test", name: "Ada Admin", roles: ["ADMIN"] },
  lead: { email: "lead@guardians.test", name: "Lena Lead", roles: ["LEAD"] },
  engineer: { email: "appsec@guardians.test", name: "Sam AppSec", roles: ["SECURITY_ENGINEER"] },
  guardian: {
    email: "guardian@guardians.test",
    name: "Gina Guardian",
    roles: ["GUARDIAN", "BUILDER"],
  },
  manager: { email: "manager@guardians.test", name: "Mark Manager", roles: ["MANAGER"] },
  builder: { email: "builder@guardians.test", name: "Bea Builder", roles: ["BUILDER"] },
  leader2: { email: "leader2@guardians.test", name: "Lou Leader", roles: ["MANAGER"] },
} as const;

/** The managers whose organisations get last quarter's newsletter with the demo (lib/demo/newsletters.ts). */
export const DEMO_NEWSLETTER_LEADERS = ["manager", "leader2"] as const;
