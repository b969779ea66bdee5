// The fields an audit entry changed, readable: labels, formatted values, ids as names.
import { asRecord, type NameBook } from "./names";
import { fieldLabel, formatValue } from "./values";

export type FieldChange = {
  field: string;
  label: string;
  /** null: no value (or the record did not exist yet / any more). */
  before: string | null;
  after: string | null;
};

/** Bookkeeping every row carries; they say nothing about the change. */
const HIDDEN = new Set(["id", "createdAt", "updatedAt"]);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields that differ between `before` and `after`, in the order the record lists them. A
 * record created (no before) lists the values it was given; one deleted, the values it had.
 * Values that are not objects (a bare number, say) are not fields: the raw record shows them.
 */
export function auditChanges(
  entity: string,
  before: unknown,
  after: unknown,
  names: NameBook,
): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (HIDDEN.has(field)) continue;
    const was = b?.[field];
    const now = a?.[field];
    // A partial `before` ({ status }) beside a whole `after` row: only the fields both name changed.
    if (b && a && !(field in b)) continue;
    if (same(was, now)) continue;
    const change = {
      field,
      label: fieldLabel(field),
      before: formatValue(entity, field, was, names),
      after: formatValue(entity, field, now, names),
    };
    if (change.before === null && change.after === null) continue;
    changes.push(change);
  }
  return changes;
}
