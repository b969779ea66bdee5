import type { Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; permission: Permission | null; icon: NavIcon };
export type NavIcon =
  | "home"
  | "program"
  | "users"
  | "clock"
  | "userPlus"
  | "history"
  | "chart"
  | "training"
  | "belt"
  | "star"
  | "mail"
  | "shield"
  | "upload"
  | "rocket"
  | "message"
  | "layers"
  | "key";

// The left navigation; each entry shows only to people holding its permission.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Home", permission: null, icon: "home" },
  { href: "/dashboard", label: "Dashboard", permission: "dashboard.read", icon: "chart" },
  { href: "/log", label: "Log hours", permission: "activity.log", icon: "clock" },
  { href: "/reviews", label: "Reviews", permission: "review.read", icon: "shield" },
  {
    href: "/threat-models",
    label: "Threat models",
    permission: "threatmodel.read",
    icon: "layers",
  },
  { href: "/releases", label: "Releases", permission: "review.read", icon: "rocket" },
  { href: "/feedback", label: "Feedback", permission: "feedback.read", icon: "message" },
  { href: "/directory", label: "Directory", permission: "directory.read", icon: "users" },
  { href: "/nominations", label: "Nominations", permission: "guardian.nominate", icon: "userPlus" },
  { href: "/training", label: "Training", permission: "program.read", icon: "training" },
  { href: "/belts", label: "Belts", permission: "belt.manage", icon: "belt" },
  { href: "/fast-track", label: "Fast track", permission: "fasttrack.manage", icon: "rocket" },
  {
    href: "/fast-track/spot-checks",
    label: "Spot checks",
    permission: "fasttrack.spotcheck",
    icon: "shield",
  },
  { href: "/recognition", label: "Recognition", permission: "program.read", icon: "star" },
  { href: "/surveys", label: "Surveys", permission: "survey.answer", icon: "message" },
  { href: "/events", label: "Events", permission: "event.attend", icon: "training" },
  { href: "/newsletters", label: "Newsletters", permission: "newsletter.read", icon: "mail" },
  { href: "/program", label: "Program", permission: "program.read", icon: "program" },
  { href: "/import", label: "Import / export", permission: "import.run", icon: "upload" },
  { href: "/admin/audit", label: "Audit log", permission: "audit.read", icon: "history" },
  { href: "/admin/sso", label: "Single sign-on", permission: "identity.manage", icon: "key" },
  { href: "/admin/jobs", label: "Background jobs", permission: "jobs.manage", icon: "layers" },
];
