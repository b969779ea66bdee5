-- Workshops, game days, challenges and contests (docs/events.md, decision 0021).
CREATE TYPE "EventKind" AS ENUM ('WORKSHOP', 'GAME_DAY', 'CHALLENGE', 'CONTEST');

CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "kind" "EventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "quarterHours" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "orgId" INTEGER,
    "cancelledAt" TIMESTAMPTZ(3),
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id"),
    -- The rules of lib/validations/event.ts, held by the database for every writer.
    CONSTRAINT "Event_capacity_check" CHECK ("capacity" BETWEEN 1 AND 500),
    CONSTRAINT "Event_quarterHours_check" CHECK ("quarterHours" BETWEEN 1 AND 96)
);

CREATE TABLE "EventRegistration" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "registeredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attended" BOOLEAN NOT NULL DEFAULT false,
    "entryId" BIGINT,
    "placing" INTEGER,

    CONSTRAINT "EventRegistration_pkey" PRIMARY KEY ("id"),
    -- A placing (contests only, checked by the service) belongs to someone who attended.
    CONSTRAINT "EventRegistration_placing_check" CHECK ("placing" IS NULL OR ("placing" BETWEEN 1 AND 3 AND "attended"))
);

CREATE INDEX "Event_startsAt_idx" ON "Event"("startsAt");
CREATE UNIQUE INDEX "EventRegistration_entryId_key" ON "EventRegistration"("entryId");
CREATE INDEX "EventRegistration_userId_idx" ON "EventRegistration"("userId");
CREATE UNIQUE INDEX "EventRegistration_eventId_userId_key" ON "EventRegistration"("eventId", "userId");

ALTER TABLE "Event" ADD CONSTRAINT "Event_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Event" ADD CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EventRegistration" ADD CONSTRAINT "EventRegistration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EventRegistration" ADD CONSTRAINT "EventRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EventRegistration" ADD CONSTRAINT "EventRegistration_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ActivityEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
