import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CourseForm } from "@/components/training/course-form";
import { CourseStatusButton } from "@/components/training/course-status-button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { getCourse } from "@/lib/server/training/queries";
import { toHours } from "@/lib/hours";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Edit course" };

export default async function EditCoursePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("training.manage");
  const id = routeId((await params).id);
  const course = id ? await getCourse(id) : null;
  if (!course) notFound();
  return (
    <>
      <PageHeader
        title={`Edit ${course.title}`}
        description={`${course.active ? "In the catalogue" : "Retired"} · ${course._count.completions} completed`}
      />
      <Card className="max-w-3xl">
        <CourseForm
          course={{
            id: course.id,
            title: course.title,
            required: course.required,
            hours: toHours(course.quarterHours),
            description: course.description,
            link: course.link,
          }}
        />
      </Card>
      <Card className="mt-4 max-w-3xl">
        <CardTitle>{course.active ? "Retire the course" : "Retired"}</CardTitle>
        <p className="mb-3 mt-1 text-sm text-slate-600 dark:text-slate-400">
          {course.active
            ? "A retired course is no longer offered or required; its completions stay in people's history."
            : "This course is not offered and counts as neither required nor optional. Bring it back to offer it again."}
        </p>
        <CourseStatusButton
          id={course.id}
          title={course.title}
          active={course.active}
          required={course.required}
        />
      </Card>
    </>
  );
}
