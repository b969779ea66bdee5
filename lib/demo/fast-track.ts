// The demo's fast track (docs/fast-track.md): a policy for quick-wins teams, and the reviews of
// the last half-year that their guardians could have approved themselves, turned into fast
// tracks, some spot-checked (one failed: sent back, its guardian suspended), some waiting.
// Written over the demo's reviews in SQL; deterministic (the policy's seed is fixed).
import type pg from "pg";
import { isDrawnForSpotCheck } from "@/lib/fast-track/sampling";
import { addUtcDays } from "@/lib/period";
import { DEMO_ACCOUNTS } from "./demo-accounts";

const SEED = "demo-fast-track";
const SHARE = 50;
const CHECKLIST = [
  "No new endpoint reachable from outside the company",
  "No new kind of personal or payment data stored",
  "No change to authentication or authorisation",
];
const demoEmails = Object.values(DEMO_ACCOUNTS).map((a) => a.email);

type Candidate = { review_id: number; guardian_id: number; completed_at: Date; released: boolean };

export async function writeFastTracks(c: pg.ClientBase, today: Date) {
  // A database migrated only up to before the fast track (tests of older migrations) gets none.
  const { rowCount } = await c.query(`SELECT 1 FROM pg_tables WHERE tablename = 'FastTrack'`);
  if (!rowCount) return;
  const { rows: policies } = await c.query<{ id: number }>(
    `INSERT INTO "FastTrackPolicy" ("teamProfile", "minBelt", "spotCheckPercent", checklist, seed, "updatedAt")
     VALUES ('QUICK_WINS', 'YELLOW', $1, $2::text[], $3, $4) RETURNING id`,
    [SHARE, CHECKLIST, SEED, addUtcDays(today, -200)],
  );
  // Approved, without open findings, with a participant who was an active guardian of the team
  // holding a valid Yellow belt or higher on the day; demo accounts left out (they act themselves).
  const { rows } = await c.query<Candidate>(
    `SELECT DISTINCT ON (r.id) r.id AS review_id, p."userId" AS guardian_id, r."completedAt" AS completed_at,
       EXISTS (SELECT 1 FROM "Release" x WHERE x."reviewId" = r.id) AS released
     FROM "Review" r
     JOIN "Team" t ON t.id = r."teamId" AND t.profile = 'QUICK_WINS'
     JOIN "ReviewParticipant" p ON p."reviewId" = r.id
     JOIN "User" u ON u.id = p."userId" AND NOT (u.email = ANY($2::text[]))
     JOIN "GuardianMembership" m ON m."userId" = p."userId" AND m."teamId" = r."teamId"
       AND m."activeOn" <= r."completedAt"::date AND (m."leftOn" IS NULL OR m."leftOn" >= r."completedAt"::date)
     WHERE r."completedAt" >= $1 AND r.outcome = 'APPROVED'
       AND NOT EXISTS (SELECT 1 FROM "Finding" f WHERE f."reviewId" = r.id AND f.status = 'OPEN')
       AND EXISTS (SELECT 1 FROM "BeltAward" b WHERE b."userId" = p."userId"
         AND b.belt IN ('YELLOW', 'GREEN', 'BLACK') AND b."awardedOn" <= r."completedAt"::date
         AND (b."expiresOn" IS NULL OR b."expiresOn" > r."completedAt"::date)
         AND (b."revokedAt" IS NULL OR b."revokedAt" > r."completedAt"))
     ORDER BY r.id, p."userId"`,
    [addUtcDays(today, -180), demoEmails],
  );
  const picked = rows.sort((a, b) => +a.completed_at - +b.completed_at).slice(-16);
  if (picked.length === 0) return;
  const { rows: engineers } = await c.query<{ id: number }>(
    `SELECT id FROM "User" WHERE email = $1`,
    [DEMO_ACCOUNTS.engineer.email],
  );
  const engineerId = engineers[0]?.id ?? null;
  const sampled = picked.filter((p) => isDrawnForSpotCheck(SEED, p.review_id, SHARE));
  // Drawn reviews older than two weeks are checked; the oldest without a release (which needs a
  // completed review) failed, and its ratings (which do too) are gone.
  const checked = sampled.filter((p) => p.completed_at < addUtcDays(today, -14));
  const failed = (engineerId && checked.length > 1 && checked.find((p) => !p.released)) || null;
  // The failed one's guardian is suspended from then on: their later reviews went the ordinary way.
  const suspendedAfter = (p: Candidate) =>
    failed !== null && p.guardian_id === failed.guardian_id && p.completed_at > failed.completed_at;
  for (const p of picked.filter((x) => !suspendedAfter(x))) {
    const isChecked = engineerId !== null && checked.includes(p);
    const outcome = !isChecked ? null : p === failed ? "FAILED" : "PASSED";
    const checkedAt = isChecked ? addUtcDays(p.completed_at, 3) : null;
    const { rows: ft } = await c.query<{ id: number }>(
      `INSERT INTO "FastTrack" ("reviewId", "guardianId", "policyId", "approvedAt", answers, seed,
         "spotCheckPercent", sampled, "spotCheckOutcome", "spotCheckedAt", "spotCheckedById", "spotCheckNote")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        p.review_id,
        p.guardian_id,
        policies[0].id,
        p.completed_at,
        JSON.stringify(CHECKLIST.map((question) => ({ question, lowRisk: true }))),
        SEED,
        SHARE,
        sampled.includes(p),
        outcome,
        checkedAt,
        isChecked ? engineerId : null,
        outcome === "FAILED" ? "A new public webhook was missed: it needs a full review." : null,
      ],
    );
    // The guardian approved it: no security engineer took part, started when approved.
    await c.query(
      `DELETE FROM "ReviewParticipant" p USING "User" u
       WHERE p."reviewId" = $1 AND u.id = p."userId" AND 'SECURITY_ENGINEER' = ANY(u.roles)`,
      [p.review_id],
    );
    await c.query(
      `UPDATE "Review" r SET "securityEngineerId" = NULL, "startedAt" = "completedAt",
         "effortQuarterHours" = (SELECT sum("effortQuarterHours") FROM "ReviewParticipant" WHERE "reviewId" = r.id)
       WHERE id = $1`,
      [p.review_id],
    );
    if (outcome === "FAILED") {
      await c.query(`DELETE FROM "Feedback" WHERE "reviewId" = $1`, [p.review_id]);
      await c.query(
        `UPDATE "Review" SET "completedAt" = NULL, outcome = NULL, "startedAt" = NULL WHERE id = $1`,
        [p.review_id],
      );
      await c.query(
        `INSERT INTO "FastTrackSuspension" ("guardianId", "fastTrackId", reason, "suspendedAt", "suspendedById")
         VALUES ($1, $2, $3, $4, $5)`,
        [
          p.guardian_id,
          ft[0].id,
          "Failed spot check: a new public webhook was missed.",
          checkedAt,
          engineerId,
        ],
      );
    }
  }
}
