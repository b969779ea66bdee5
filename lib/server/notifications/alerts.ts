import "server-only";
import { db } from "@/lib/db/client";
import type { AlertKind } from "@/lib/generated/prisma/enums";
import { alertMessage, alertsSummaryMessage } from "@/lib/notifications/scheduled-messages";
import { teamConditions, type TeamCondition } from "./alert-conditions";
import { postToChannels } from "./channels";
import { notify } from "./notify";
import { programLeadIds } from "./program-leads";

/**
 * Up to this many new alerts in one run are announced one by one; more (typically the first run
 * on existing data) are announced as one summary to the leads, and as one post per organisation
 * and channel event, so nobody gets hundreds of messages at once.
 */
export const ONE_BY_ONE = 5;

const key = (teamId: number, kind: string) => `${teamId}:${kind}`;

/**
 * The daily coverage and succession alerts (docs/scheduled-notifications.md): closes every open
 * alert whose condition no longer holds, then raises one for each condition without an open
 * alert. The partial unique index "CoverageAlert_one_open" keeps one open alert per team and
 * kind, so a second run (or two at once) raises nothing new. Each newly raised alert notifies the
 * program's leads and posts to the channels of the team's organisation, in the transaction that
 * raises it; a run raising more than ONE_BY_ONE alerts announces them as one summary instead.
 */
export async function evaluateCoverageAlerts(
  now: Date,
): Promise<{ holding: number; raised: number; closed: number }> {
  const conditions = await teamConditions(now);
  const closed = await db.$executeRaw`
    UPDATE "CoverageAlert" a SET "closedAt" = ${now}
    WHERE a."closedAt" IS NULL AND NOT EXISTS (
      SELECT 1 FROM unnest(${conditions.map((c) => c.teamId)}::int[],
        ${conditions.map((c) => c.kind)}::text[]) AS c("teamId", kind)
      WHERE c."teamId" = a."teamId" AND c.kind = a.kind::text
    )`;
  const leads = await programLeadIds();
  const raised = await raise(conditions, leads, now);
  return { holding: conditions.length, raised, closed };
}

/** Raises the new alerts and announces them, all in one transaction. */
async function raise(conditions: TeamCondition[], leads: number[], now: Date): Promise<number> {
  if (conditions.length === 0) return 0;
  const byKey = new Map(conditions.map((c) => [key(c.teamId, c.kind), c]));
  const messages = conditions.map(alertMessage);
  return db.$transaction(
    async (tx) => {
      const created = await tx.$queryRaw<{ id: number; teamId: number; kind: AlertKind }[]>`
        INSERT INTO "CoverageAlert" ("teamId", kind, detail, "raisedAt")
        SELECT c."teamId", c.kind::"AlertKind", c.detail, ${now}
        FROM unnest(${conditions.map((c) => c.teamId)}::int[], ${conditions.map((c) => c.kind)}::text[],
          ${messages.map((m) => m.body)}::text[]) AS c("teamId", kind, detail)
        ON CONFLICT DO NOTHING
        RETURNING id, "teamId", kind`;
      const announced = created
        .sort((a, b) => a.id - b.id)
        .map((alert) => {
          const condition = byKey.get(key(alert.teamId, alert.kind))!;
          return {
            ...alertMessage(condition),
            orgId: condition.orgId,
            event:
              alert.kind === "OVER_RISK_BUDGET"
                ? ("OVER_RISK_BUDGET" as const)
                : ("COVERAGE_ALERT" as const),
            link: `/directory/teams/${alert.teamId}`,
            eventKey: `alert:${alert.id}`,
          };
        });
      // The leads: each alert, or one summary of the run's (keyed by its first alert).
      if (announced.length <= ONE_BY_ONE)
        for (const a of announced)
          await notify(tx, { kind: "COVERAGE_ALERT", userIds: leads, ...a });
      else if (announced.length > 0)
        await notify(tx, {
          kind: "COVERAGE_ALERT",
          userIds: leads,
          ...alertsSummaryMessage(announced.map((a) => a.title)),
          link: "/alerts",
          eventKey: `alerts:${announced[0].eventKey}:${announced.length}`,
        });
      // The channels: the same, per organisation and channel event.
      const groups = new Map<string, typeof announced>();
      for (const a of announced) {
        const group = `${a.orgId}:${a.event}`;
        groups.set(group, [...(groups.get(group) ?? []), a]);
      }
      for (const group of groups.values()) {
        const { orgId, event } = group[0];
        if (group.length <= ONE_BY_ONE)
          for (const a of group)
            await postToChannels(tx, {
              orgId,
              event,
              eventKey: a.eventKey,
              title: a.title,
              text: a.body,
              link: a.link,
            });
        else {
          const summary = alertsSummaryMessage(group.map((a) => a.title));
          await postToChannels(tx, {
            orgId,
            event,
            eventKey: `alerts:${group[0].eventKey}:${group.length}`,
            title: summary.title,
            text: summary.body,
            link: "/alerts",
          });
        }
      }
      return created.length;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
