-- CreateIndex
CREATE INDEX "ActivityEntry_threatModelId_idx" ON "ActivityEntry"("threatModelId");

-- CreateIndex
CREATE INDEX "AuditLog_orgId_at_idx" ON "AuditLog"("orgId", "at");


-- Checks PostgreSQL can hold (not expressible in schema.prisma). The demo data, the CSV import
-- (lib/import/spec-*.ts refuses such rows with file, line and column) and the services already
-- keep to them; the database now refuses any other writer too.
ALTER TABLE "Review" ADD CONSTRAINT "Review_started_after_requested" CHECK ("startedAt" IS NULL OR "startedAt" >= "requestedAt");
ALTER TABLE "Review" ADD CONSTRAINT "Review_completed_after_started" CHECK ("completedAt" IS NULL OR "startedAt" IS NULL OR "completedAt" >= "startedAt");
ALTER TABLE "GuardianMembership" ADD CONSTRAINT "GuardianMembership_active_after_nominated" CHECK ("activeOn" IS NULL OR "activeOn" >= "nominatedOn");
ALTER TABLE "ThreatModel" ADD CONSTRAINT "ThreatModel_approved_after_created" CHECK ("approvedOn" IS NULL OR "approvedOn" >= "createdOn");
-- A closed finding (mitigated, accepted, false positive) has its closing date; an open one has none.
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_closed_has_date" CHECK (("status" = 'OPEN') = ("closedOn" IS NULL));

-- The default review runbook, so an install without demo data starts with a checklist.
-- Only into an empty runbook: items a lead has renamed or retired are not brought back.
INSERT INTO "RunbookItem" ("label", "position")
SELECT item.label, item.position - 1
FROM unnest(ARRAY['Threat model reviewed', 'Data classification', 'Authentication and authorisation', 'Logging and monitoring', 'Dependencies', 'Secrets management']) WITH ORDINALITY AS item(label, position)
WHERE NOT EXISTS (SELECT 1 FROM "RunbookItem");
