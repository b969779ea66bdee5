"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import {
  Award,
  ChartLine,
  Layers,
  Mail,
  MessageSquare,
  Rocket,
  ShieldCheck,
  Star,
  Upload,
  Clock,
  GraduationCap,
  History,
  Home,
  KeyRound,
  Target,
  UserPlus,
  Users,
  type LucideIcon,
} from "lucide-react";
import type { NavIcon } from "@/lib/navigation";
import { cn } from "@/components/ui/cn";

const ICONS: Record<NavIcon, LucideIcon> = {
  home: Home,
  program: Target,
  users: Users,
  clock: Clock,
  userPlus: UserPlus,
  history: History,
  chart: ChartLine,
  training: GraduationCap,
  belt: Award,
  star: Star,
  mail: Mail,
  shield: ShieldCheck,
  upload: Upload,
  rocket: Rocket,
  message: MessageSquare,
  layers: Layers,
  key: KeyRound,
};

export function NavLinks({
  items,
  onNavigate,
}: {
  items: { href: string; label: string; icon: NavIcon }[];
  /** Called when a link is followed (the mobile drawer closes then). */
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-1">
      {items.map((item) => {
        const active =
          item.href === "/"
            ? pathname === "/"
            : pathname === item.href || pathname.startsWith(`${item.href}/`);
        const Icon = ICONS[item.icon];
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              className={cn(
                "flex items-center gap-2 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium",
                active
                  ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
              )}
            >
              <Icon aria-hidden className="h-4 w-4" />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
