import type { Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; permission: Permission | null; icon: NavIcon };
export type NavIcon = "home" | "program" | "users" | "clock";

// The left navigation; each entry shows only to people holding its permission.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Home", permission: null, icon: "home" },
  { href: "/log", label: "Log hours", permission: "activity.log", icon: "clock" },
  { href: "/program", label: "Program", permission: "program.read", icon: "program" },
];
