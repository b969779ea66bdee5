import type { Role } from "@/lib/generated/prisma/enums";

const LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  LEAD: "Program lead",
  SECURITY_ENGINEER: "Security engineer",
  GUARDIAN: "Guardian",
  MANAGER: "Manager",
  BUILDER: "Builder",
};

export const roleLabel = (role: Role) => LABELS[role];
