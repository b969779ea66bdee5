-- CreateIndex
CREATE INDEX "Notification_emailId_idx" ON "Notification"("emailId");

