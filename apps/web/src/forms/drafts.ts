/**
 * Drafts of what a user is typing, kept in the tab's session storage so that a reload does not lose
 * a note in progress. Session storage dies with the tab; every draft is also wiped at logout.
 */
const PREFIX = 'jobcoach.draft.';

export function readDraft<V extends Record<string, string>>(key: string): Partial<V> | null {
  try {
    const text = sessionStorage.getItem(PREFIX + key);
    return text ? (JSON.parse(text) as Partial<V>) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, values: Record<string, string>) {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(values));
  } catch {
    // Storage full or refused: the dialog still asks before closing.
  }
}

export function discardDraft(key: string) {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // nothing kept
  }
}

/** At logout: nothing typed about a person stays in the browser. */
export function discardAllDrafts() {
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const key = sessionStorage.key(i);
      if (key?.startsWith(PREFIX)) sessionStorage.removeItem(key);
    }
  } catch {
    // nothing kept
  }
}
