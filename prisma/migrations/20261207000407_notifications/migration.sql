-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('NOMINATION_SUBMITTED', 'NOMINATION_DECIDED', 'REVIEW_REQUESTED', 'REVIEW_ASSIGNED', 'REVIEW_COMPLETED', 'GUARDIAN_RATED', 'THREAT_MODEL_SUBMITTED', 'THREAT_MODEL_SENT_BACK', 'THREAT_MODEL_APPROVED', 'BELT_AWARDED', 'BELT_REVOKED', 'RECOGNITION_GIVEN', 'NEWSLETTER_PUBLISHED', 'HOURS_REMINDER', 'LEAD_DIGEST', 'COVERAGE_ALERT');

-- CreateEnum
CREATE TYPE "EmailChoice" AS ENUM ('IMMEDIATE', 'DIGEST', 'OFF');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('ONLY_GUARDIAN_LEFT', 'GUARDIAN_QUIET', 'NO_GUARDIAN', 'OVER_RISK_BUDGET');

-- CreateEnum
CREATE TYPE "ChatTool" AS ENUM ('SLACK', 'TEAMS');

-- CreateEnum
CREATE TYPE "ChannelEvent" AS ENUM ('BELT_AWARDED', 'NEWSLETTER_PUBLISHED', 'OVER_RISK_BUDGET', 'COVERAGE_ALERT');

-- CreateTable
CREATE TABLE "Notification" (
    "id" BIGSERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "emailedAt" TIMESTAMPTZ(3),
    "emailId" BIGINT,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "email" "EmailChoice" NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "NotificationEmail" (
    "id" BIGSERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "digestDay" DATE,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "messageId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "NotificationEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoverageAlert" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "detail" TEXT NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CoverageAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelWebhook" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "tool" "ChatTool" NOT NULL,
    "urlEncrypted" TEXT NOT NULL,
    "urlHint" TEXT NOT NULL,
    "events" "ChannelEvent"[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelWebhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelPost" (
    "id" BIGSERIAL NOT NULL,
    "webhookId" INTEGER NOT NULL,
    "event" "ChannelEvent",
    "eventKey" TEXT,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "ChannelPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_eventKey_key" ON "Notification"("userId", "eventKey");

-- CreateIndex
CREATE INDEX "NotificationEmail_status_id_idx" ON "NotificationEmail"("status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationEmail_userId_digestDay_key" ON "NotificationEmail"("userId", "digestDay");

-- CreateIndex
CREATE INDEX "CoverageAlert_teamId_kind_idx" ON "CoverageAlert"("teamId", "kind");

-- CreateIndex
CREATE INDEX "CoverageAlert_closedAt_raisedAt_idx" ON "CoverageAlert"("closedAt", "raisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelWebhook_orgId_tool_key" ON "ChannelWebhook"("orgId", "tool");

-- CreateIndex
CREATE INDEX "ChannelPost_webhookId_id_idx" ON "ChannelPost"("webhookId", "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ChannelPost_webhookId_eventKey_key" ON "ChannelPost"("webhookId", "eventKey");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "NotificationEmail"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationEmail" ADD CONSTRAINT "NotificationEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageAlert" ADD CONSTRAINT "CoverageAlert_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelWebhook" ADD CONSTRAINT "ChannelWebhook_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelPost" ADD CONSTRAINT "ChannelPost_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "ChannelWebhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one open alert per team and kind: an alert is raised once and closes itself when its
-- condition clears (lib/server/notifications/alerts.ts); a later recurrence is a new alert.
CREATE UNIQUE INDEX "CoverageAlert_one_open" ON "CoverageAlert" ("teamId", "kind") WHERE "closedAt" IS NULL;

-- A notification links to a page of the app, never elsewhere.
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_link_in_app" CHECK (left("link", 1) = '/' AND left("link", 2) <> '//');
