import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import { agreementShare, type AgreementStatus } from "@/lib/agreed-time/rules";
import { db } from "@/lib/db/client";
import { quarterPeriod } from "@/lib/metrics/periods";
import { quarterOf } from "@/lib/period";
import { guardiansAgreedTime } from "./queries";

/** How many guardians the manager's home lists; the time dashboard has the figures of all. */
const AGREED_GUARDIANS_SHOWN = 10;

const ORDER: Record<AgreementStatus, number> = { under: 0, over: 1, within: 2, none: 3 };

/**
 * A manager's organisation this quarter to date: the share of its guardians within their agreed
 * time (the dashboards' definition and scope) and the guardians furthest from it first.
 */
export async function orgAgreedTime(actor: SessionActor, today = new Date()) {
  const scope = queryScope(actor, "dashboard.read");
  const period = quarterPeriod(quarterOf(today), today);
  const [byPeriod, activeGuardians] = await Promise.all([
    guardiansAgreedTime({ orgIds: scope.all ? null : scope.orgIds, teamId: null }, [period]),
    db.user.count({
      where: {
        memberships: { some: { status: "ACTIVE", team: tenantWhere(scope, "orgId") } },
      },
    }),
  ]);
  const rows = byPeriod.get(period.key)!;
  const ordered = [...rows].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || a.logged / a.agreed - b.logged / b.agreed,
  );
  const shown = ordered.slice(0, AGREED_GUARDIANS_SHOWN);
  const people = await db.user.findMany({
    where: { id: { in: shown.map((r) => r.userId) } },
    select: { id: true, name: true },
  });
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    quarter: period.quarter,
    share: agreementShare(rows.map((r) => r.status)),
    activeGuardians,
    guardians: shown.map((r) => ({ ...r, name: names.get(r.userId) ?? "" })),
  };
}
