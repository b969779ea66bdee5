import type { SessionActor } from "@/lib/auth/actor";
import type { RoleSource } from "@/lib/auth/role-grants";
import { ROLE } from "@/lib/vocabulary";
import { getRoleSources } from "@/lib/server/directory/role-sources";

const SOURCE: Record<RoleSource, string> = {
  hand: "granted by hand",
  group: "from SSO groups",
  both: "granted by hand and from SSO groups",
};

/** Each of a person's roles with where it comes from: granted by hand, SSO groups, or both. */
export async function RoleSources({ actor, personId }: { actor: SessionActor; personId: number }) {
  const roles = await getRoleSources(actor, personId);
  if (!roles?.length) return null;
  return (
    <ul aria-label="Roles and where they come from" className="mt-2 flex flex-wrap gap-2 text-xs">
      {roles.map(({ role, source }) => (
        <li
          key={role}
          className="rounded bg-slate-100 px-2 py-0.5 text-slate-800 dark:bg-slate-800 dark:text-slate-100"
        >
          <span className="font-medium">{ROLE.label(role)}</span>
          <span className="text-slate-600 dark:text-slate-400"> · {SOURCE[source]}</span>
        </li>
      ))}
    </ul>
  );
}
