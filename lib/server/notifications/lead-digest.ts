import "server-only";
import { db } from "@/lib/db/client";
import {
  leadDigestMessage,
  type DigestSection,
  type LeadDigest,
} from "@/lib/notifications/scheduled-messages";
import { addUtcDays, isoWeekKey } from "@/lib/period";
import { UNASSIGNED_REVIEW } from "@/lib/server/home/program";
import { goalsWithProgress } from "@/lib/server/program/goals";
import { ALERT_KIND } from "@/lib/vocabulary";
import { notify } from "./notify";
import { programLeadIds } from "./program-leads";

/** Items named in each part of the digest; the rest are counted. */
const NAMED = 3;
/** The digest's alerts: raised in the week before the run. */
const ALERT_WINDOW_DAYS = 7;

const section = (count: number, items: string[]): DigestSection => ({ count, items });

/**
 * What waits for the program's leads at `now` (docs/scheduled-notifications.md). Leads see every
 * organisation, so one summary serves them all.
 */
async function leadDigest(now: Date): Promise<LeadDigest> {
  const nominated = { status: "NOMINATED" as const };
  const inReview = { status: "IN_REVIEW" as const };
  const newAlerts = {
    closedAt: null,
    raisedAt: { gt: addUtcDays(now, -ALERT_WINDOW_DAYS), lte: now },
  };
  const team = { select: { name: true } };
  const [
    nominations,
    nominationCount,
    reviews,
    reviewCount,
    models,
    modelCount,
    alerts,
    alertCount,
    goals,
  ] = await Promise.all([
    db.guardianMembership.findMany({
      where: nominated,
      orderBy: [{ nominatedOn: "asc" }, { id: "asc" }],
      take: NAMED,
      select: { user: { select: { name: true } }, team },
    }),
    db.guardianMembership.count({ where: nominated }),
    db.review.findMany({
      where: UNASSIGNED_REVIEW,
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      take: NAMED,
      select: { service: true, team },
    }),
    db.review.count({ where: UNASSIGNED_REVIEW }),
    db.threatModel.findMany({
      where: inReview,
      orderBy: [{ createdOn: "asc" }, { id: "asc" }],
      take: NAMED,
      select: { system: true, team },
    }),
    db.threatModel.count({ where: inReview }),
    db.coverageAlert.findMany({
      where: newAlerts,
      orderBy: [{ raisedAt: "desc" }, { id: "desc" }],
      take: NAMED,
      select: { kind: true, team },
    }),
    db.coverageAlert.count({ where: newAlerts }),
    goalsWithProgress(now),
  ]);
  const offTrack = goals.filter((g) => g.progress.met === false);
  return {
    nominations: section(
      nominationCount,
      nominations.map((n) => `${n.user.name} for ${n.team.name}`),
    ),
    unassignedReviews: section(
      reviewCount,
      reviews.map((r) => `${r.service}, ${r.team.name}`),
    ),
    threatModelsInReview: section(
      modelCount,
      models.map((m) => `${m.system}, ${m.team.name}`),
    ),
    goalsOffTrack: section(
      offTrack.length,
      offTrack.slice(0, NAMED).map((g) => g.title),
    ),
    newAlerts: section(
      alertCount,
      alerts.map((a) => `${a.team.name}: ${ALERT_KIND.label(a.kind).toLowerCase()}`),
    ),
  };
}

/**
 * The weekly digest: one notification per lead for the ISO week of `now` (a re-run the same week
 * notifies nobody twice), linking to the lead's home. Nothing is sent when nothing waits.
 */
export async function sendLeadDigests(now: Date): Promise<{ notified: number }> {
  const message = leadDigestMessage(await leadDigest(now), now);
  if (!message) return { notified: 0 };
  const leads = await programLeadIds();
  const notified = await db.$transaction((tx) =>
    notify(tx, {
      kind: "LEAD_DIGEST",
      userIds: leads,
      ...message,
      link: "/",
      eventKey: `lead-digest:${isoWeekKey(now)}`,
    }),
  );
  return { notified: notified.length };
}
