-- Search by name, email or key (lib/server/search): ILIKE '%text%' answered by trigram indexes.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Team_name_idx" ON "Team" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Team_key_idx" ON "Team" USING GIN ("key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_email_idx" ON "User" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Review_service_idx" ON "Review" USING GIN ("service" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Review_key_idx" ON "Review" USING GIN ("key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Release_name_idx" ON "Release" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Release_key_idx" ON "Release" USING GIN ("key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ThreatModel_system_idx" ON "ThreatModel" USING GIN ("system" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ThreatModel_key_idx" ON "ThreatModel" USING GIN ("key" gin_trgm_ops);

