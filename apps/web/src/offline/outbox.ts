import type { ContactBody } from '@jobcoach/contract';
import { ApiError, api } from '../api.ts';
import { all, put, remove } from './vault.ts';

/**
 * Contacts written down on the device wait here (sealed, IndexedDB) until the server has them.
 * Each carries the id the device gave it (`clientId`): the server records it once however often
 * it is sent. They are sent in the order they were written, one at a time; a refusal (4xx) keeps
 * the item with the server's reason until the coach copies or discards it, and the next ones go
 * on; a network failure stops the round until the network returns.
 */
export interface OutboxItem {
  clientId: string;
  personId: string;
  personName: string;
  body: ContactBody;
  /** When it was written down (ISO), the sending order. */
  createdAt: string;
  /** The server's refusal, kept for the coach. */
  refused: { status: number; message: string } | null;
}

type Listener = () => void;
const listeners = new Set<Listener>();
const changed = () => {
  for (const listener of listeners) listener();
};

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function outboxItems(): Promise<OutboxItem[]> {
  const items = [...(await all<OutboxItem>('outbox')).values()];
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Writes a contact down on the device; false when the session has no key to seal it with. */
export async function enqueue(
  item: Omit<OutboxItem, 'clientId' | 'createdAt' | 'refused'>,
): Promise<boolean> {
  const clientId = crypto.randomUUID();
  const full: OutboxItem = { ...item, clientId, createdAt: new Date().toISOString(), refused: null };
  const ok = await put('outbox', clientId, full);
  changed();
  return ok;
}

export async function discard(clientId: string): Promise<void> {
  await remove('outbox', clientId);
  changed();
}

let running: Promise<void> | null = null;

/** Sends what waits, in order; at most one round at a time. */
export function flush(onSent?: (item: OutboxItem) => void): Promise<void> {
  running ??= (async () => {
    try {
      for (const item of await outboxItems()) {
        if (item.refused) continue;
        try {
          await api.post(`/api/persons/${item.personId}/contacts`, { ...item.body, clientId: item.clientId });
          await remove('outbox', item.clientId);
          onSent?.(item);
        } catch (error) {
          if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) return;
          if (error.status === 401) return;
          await put('outbox', item.clientId, {
            ...item,
            refused: { status: error.status, message: error.message },
          });
        } finally {
          changed();
        }
      }
    } finally {
      running = null;
    }
  })();
  return running;
}
