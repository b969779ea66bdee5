-- Hour logging in one statement: the busiest write of the app (lib/server/activity/service.ts).
-- Under a per-person lock, so two tabs cannot together pass the day's limit: a second submit
-- of the same idempotency key answers with the first entry; otherwise the day's total is read
-- (a fresh snapshot, after the lock) and the entry, its first version and its audit record are
-- written together, or nothing when the day would pass `max_quarter_hours`. `created` says
-- which; `day_quarter_hours` is the day's total before this entry.
CREATE FUNCTION guardians_log_activity(
  p_user_id INTEGER, p_date DATE, p_quarter_hours INTEGER, p_type "ActivityType", p_note TEXT,
  p_idempotency_key TEXT, p_review_id INTEGER, p_threat_model_id INTEGER, max_quarter_hours INTEGER
) RETURNS TABLE (
  id BIGINT, date DATE, "quarterHours" INTEGER, type TEXT, "reviewId" INTEGER, "threatModelId" INTEGER,
  note TEXT, version INTEGER, created BOOLEAN, day_quarter_hours INTEGER
) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  e "ActivityEntry"%ROWTYPE;
  day_total INTEGER;
BEGIN
  PERFORM pg_advisory_xact_lock(7001, p_user_id);
  SELECT * INTO e FROM "ActivityEntry" a WHERE a."userId" = p_user_id AND a."idempotencyKey" = p_idempotency_key;
  IF FOUND THEN
    RETURN QUERY SELECT e.id, e.date, e."quarterHours", e.type::text, e."reviewId", e."threatModelId", e.note, e.version, FALSE, NULL::INTEGER;
    RETURN;
  END IF;
  SELECT coalesce(sum(a."quarterHours"), 0)::INTEGER INTO day_total FROM "ActivityEntry" a
    WHERE a."userId" = p_user_id AND a.date = p_date AND a."deletedAt" IS NULL;
  IF day_total + p_quarter_hours > max_quarter_hours THEN
    RETURN QUERY SELECT NULL::BIGINT, p_date, p_quarter_hours, p_type::text, p_review_id, p_threat_model_id, p_note, NULL::INTEGER, FALSE, day_total;
    RETURN;
  END IF;
  INSERT INTO "ActivityEntry" ("userId", date, "quarterHours", type, note, "idempotencyKey", "reviewId", "threatModelId", "updatedAt")
    VALUES (p_user_id, p_date, p_quarter_hours, p_type, p_note, p_idempotency_key, p_review_id, p_threat_model_id, now())
    RETURNING * INTO e;
  INSERT INTO "ActivityEntryVersion" ("entryId", version, date, "quarterHours", type, note, "reviewId", "threatModelId", "changedById")
    VALUES (e.id, 1, e.date, e."quarterHours", e.type, e.note, e."reviewId", e."threatModelId", p_user_id);
  INSERT INTO "AuditLog" ("actorId", action, entity, "entityId", after)
    VALUES (p_user_id, 'create', 'ActivityEntry', e.id::text, jsonb_build_object(
      'id', e.id, 'date', e.date, 'quarterHours', e."quarterHours", 'type', e.type, 'reviewId', e."reviewId",
      'threatModelId', e."threatModelId", 'note', e.note, 'version', e.version));
  RETURN QUERY SELECT e.id, e.date, e."quarterHours", e.type::text, e."reviewId", e."threatModelId", e.note, e.version, TRUE, day_total;
END
$$;
