// Small builders for integration tests; each returns the created row.
import { hash } from "@node-rs/argon2";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";

let n = 0;
const next = () => ++n;

export async function createOrg(
  data: { name?: string; parentId?: number | null; leaderId?: number | null } = {},
) {
  const i = next();
  return db.org.create({
    data: {
      key: `org-${i}`,
      name: data.name ?? `Org ${i}`,
      parentId: data.parentId ?? null,
      leaderId: data.leaderId ?? null,
    },
  });
}

export async function createTeam(orgId: number, data: { name?: string; joinedOn?: Date } = {}) {
  const i = next();
  return db.team.create({
    data: {
      key: `team-${i}`,
      name: data.name ?? `Team ${i}`,
      orgId,
      joinedOn: data.joinedOn ?? new Date("2025-01-01"),
    },
  });
}

export async function createUser(
  roles: Role[],
  data: { orgId?: number | null; teamId?: number | null; email?: string; password?: string } = {},
) {
  const i = next();
  return db.user.create({
    data: {
      email: data.email ?? `person${i}@example.test`,
      name: `Person ${i}`,
      roles,
      orgId: data.orgId ?? null,
      teamId: data.teamId ?? null,
      passwordHash: data.password ? await hash(data.password) : null,
    },
  });
}
