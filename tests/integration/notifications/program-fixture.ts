// Guardians, hours, findings and channels for the scheduled-notification tests.
import { db } from "@/lib/db/client";
import type { ChannelEvent, Severity } from "@/lib/generated/prisma/enums";
import { parseIsoDay } from "@/lib/period";

let n = 0;

/** A guardian membership active from `activeOn` (ISO day) until `leftOn`, if given. */
export function guard(userId: number, teamId: number, activeOn: string, leftOn?: string) {
  return db.guardianMembership.create({
    data: {
      userId,
      teamId,
      status: leftOn ? "ALUMNI" : "ACTIVE",
      nominatedOn: parseIsoDay(activeOn),
      activeOn: parseIsoDay(activeOn),
      leftOn: leftOn ? parseIsoDay(leftOn) : null,
    },
  });
}

export function nominate(userId: number, teamId: number, nominatedOn = "2026-02-01") {
  return db.guardianMembership.create({
    data: { userId, teamId, status: "NOMINATED", nominatedOn: parseIsoDay(nominatedOn) },
  });
}

/** Hours logged on a day; `deleted` entries are kept as deleted rows. */
export function logHours(userId: number, day: string, hours: number, deleted = false) {
  return db.activityEntry.create({
    data: {
      userId,
      date: parseIsoDay(day),
      quarterHours: Math.round(hours * 4),
      type: "QUESTION",
      deletedAt: deleted ? new Date() : null,
    },
  });
}

export function finding(teamId: number, severity: Severity, openedOn: string, closedOn?: string) {
  const i = ++n;
  return db.finding.create({
    data: {
      key: `F-${i}`,
      teamId,
      severity,
      openedOn: parseIsoDay(openedOn),
      status: closedOn ? "MITIGATED" : "OPEN",
      closedOn: closedOn ? parseIsoDay(closedOn) : null,
    },
  });
}

/** A Slack channel of the organisation that hears these events. */
export function channel(orgId: number, events: ChannelEvent[]) {
  return db.channelWebhook.create({
    data: { orgId, tool: "SLACK", urlEncrypted: "x", urlHint: "hooks.slack.com/…/test", events },
  });
}

/** An instant on a day at the scheduled hour, UTC. */
export const at = (day: string, time = "06:30") => new Date(`${day}T${time}:00Z`);
