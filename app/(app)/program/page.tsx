import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getProgram } from "@/lib/server/program/queries";
import { ProgramGoals } from "@/components/program/program-goals";
import { StreamedPart } from "@/components/ui/streamed-part";

export const metadata: Metadata = { title: "Program" };

export default async function ProgramPage() {
  const actor = await requirePermission("program.read");
  const program = await getProgram();
  const editable = can(actor, "program.manage");
  return (
    <>
      <PageHeader
        title={program?.name ?? "Program"}
        description="Why the program exists and what it aims for."
        actions={
          editable ? (
            <>
              <Link href="/program/runbook" className={buttonClass("secondary")}>
                Review runbook
              </Link>
              <Link href="/program/channels" className={buttonClass("secondary")}>
                Slack and Teams
              </Link>
              <Link href="/program/edit" className={buttonClass("secondary")}>
                Edit program
              </Link>
            </>
          ) : null
        }
      />
      {!program ? (
        <EmptyState
          title="The program has not been described yet"
          action={
            editable ? { href: "/program/edit", label: "Write the vision and mission" } : undefined
          }
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardTitle>Vision</CardTitle>
            <p className="mt-2 text-sm leading-relaxed">{program.vision}</p>
          </Card>
          <Card>
            <CardTitle>Mission</CardTitle>
            <p className="mt-2 text-sm leading-relaxed">{program.mission}</p>
          </Card>
          <Card className="lg:col-span-2">
            <CardTitle>Measurable goals</CardTitle>
            <div className="mt-3">
              <StreamedPart
                what="The goals"
                fallback={
                  <LoadingRegion label="Loading the goals…">
                    <Skeleton className="h-5" />
                    <Skeleton className="h-5" />
                    <Skeleton className="h-5" />
                  </LoadingRegion>
                }
              >
                <ProgramGoals editable={editable} />
              </StreamedPart>
            </div>
          </Card>
        </div>
      )}
    </>
  );
}
