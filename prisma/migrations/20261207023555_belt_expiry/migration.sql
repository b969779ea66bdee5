-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'BELT_EXPIRING';
ALTER TYPE "NotificationKind" ADD VALUE 'BELT_RENEWED';

-- AlterTable
ALTER TABLE "BeltRule" ADD COLUMN     "renewal" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "validityMonths" INTEGER;

-- AlterTable
ALTER TABLE "BeltAward" ADD COLUMN     "expiresOn" DATE,
ADD COLUMN     "renewal" BOOLEAN NOT NULL DEFAULT false;


-- A renewal is a second live row for the same person and belt: one live first award per person
-- and belt, and one live row per person, belt and day (concurrent evaluations write once).
DROP INDEX "BeltAward_one_live_per_belt";
CREATE UNIQUE INDEX "BeltAward_one_live_per_belt" ON "BeltAward" ("userId", "belt") WHERE "revokedAt" IS NULL AND NOT "renewal";
CREATE UNIQUE INDEX "BeltAward_one_live_per_day" ON "BeltAward" ("userId", "belt", "awardedOn") WHERE "revokedAt" IS NULL;
-- The expiry reminder looks awards up by the day they expire.
CREATE INDEX "BeltAward_expiresOn_idx" ON "BeltAward" ("expiresOn") WHERE "expiresOn" IS NOT NULL;
