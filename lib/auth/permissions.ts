// The one permission table. Code asks `can(actor, "review.conduct", { orgId })`, never a role name.
// Scopes: "all" = every organisation; "org" = the actor's organisation and its sub-orgs
// (for a leader, the orgs they lead); "own" = records that belong to the actor.
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = [
  "program.read",
  "program.manage",
  "dashboard.read",
  "directory.read",
  "directory.manage",
  "guardian.nominate",
  "guardian.approve",
  "activity.log",
  "activity.read",
  "review.read",
  "review.request",
  "review.conduct",
  "threatmodel.read",
  "threatmodel.write",
  "threatmodel.approve",
  "feedback.give",
  "feedback.read",
  "training.manage",
  "training.complete",
  "belt.manage",
  "recognition.give",
  "newsletter.read",
  "newsletter.manage",
  "import.run",
  "audit.read",
  "user.manage",
  "identity.manage",
  "jobs.manage",
  "impact.read",
  "survey.manage",
  "survey.answer",
  "mentoring.record",
  "time.agree",
  "fasttrack.manage",
  "fasttrack.spotcheck",
  "review.fasttrack",
  "event.manage",
  "event.attend",
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type Scope = "all" | "org" | "own";

const LEAD: Partial<Record<Permission, Scope>> = {
  "program.read": "all",
  "program.manage": "all",
  "dashboard.read": "all",
  "directory.read": "all",
  "directory.manage": "all",
  "guardian.nominate": "all",
  "guardian.approve": "all",
  "activity.read": "all",
  "review.read": "all",
  "review.request": "all",
  "review.conduct": "all",
  "threatmodel.read": "all",
  "threatmodel.write": "all",
  "threatmodel.approve": "all",
  "feedback.read": "all",
  "training.manage": "all",
  "training.complete": "all",
  "belt.manage": "all",
  "recognition.give": "all",
  "newsletter.read": "all",
  "newsletter.manage": "all",
  "import.run": "all",
  // Leads onboard people (create, edit, deactivate); roles with administrative powers stay the
  // admin's (lib/auth/role-grants.ts).
  "user.manage": "all",
  // A guardian's impact statement (docs/impact-statement.md): leads read anyone's.
  "impact.read": "all",
  // Surveys: leads write, open, close and read them, written answers included (docs/surveys.md).
  "survey.manage": "all",
  "survey.answer": "own",
  "mentoring.record": "all",
  // Agreed time (docs/decisions/0018): leads and the guardian's manager record it.
  "time.agree": "all",
  // The fast track's policies (docs/fast-track.md): a team's in its org, a profile's program-wide.
  "fasttrack.manage": "all",
  // Workshops, game days and contests (docs/events.md): leads run them; anyone in an event's
  // audience registers for it.
  "event.manage": "all",
  "event.attend": "own",
};

export const ROLE_PERMISSIONS: Record<Role, Partial<Record<Permission, Scope>>> = {
  // Single sign-on settings (groups to roles) can grant Admin, so they stay the admin's.
  // The job queue (/admin/jobs: failed jobs, retries) is the admin's, like the audit log.
  ADMIN: { ...LEAD, "audit.read": "all", "identity.manage": "all", "jobs.manage": "all" },
  LEAD,
  SECURITY_ENGINEER: {
    "program.read": "all",
    "dashboard.read": "all",
    "directory.read": "all",
    "review.read": "all",
    "review.conduct": "all",
    "threatmodel.read": "all",
    "threatmodel.write": "all",
    "threatmodel.approve": "all",
    "feedback.give": "all",
    "feedback.read": "all",
    "activity.log": "own",
    "activity.read": "own",
    "impact.read": "own",
    "survey.answer": "own",
    // Spot checks of fast-tracked reviews (docs/fast-track.md), like review.conduct.
    "fasttrack.spotcheck": "all",
    "event.attend": "own",
  },
  GUARDIAN: {
    "program.read": "all",
    "directory.read": "org",
    "guardian.nominate": "org",
    "activity.log": "own",
    "activity.read": "own",
    "review.read": "org",
    "review.request": "org",
    // Approve a low-risk review of their own team through the fast track (lib/fast-track/rule.ts).
    "review.fasttrack": "org",
    "threatmodel.read": "org",
    "threatmodel.write": "org",
    "feedback.read": "own",
    "training.complete": "own",
    "impact.read": "own",
    "survey.answer": "own",
    "event.attend": "own",
  },
  MANAGER: {
    "program.read": "all",
    "dashboard.read": "org",
    "directory.read": "org",
    "guardian.nominate": "org",
    "activity.read": "org",
    "review.read": "org",
    "review.request": "org",
    "threatmodel.read": "org",
    "feedback.read": "org",
    "impact.read": "org",
    "recognition.give": "org",
    "newsletter.read": "org",
    "survey.answer": "own",
    "time.agree": "org",
    "event.attend": "own",
  },
  BUILDER: {
    "program.read": "all",
    "directory.read": "org",
    "guardian.nominate": "org",
    "activity.log": "own",
    "activity.read": "own",
    "review.read": "org",
    "review.request": "org",
    "threatmodel.read": "org",
    "training.complete": "own",
    "impact.read": "own",
    "survey.answer": "own",
    "event.attend": "own",
  },
};

export type Actor = {
  id: number;
  roles: Role[];
  /** Organisations the actor's "org" scope covers (own org or led orgs, with sub-orgs). */
  orgScope: number[];
};

export type Target = { orgId?: number | null; userId?: number | null };

/** The widest scope any of the actor's roles grants for a permission, or null. */
export function scopeOf(actor: Pick<Actor, "roles">, permission: Permission): Scope | null {
  let best: Scope | null = null;
  for (const role of actor.roles) {
    const scope = ROLE_PERMISSIONS[role]?.[permission];
    if (scope === "all") return "all";
    if (scope === "org" || (scope === "own" && best === null)) best = scope;
  }
  return best;
}

/**
 * Whether the actor may use a permission on a target. Without a target, whether the actor
 * holds the permission in any scope (for showing navigation and pages).
 */
export function can(actor: Actor, permission: Permission, target?: Target): boolean {
  for (const role of actor.roles) {
    const scope = ROLE_PERMISSIONS[role]?.[permission];
    if (!scope) continue;
    if (scope === "all" || !target) return true;
    if (scope === "org" && target.orgId != null && actor.orgScope.includes(target.orgId))
      return true;
    if (scope === "own" && target.userId != null && target.userId === actor.id) return true;
  }
  return false;
}

/** The roles granting a permission in a scope: whom to tell about the whole program, say. */
export function rolesGranting(permission: Permission, scope: Scope = "all"): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter(
    (role) => ROLE_PERMISSIONS[role][permission] === scope,
  );
}

/** What a list query may show, for use in WHERE clauses: every org, some orgs, and/or own rows. */
export type QueryScope = { all: boolean; orgIds: number[]; userId: number | null };

export function queryScope(actor: Actor, permission: Permission): QueryScope {
  const scope: QueryScope = { all: false, orgIds: [], userId: null };
  for (const role of actor.roles) {
    const s = ROLE_PERMISSIONS[role]?.[permission];
    if (s === "all") scope.all = true;
    if (s === "org") scope.orgIds = actor.orgScope;
    if (s === "own") scope.userId = actor.id;
  }
  return scope;
}

/** Every organisation under the given roots (roots included). */
export function orgSubtree(
  orgs: { id: number; parentId: number | null }[],
  roots: number[],
): number[] {
  const children = new Map<number, number[]>();
  for (const o of orgs) {
    if (o.parentId != null) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  }
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...seen].sort((a, b) => a - b);
}

const HOME_PRIORITY: Role[] = [
  "ADMIN",
  "LEAD",
  "SECURITY_ENGINEER",
  "MANAGER",
  "GUARDIAN",
  "BUILDER",
];

/** The role whose home page a person lands on. */
export function primaryRole(roles: Role[]): Role | null {
  return HOME_PRIORITY.find((r) => roles.includes(r)) ?? null;
}
