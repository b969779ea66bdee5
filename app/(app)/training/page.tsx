import type { Metadata } from "next";
import { CompletionForm } from "@/components/training/completion-form";
import { CourseForm } from "@/components/training/course-form";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { formatHours } from "@/lib/hours";
import Link from "next/link";
import { completionByOrg, completionByTeam, listCourses, ownCompletions } from "@/lib/server/training/queries";

export const metadata: Metadata = { title: "Training" };

export default async function TrainingPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const actor = await requirePermission("program.read");
  const learner = can(actor, "training.complete");
  const manager = can(actor, "training.manage");
  const [courses, mine, byOrg] = await Promise.all([listCourses(), learner ? ownCompletions(actor.id) : [], can(actor, "dashboard.read") ? completionByOrg(actor) : []]);
  const orgId = Number((await searchParams).org);
  const byTeam = Number.isInteger(orgId) && orgId > 0 && can(actor, "dashboard.read") ? await completionByTeam(actor, orgId) : [];
  const done = new Map(mine.map((c) => [c.courseId, c]));
  const requiredLeft = courses.filter((c) => c.required && !done.has(c.id));
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title="Training" description="The guardian training catalogue. Required courses count toward the Green belt." />
      {learner ? (
        <Card className="mb-4">
          <CardTitle>Your training</CardTitle>
          <p className="mt-1 text-sm" data-testid="required-left">
            {requiredLeft.length === 0 ? "You have completed every required course." : `${requiredLeft.length} required course${requiredLeft.length === 1 ? "" : "s"} left: ${requiredLeft.map((c) => c.title).join(", ")}.`}
          </p>
          <div className="mt-3"><CompletionForm courses={courses.filter((c) => !done.has(c.id) || manager).map((c) => ({ value: String(c.id), label: c.title }))} forOthers={manager} today={today} /></div>
        </Card>
      ) : null}
      <Card>
        <CardTitle>Catalogue</CardTitle>
        {courses.length === 0 ? <div className="mt-3"><EmptyState title="No courses yet" /></div> : (
          <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800">
            {courses.map((c) => (
              <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p className="font-medium">{c.link ? <a href={c.link} className="text-brand-600 hover:underline dark:text-brand-100" rel="noreferrer" target="_blank">{c.title}</a> : c.title}
                    {c.required ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">required</span> : <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">optional</span>}</p>
                  {c.description ? <p className="text-sm text-slate-600 dark:text-slate-400">{c.description}</p> : null}
                </div>
                <p className="text-right text-sm text-slate-600 dark:text-slate-400">
                  {formatHours(c.quarterHours)} · {c._count.completions} completed
                  {done.has(c.id) ? <><br /><span className="text-green-700 dark:text-green-400">You completed it on {formatDate(done.get(c.id)!.completedOn)}</span></> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {byOrg.length ? (
        <Card className="mt-4">
          <CardTitle>Required training by organisation (active guardians)</CardTitle>
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">Active guardians who completed every required course, per organisation</caption>
            <thead className="text-left text-xs text-slate-600 dark:text-slate-400"><tr><th scope="col" className="py-1">Organisation</th><th scope="col" className="text-right">Guardians</th><th scope="col" className="text-right">All required done</th></tr></thead>
            <tbody>{byOrg.map((r) => <tr key={r.orgId} className="border-t border-slate-100 dark:border-slate-800"><td className="py-1.5"><Link href={`/training?org=${r.orgId}`} className="text-brand-600 hover:underline dark:text-brand-100">{r.name}</Link></td><td className="text-right tabular-nums">{r.guardians}</td><td className="text-right tabular-nums">{r.complete} ({Math.round((r.complete / r.guardians) * 100)}%)</td></tr>)}</tbody>
          </table>
        </Card>
      ) : null}
      {byTeam.length ? (
        <Card className="mt-4">
          <CardTitle>By team in {byOrg.find((o) => o.orgId === orgId)?.name ?? "the organisation"}</CardTitle>
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">Active guardians who completed every required course, per team</caption>
            <thead className="text-left text-xs text-slate-600 dark:text-slate-400"><tr><th scope="col" className="py-1">Team</th><th scope="col" className="text-right">Guardians</th><th scope="col" className="text-right">All required done</th></tr></thead>
            <tbody>{byTeam.map((r) => <tr key={r.teamId} className="border-t border-slate-100 dark:border-slate-800"><td className="py-1.5">{r.name}</td><td className="text-right tabular-nums">{r.guardians}</td><td className="text-right tabular-nums">{r.complete} ({Math.round((r.complete / r.guardians) * 100)}%)</td></tr>)}</tbody>
          </table>
        </Card>
      ) : null}
      {manager ? <Card className="mt-4"><CardTitle>Add a course</CardTitle><div className="mt-3"><CourseForm /></div></Card> : null}
    </>
  );
}
