import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { humanize } from "@/lib/format";
import { getProgram } from "@/lib/server/program/queries";

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
        actions={editable ? <Link href="/program/edit" className={buttonClass("secondary")}>Edit program</Link> : null}
      />
      {!program ? (
        <EmptyState title="The program has not been described yet" action={editable ? { href: "/program/edit", label: "Write the vision and mission" } : undefined} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card><CardTitle>Vision</CardTitle><p className="mt-2 text-sm leading-relaxed">{program.vision}</p></Card>
          <Card><CardTitle>Mission</CardTitle><p className="mt-2 text-sm leading-relaxed">{program.mission}</p></Card>
          <Card className="lg:col-span-2">
            <CardTitle>Measurable goals</CardTitle>
            {program.goals.length === 0 ? (
              <div className="mt-3"><EmptyState title="No goals yet" /></div>
            ) : (
              <table className="mt-2 w-full text-sm">
                <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
                  <tr><th scope="col" className="py-1">Goal</th><th scope="col">Metric</th><th scope="col" className="text-right">Target</th><th scope="col" className="text-right">Per</th></tr>
                </thead>
                <tbody>
                  {program.goals.map((g) => (
                    <tr key={g.id} className="border-t border-slate-100 dark:border-slate-800">
                      <td className="py-1.5">{g.title}</td>
                      <td>{humanize(g.metric)}</td>
                      <td className="text-right tabular-nums">{String(g.target)}</td>
                      <td className="text-right">{g.period.toLowerCase()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
