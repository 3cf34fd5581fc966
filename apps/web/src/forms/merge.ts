/**
 * After a 409 `stale_version`: keep what the person changed since reading the record, and take
 * every other field from the record as it is saved now. Nobody's change is silently undone.
 */
export function mergeEdits<V extends Record<string, string>>(edited: V, read: V, current: V): V {
  const merged = { ...edited };
  for (const key of Object.keys(edited) as (keyof V)[]) {
    if (edited[key] === read[key]) merged[key] = current[key];
  }
  return merged;
}
