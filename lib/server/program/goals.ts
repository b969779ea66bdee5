import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { goalProgress, type GoalMetricName } from "@/lib/metrics/goals";
import { quarterOf } from "@/lib/period";
import type { GoalInput } from "@/lib/validations/goal";
import { audit } from "@/lib/server/audit";
import { NotFoundError, PermissionError } from "@/lib/server/errors";
import { metricsOverQuarters } from "@/lib/server/metrics/dashboard";

/** Every goal with its live progress: this quarter for quarterly goals, the year so far for yearly ones. */
export async function goalsWithProgress(today = new Date()) {
  const goals = await db.goal.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      title: true,
      metric: true,
      target: true,
      period: true,
      higherIsBetter: true,
    },
  });
  if (goals.length === 0) return [];
  const current = quarterOf(today);
  const yearQuarters = Array.from({ length: current.q }, (_, i) => ({
    year: current.year,
    q: (i + 1) as 1 | 2 | 3 | 4,
  }));
  const metrics = await metricsOverQuarters({ orgIds: null, teamId: null }, yearQuarters, {
    today,
  });
  return goals.map((g) => ({
    ...g,
    target: Number(g.target),
    progress: goalProgress(
      g.metric as GoalMetricName,
      Number(g.target),
      g.higherIsBetter,
      g.period === "YEAR" ? metrics : metrics.slice(-1),
    ),
  }));
}

export async function saveGoal(actor: SessionActor, id: number | null, input: GoalInput) {
  if (!can(actor, "program.manage")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    await tx.program.upsert({
      where: { id: 1 },
      create: { id: 1, name: "Security Guardians", vision: "", mission: "" },
      update: {},
    });
    if (id === null) {
      const goal = await tx.goal.create({ data: input });
      await audit(tx, {
        actorId: actor.id,
        action: "create",
        entity: "Goal",
        entityId: goal.id,
        after: goal,
      });
      return goal;
    }
    const before = await tx.goal.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("goal");
    const goal = await tx.goal.update({ where: { id }, data: input });
    await audit(tx, {
      actorId: actor.id,
      action: "update",
      entity: "Goal",
      entityId: id,
      before,
      after: goal,
    });
    return goal;
  });
}

export async function deleteGoal(actor: SessionActor, id: number) {
  if (!can(actor, "program.manage")) throw new PermissionError();
  await db.$transaction(async (tx) => {
    const before = await tx.goal.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("goal");
    await tx.goal.delete({ where: { id } });
    await audit(tx, { actorId: actor.id, action: "delete", entity: "Goal", entityId: id, before });
  });
}
