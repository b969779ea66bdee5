-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "externalSource" TEXT;

-- AlterTable
ALTER TABLE "ThreatModel" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "externalSource" TEXT;

-- AlterTable
ALTER TABLE "Threat" ADD COLUMN     "description" TEXT,
ADD COLUMN     "externalId" TEXT;

-- CreateTable
CREATE TABLE "JiraIssueLink" (
    "reviewId" INTEGER NOT NULL,
    "issueKey" TEXT NOT NULL,
    "issueUrl" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JiraIssueLink_pkey" PRIMARY KEY ("reviewId")
);

-- CreateTable
CREATE TABLE "JiraDelivery" (
    "deliveryId" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewId" INTEGER,

    CONSTRAINT "JiraDelivery_pkey" PRIMARY KEY ("deliveryId")
);

-- CreateTable
CREATE TABLE "JiraComment" (
    "id" BIGSERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "eventKey" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "JiraComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JiraIssueLink_issueKey_idx" ON "JiraIssueLink"("issueKey");

-- CreateIndex
CREATE INDEX "JiraDelivery_receivedAt_idx" ON "JiraDelivery"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "JiraComment_reviewId_eventKey_key" ON "JiraComment"("reviewId", "eventKey");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_reviewId_externalSource_externalId_key" ON "Finding"("reviewId", "externalSource", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ThreatModel_teamId_externalSource_externalId_key" ON "ThreatModel"("teamId", "externalSource", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Threat_threatModelId_externalId_key" ON "Threat"("threatModelId", "externalId");

-- AddForeignKey
ALTER TABLE "JiraIssueLink" ADD CONSTRAINT "JiraIssueLink_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JiraComment" ADD CONSTRAINT "JiraComment_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "JiraIssueLink"("reviewId") ON DELETE CASCADE ON UPDATE CASCADE;

