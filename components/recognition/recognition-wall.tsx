import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import { wall } from "@/lib/server/recognition/service";

/** Recent belts, awards and contest placings across the program, newest first. */
export async function RecognitionWall() {
  const items = await wall();
  return (
    <Card>
      {items.length === 0 ? (
        <EmptyState title="Nothing to celebrate yet" />
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {items.map((i) => (
            <li key={i.key} className="py-2 text-sm">
              <Link
                href={`/people/${i.person.id}`}
                className="font-medium text-brand-600 hover:underline dark:text-brand-100"
              >
                {i.person.name}
              </Link>{" "}
              {i.text}{" "}
              <span className="text-slate-600 dark:text-slate-400">· {formatDate(i.at)}</span>
              {i.detail ? <p className="text-slate-600 dark:text-slate-400">{i.detail}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
