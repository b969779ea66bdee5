import type { Metadata } from "next";
import { AdminHome } from "@/components/home/admin-home";
import { BuilderHome } from "@/components/home/builder-home";
import { EngineerHome } from "@/components/home/engineer-home";
import { GuardianHome } from "@/components/home/guardian-home";
import { LeadHome } from "@/components/home/lead-home";
import { ManagerHome } from "@/components/home/manager-home";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { requireActor } from "@/lib/auth/guards";
import { primaryRole } from "@/lib/auth/permissions";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Home" };

const HOMES = {
  ADMIN: {
    title: "Administration",
    description: "The health of the Guardians app and its data.",
    View: AdminHome,
  },
  LEAD: {
    title: "Program lead home",
    description: "What needs your decision in the program.",
    View: LeadHome,
  },
  SECURITY_ENGINEER: {
    title: "Security engineer home",
    description: "Your review queue and threat models waiting for AppSec.",
    View: EngineerHome,
  },
  MANAGER: {
    title: "Your organisation's guardians",
    description: "How your organisation takes part in the program.",
    View: ManagerHome,
  },
  GUARDIAN: {
    title: "Guardian home",
    description: "Your security work this month and your standing.",
    View: GuardianHome,
  },
  BUILDER: {
    title: "Your security work",
    description: "Security hours you log count toward the program's figures.",
    View: BuilderHome,
  },
} as const;

export default async function HomePage() {
  const actor = await requireActor();
  const role = primaryRole(actor.roles);
  if (!role) {
    return (
      <EmptyState title="Your account has no role yet">
        Ask your program lead to give you a role.
      </EmptyState>
    );
  }
  const { title, description, View } = HOMES[role];
  return (
    <>
      <PageHeader title={title} description={description} />
      <StreamedPart
        what="Your home"
        fallback={
          <ListPageSkeleton
            label="Loading your home…"
            title={false}
            stats={3}
            filters={0}
            rows={6}
          />
        }
      >
        <View actor={actor} />
      </StreamedPart>
    </>
  );
}
