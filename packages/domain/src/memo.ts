/**
 * A function of one text, remembered: for the pure functions the ranking calls with the same few
 * thousand texts on every answer (place names, offer titles). The memo is emptied when it grows
 * past `max` entries, so it never holds much; what it returns is shared between callers, so it must
 * not be changed (frozen where it is an object the caller could change).
 */
export function memoizedByText<T>(compute: (text: string) => T, max: number): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    const value = compute(text);
    if (known.size >= max) known.clear();
    known.set(text, value);
    return value;
  };
}
