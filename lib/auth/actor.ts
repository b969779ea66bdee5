import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "./permissions";

export type SessionActor = Actor & {
  email: string;
  name: string;
  orgId: number | null;
  teamId: number | null;
  /** The browser session the request came with (absent for scripts and tests). */
  sessionId?: string;
};

/**
 * Loads a person fresh from the database, so role changes apply at once. One round trip:
 * the person and their organisation scope (the orgs they lead and their own org, with every
 * sub-org), since every request of a signed-in person starts here. With `sessionId` (every
 * request from a browser), the person is only found while that session is open.
 */
export async function loadActor(userId: number, sessionId?: string): Promise<SessionActor | null> {
  const session =
    sessionId === undefined
      ? Prisma.sql`TRUE`
      : Prisma.sql`EXISTS (SELECT 1 FROM "Session" s WHERE s.id = ${sessionId} AND s."userId" = ${userId} AND s."endedAt" IS NULL AND s."expiresAt" > now())`;
  const rows = await db.$queryRaw<
    {
      id: number;
      email: string;
      name: string;
      roles: Role[];
      orgId: number | null;
      teamId: number | null;
      scope: number[];
    }[]
  >`
    WITH RECURSIVE person AS (
      SELECT id, email, name, roles::text[] AS roles, "orgId", "teamId" FROM "User" WHERE id = ${userId} AND "deactivatedAt" IS NULL AND ${session}
    ), tree AS (
      SELECT o.id FROM "Org" o WHERE o."leaderId" = ${userId} AND EXISTS (SELECT 1 FROM person)
      UNION
      SELECT "orgId" FROM person WHERE "orgId" IS NOT NULL
      UNION
      SELECT o.id FROM "Org" o JOIN tree t ON o."parentId" = t.id
    )
    SELECT person.*, coalesce((SELECT array_agg(id ORDER BY id) FROM tree), '{}'::int[]) AS scope FROM person`;
  const user = rows[0];
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    orgId: user.orgId,
    teamId: user.teamId,
    orgScope: user.scope,
    ...(sessionId === undefined ? {} : { sessionId }),
  };
}
