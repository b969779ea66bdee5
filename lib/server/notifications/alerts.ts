import "server-only";
import { db } from "@/lib/db/client";
import type { AlertKind } from "@/lib/generated/prisma/enums";
import { alertMessage } from "@/lib/notifications/scheduled-messages";
import { teamConditions, type TeamCondition } from "./alert-conditions";
import { postToChannels } from "./channels";
import { notify } from "./notify";
import { programLeadIds } from "./program-leads";

/** Alerts raised per transaction: each with its notifications and channel posts. */
const RAISE_BATCH = 100;

const key = (teamId: number, kind: string) => `${teamId}:${kind}`;

/**
 * The daily coverage and succession alerts (docs/scheduled-notifications.md): closes every open
 * alert whose condition no longer holds, then raises one for each condition without an open
 * alert. The partial unique index "CoverageAlert_one_open" keeps one open alert per team and
 * kind, so a second run (or two at once) raises nothing new. Each newly raised alert notifies the
 * program's leads and posts to the channels of the team's organisation, in the transaction that
 * raises it.
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
  let raised = 0;
  for (let i = 0; i < conditions.length; i += RAISE_BATCH)
    raised += await raise(conditions.slice(i, i + RAISE_BATCH), leads, now);
  return { holding: conditions.length, raised, closed };
}

async function raise(conditions: TeamCondition[], leads: number[], now: Date): Promise<number> {
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
      for (const alert of created) {
        const condition = byKey.get(key(alert.teamId, alert.kind))!;
        const { title, body } = alertMessage(condition);
        const link = `/directory/teams/${alert.teamId}`;
        const eventKey = `alert:${alert.id}`;
        await notify(tx, { kind: "COVERAGE_ALERT", userIds: leads, title, body, link, eventKey });
        await postToChannels(tx, {
          orgId: condition.orgId,
          event: alert.kind === "OVER_RISK_BUDGET" ? "OVER_RISK_BUDGET" : "COVERAGE_ALERT",
          eventKey,
          title,
          text: body,
          link,
        });
      }
      return created.length;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
