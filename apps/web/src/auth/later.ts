/**
 * Invitations the user chose to answer later: not asked again until the next login (or a reload of
 * the page). Kept in memory only.
 */
const later = new Set<string>();

export function answerLater(ids: readonly string[]): void {
  for (const id of ids) later.add(id);
}

/** Whether every one of these invitations was put off. */
export function allPutOff(ids: readonly string[]): boolean {
  return ids.every((id) => later.has(id));
}

export function forgetPutOff(): void {
  later.clear();
}
