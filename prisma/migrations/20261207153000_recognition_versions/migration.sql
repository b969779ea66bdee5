-- A guardian's own standing (lib/server/recognition/standing.ts) is cached under the data's
-- version like the dashboards' figures, and it leaves out people who hid themselves from
-- recognition or were deactivated: changing either column now bumps the version too.
DROP TRIGGER metrics_version ON "User";
CREATE TRIGGER metrics_version AFTER INSERT OR DELETE OR TRUNCATE
  OR UPDATE OF "teamId", "orgId", "hideFromRecognition", "deactivatedAt" ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_bump();
