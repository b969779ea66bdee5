-- CreateIndex
CREATE INDEX "Review_requestedAt_id_idx" ON "Review"("requestedAt" DESC, "id" DESC);

