import "server-only";
import { db } from "@/lib/db/client";
import { orgSubtree } from "@/lib/auth/permissions";
import { toHours } from "@/lib/hours";
import { isoDay } from "@/lib/period";
import { highestHeldOn, isHeldOn } from "@/lib/belts/validity";
import { BELT } from "@/lib/vocabulary";
import { lastDay } from "@/lib/metrics/guardians";
import type { NewsletterFacts } from "@/lib/newsletter/assemble";
import { guardiansOfQuarter } from "@/lib/newsletter/people";
import { quarterLabel, quarterRange, type Quarter } from "@/lib/period";
import { quarterMetrics } from "@/lib/server/metrics/quarter";
import { orgTree } from "@/lib/server/org-tree";
import type { QuarterMetrics } from "@/lib/server/metrics/quarter";

/** Facts for one organisation (with sub-orgs) and quarter, from the same metrics as the dashboards. */
export async function newsletterFacts(
  orgId: number,
  quarter: Quarter,
  opts: { programMetrics?: QuarterMetrics; fresh?: boolean } = {},
): Promise<NewsletterFacts> {
  const orgs = await orgTree();
  const org = orgs.find((o) => o.id === orgId);
  if (!org) throw new Error(`no org ${orgId}`);
  const orgIds = orgSubtree(orgs, [orgId]);
  const { start, end } = quarterRange(quarter);
  const last = lastDay(end);
  const [m, program, memberships] = await Promise.all([
    quarterMetrics({ orgIds, teamId: null }, quarter, { fresh: opts.fresh }),
    opts.programMetrics ??
      quarterMetrics({ orgIds: null, teamId: null }, quarter, { fresh: opts.fresh }),
    // Everyone active on at least one day of the quarter, including those who left during it.
    db.guardianMembership.findMany({
      where: {
        team: { orgId: { in: orgIds } },
        activeOn: { not: null, lte: last },
        OR: [{ leftOn: null }, { leftOn: { gte: start } }],
      },
      select: {
        userId: true,
        activeOn: true,
        leftOn: true,
        user: { select: { name: true } },
        team: { select: { name: true } },
      },
    }),
  ]);
  const people = guardiansOfQuarter(
    memberships.map((x) => ({
      userId: x.userId,
      name: x.user.name,
      team: x.team.name,
      activeOn: x.activeOn!,
      leftOn: x.leftOn,
    })),
    start,
    last,
  );
  const ids = people.map((p) => p.userId);
  const [awards, hours, reviews, tms, recognitions] = await Promise.all([
    db.beltAward.findMany({
      where: { userId: { in: ids }, awardedOn: { lte: last } },
      select: {
        userId: true,
        belt: true,
        awardedOn: true,
        expiresOn: true,
        revokedAt: true,
        renewal: true,
      },
    }),
    db.activityEntry.groupBy({
      by: ["userId"],
      where: { userId: { in: ids }, deletedAt: null, date: { gte: start, lt: end } },
      _sum: { quarterHours: true },
    }),
    db.reviewParticipant.groupBy({
      by: ["userId"],
      where: { userId: { in: ids }, review: { completedAt: { gte: start, lt: end } } },
      _count: true,
    }),
    db.threatModelAuthor.groupBy({
      by: ["userId"],
      where: {
        userId: { in: ids },
        threatModel: { status: "APPROVED", approvedOn: { gte: start, lt: end } },
      },
      _count: true,
    }),
    // Recognition of anyone in the organisation, guardian or not, and of its guardians wherever
    // they sit; not of those who hid themselves from recognition (docs/decisions/0019).
    db.recognition.findMany({
      where: {
        createdAt: { gte: start, lt: end },
        recipient: { hideFromRecognition: false },
        OR: [{ recipient: { orgId: { in: orgIds } } }, { recipientId: { in: ids } }],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { title: true, kind: true, recipient: { select: { name: true } } },
    }),
  ]);
  const hoursBy = new Map(hours.map((h) => [h.userId, toHours(h._sum.quarterHours ?? 0)]));
  const reviewsBy = new Map(reviews.map((r) => [r.userId, r._count]));
  const tmsBy = new Map(tms.map((t) => [t.userId, t._count]));
  const guardians = people
    .map((p) => {
      // Held on the quarter's last day (docs/metrics.md, "held belt"); new: first earned in it.
      const mine = awards.filter((a) => a.userId === p.userId && isHeldOn(a, last));
      return {
        name: p.name,
        team: p.teams.join(", "),
        leftOn: p.leftOn ? isoDay(p.leftOn) : null,
        belt: highestHeldOn(mine, last),
        newBelts: mine
          .filter((a) => a.awardedOn >= start && !a.renewal)
          .map((a) => a.belt)
          .sort((a, b) => BELT.rank(a) - BELT.rank(b)),
        hours: hoursBy.get(p.userId) ?? 0,
        reviews: reviewsBy.get(p.userId) ?? 0,
        threatModels: tmsBy.get(p.userId) ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    orgName: org.name,
    quarterLabel: quarterLabel(quarter),
    guardians,
    org: {
      reviewsWithGuardian: m.cycle.withGuardian.n,
      reviewsWithoutGuardian: m.cycle.withoutGuardian.n,
      cycleWith: m.cycle.withGuardian.mean,
      cycleWithout: m.cycle.withoutGuardian.mean,
      reductionPct: m.cycle.reductionPct,
      findingsMitigated: m.findings.mitigated,
      guardianHours: m.time.guardianHours,
      hoursPerGuardianMonth: m.time.hoursPerGuardianMonth,
      trainingPct: m.training.allRequiredPct,
      threatModelsApproved: m.threatModels.approved,
      guardianAuthoredPct: m.threatModels.guardianAuthoredPct,
    },
    awards: recognitions.map((r) => ({ name: r.recipient.name, title: r.title, kind: r.kind })),
    program: {
      activeGuardians: program.people.activeAtEnd,
      reductionPct: program.cycle.reductionPct,
      hoursPerGuardianMonth: program.time.hoursPerGuardianMonth,
      coveragePct: program.people.coveragePct,
    },
  };
}
