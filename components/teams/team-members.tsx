import Link from "next/link";
import type { TeamHub } from "@/lib/server/teams/hub";
import { peopleList } from "@/lib/url-state/lists";
import { ROLE } from "@/lib/vocabulary";
import { HubSection } from "./hub-section";

/** The team's people (active accounts), by name, with a link to all of them in the directory. */
export function TeamMembers({
  team,
  members,
}: {
  team: { id: number; name: string };
  members: TeamHub["members"];
}) {
  return (
    <HubSection
      id="members"
      title="Members"
      total={members.total}
      shown={members.rows.length}
      empty="No one is on this team yet"
      more={{
        href: peopleList.href("/directory/people", { filter: { team: team.id } }),
        label: `All members of ${team.name}`,
      }}
    >
      <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {members.rows.map((p) => (
          <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
            <span className="min-w-0">
              <Link
                href={`/people/${p.id}`}
                className="font-medium text-brand-600 underline underline-offset-2 dark:text-brand-100"
              >
                {p.name}
              </Link>{" "}
              <span className="break-all text-xs text-slate-600 dark:text-slate-400">
                {p.email}
              </span>
            </span>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {p.roles.map((r) => ROLE.label(r)).join(", ")}
            </span>
          </li>
        ))}
      </ul>
    </HubSection>
  );
}
