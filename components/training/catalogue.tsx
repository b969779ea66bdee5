import Link from "next/link";
import { formatDate } from "@/lib/format";
import { formatHours } from "@/lib/hours";

type Course = {
  id: number;
  title: string;
  required: boolean;
  quarterHours: number;
  description: string | null;
  link: string | null;
  _count: { completions: number };
};

const link = "text-brand-600 hover:underline dark:text-brand-100";

/** The catalogue's courses; those who manage it get an edit link on each. */
export function Catalogue({
  courses,
  done,
  manager,
}: {
  courses: Course[];
  done: Map<number, { completedOn: Date }>;
  manager: boolean;
}) {
  return (
    <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800">
      {courses.map((c) => (
        <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
          <div className="min-w-0">
            <p className="font-medium">
              {c.link ? (
                <a href={c.link} className={link} rel="noreferrer" target="_blank">
                  {c.title}
                </a>
              ) : (
                c.title
              )}
              {c.required ? (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                  required
                </span>
              ) : (
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">
                  optional
                </span>
              )}
            </p>
            {c.description ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">{c.description}</p>
            ) : null}
          </div>
          <p className="text-right text-sm text-slate-600 dark:text-slate-400">
            {formatHours(c.quarterHours)} · {c._count.completions} completed
            {manager ? (
              <>
                {" "}
                ·{" "}
                <Link
                  href={`/training/courses/${c.id}/edit`}
                  className={link}
                  aria-label={`Edit ${c.title}`}
                >
                  Edit
                </Link>
              </>
            ) : null}
            {done.has(c.id) ? (
              <>
                <br />
                <span className="text-green-700 dark:text-green-400">
                  You completed it on {formatDate(done.get(c.id)!.completedOn)}
                </span>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
