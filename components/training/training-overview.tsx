import { Catalogue } from "@/components/training/catalogue";
import { CompletionForm } from "@/components/training/completion-form";
import { CompletionTable } from "@/components/training/completion-table";
import { CourseForm } from "@/components/training/course-form";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import {
  completionByOrg,
  completionByTeam,
  listCourses,
  ownCompletions,
} from "@/lib/server/training/queries";
import { isoDay } from "@/lib/period";
import { trainingView } from "@/lib/url-state/lists";

/**
 * The catalogue, with what each reader may see besides: a learner's own progress and completion
 * form, completion figures by organisation (and by team of `orgId`), and course management.
 */
export async function TrainingOverview({
  actor,
  orgId,
}: {
  actor: SessionActor;
  orgId: number | null;
}) {
  const learner = can(actor, "training.complete");
  const manager = can(actor, "training.manage");
  const figures = can(actor, "dashboard.read");
  const [courses, retired, mine, byOrg, byTeam] = await Promise.all([
    listCourses(),
    manager ? listCourses({ retired: true }) : [],
    learner ? ownCompletions(actor.id) : [],
    figures ? completionByOrg(actor) : [],
    orgId !== null && figures ? completionByTeam(actor, orgId) : [],
  ]);
  const done = new Map(mine.map((c) => [c.courseId, c]));
  const requiredLeft = courses.filter((c) => c.required && !done.has(c.id));
  const today = isoDay(new Date());
  return (
    <>
      {learner ? (
        <Card className="mb-4">
          <CardTitle>Your training</CardTitle>
          <p className="mt-1 text-sm" data-testid="required-left">
            {requiredLeft.length === 0
              ? "You have completed every required course."
              : `${requiredLeft.length} required course${requiredLeft.length === 1 ? "" : "s"} left: ${requiredLeft.map((c) => c.title).join(", ")}.`}
          </p>
          <div className="mt-3">
            <CompletionForm
              courses={courses
                .filter((c) => !done.has(c.id) || manager)
                .map((c) => ({ value: String(c.id), label: c.title }))}
              forOthers={manager}
              today={today}
            />
          </div>
        </Card>
      ) : null}
      <Card>
        <CardTitle>Catalogue</CardTitle>
        {courses.length === 0 ? (
          <div className="mt-3">
            <EmptyState title="No courses yet" />
          </div>
        ) : (
          <Catalogue courses={courses} done={done} manager={manager} />
        )}
      </Card>
      {byOrg.length ? (
        <Card className="mt-4">
          <CardTitle>Required training by organisation (active guardians, with sub-orgs)</CardTitle>
          <CompletionTable
            label="Organisation"
            caption="Active guardians who completed every required course, per organisation with its sub-orgs"
            rows={byOrg.map((r) => ({
              id: r.orgId,
              name: r.name,
              href: trainingView.href("/training", { filter: { org: r.orgId } }),
              guardians: r.guardians,
              complete: r.complete,
            }))}
          />
        </Card>
      ) : null}
      {byTeam.length ? (
        <Card className="mt-4">
          <CardTitle>
            By team in {byOrg.find((o) => o.orgId === orgId)?.name ?? "the organisation"} and its
            sub-orgs
          </CardTitle>
          <CompletionTable
            label="Team"
            caption="Active guardians who completed every required course, per team"
            rows={byTeam.map((r) => ({
              id: r.teamId,
              name: r.name,
              detail: r.org,
              guardians: r.guardians,
              complete: r.complete,
            }))}
          />
        </Card>
      ) : null}
      {manager ? (
        <Card className="mt-4">
          <CardTitle>Add a course</CardTitle>
          <div className="mt-3">
            <CourseForm />
          </div>
        </Card>
      ) : null}
      {manager && retired.length ? (
        <Card className="mt-4">
          <CardTitle>Retired courses</CardTitle>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Not offered and not required; their completions stay in people&apos;s history.
          </p>
          <Catalogue courses={retired} done={done} manager={manager} />
        </Card>
      ) : null}
    </>
  );
}
