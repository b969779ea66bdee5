-- CreateTable
CREATE TABLE "MetricsVersion" (
    "topic" TEXT NOT NULL,
    "bucket" TEXT NOT NULL DEFAULT '',
    "shard" SMALLINT NOT NULL DEFAULT 0,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "MetricsVersion_pkey" PRIMARY KEY ("topic","bucket","shard")
);


-- Every write to a table the dashboards read bumps its version in the same transaction, whoever
-- writes (forms, API, the hour-logging function, import, restore, seed). Statement-level: a
-- bulk import bumps once per statement. A re-created database gets a new epoch, so figures
-- cached for an earlier one are never taken for current.
INSERT INTO "MetricsVersion" (topic, bucket, shard, version)
VALUES ('epoch', gen_random_uuid()::text, 0, 1);

CREATE FUNCTION metrics_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MetricsVersion" (topic, bucket, shard) VALUES (TG_TABLE_NAME, '', 0)
  ON CONFLICT (topic, bucket, shard) DO UPDATE SET version = "MetricsVersion".version + 1;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Program', 'Goal', 'Org', 'Team', 'GuardianMembership', 'Review',
    'ReviewParticipant', 'Finding', 'Release', 'ThreatModel', 'ThreatModelAuthor', 'Threat',
    'Feedback', 'Survey', 'SurveyQuestion', 'SurveyResponse', 'SurveyAnswer', 'Course',
    'CourseCompletion', 'BeltAward']
  LOOP
    EXECUTE format('CREATE TRIGGER metrics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION metrics_bump()', t);
  END LOOP;
END $$;

-- People: only the columns that place them in the program (a sign-in updates the row too).
CREATE TRIGGER metrics_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "teamId", "orgId" ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_bump();

-- Hours: by the quarter of the entry's date and one of eight shards by person, so hour logging
-- does not queue on one row, and a quarter's figures stay valid while hours are logged in another.
CREATE FUNCTION metrics_bump_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO "MetricsVersion" (topic, bucket, shard) VALUES ('ActivityEntry', '*', 0)
    ON CONFLICT (topic, bucket, shard) DO UPDATE SET version = "MetricsVersion".version + 1;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "MetricsVersion" (topic, bucket, shard)
    SELECT DISTINCT 'ActivityEntry', to_char(date, 'YYYY-"Q"Q'), ("userId" % 8)::smallint FROM new_rows ORDER BY 2, 3
    ON CONFLICT (topic, bucket, shard) DO UPDATE SET version = "MetricsVersion".version + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "MetricsVersion" (topic, bucket, shard)
    SELECT 'ActivityEntry', b, s FROM (
      SELECT to_char(date, 'YYYY-"Q"Q') AS b, ("userId" % 8)::smallint AS s FROM new_rows
      UNION SELECT to_char(date, 'YYYY-"Q"Q'), ("userId" % 8)::smallint FROM old_rows
    ) x ORDER BY b, s
    ON CONFLICT (topic, bucket, shard) DO UPDATE SET version = "MetricsVersion".version + 1;
  ELSE
    INSERT INTO "MetricsVersion" (topic, bucket, shard)
    SELECT DISTINCT 'ActivityEntry', to_char(date, 'YYYY-"Q"Q'), ("userId" % 8)::smallint FROM old_rows ORDER BY 2, 3
    ON CONFLICT (topic, bucket, shard) DO UPDATE SET version = "MetricsVersion".version + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER metrics_version_insert AFTER INSERT ON "ActivityEntry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_bump_activity();
CREATE TRIGGER metrics_version_update AFTER UPDATE ON "ActivityEntry"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_bump_activity();
CREATE TRIGGER metrics_version_delete AFTER DELETE ON "ActivityEntry"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_bump_activity();
CREATE TRIGGER metrics_version_truncate AFTER TRUNCATE ON "ActivityEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_bump_activity();
