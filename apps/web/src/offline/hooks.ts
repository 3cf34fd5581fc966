import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { flush, type OutboxItem, outboxItems, subscribe } from './outbox.ts';

function subscribeOnline(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

/** Whether the browser has a network (what it says; a request may still fail). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** The contacts waiting on the device, kept current as they are written down and sent. */
export function useOutbox(): OutboxItem[] {
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => {
      outboxItems()
        .then((list) => live && setItems(list))
        .catch(() => undefined);
    };
    load();
    const unsubscribe = subscribe(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return items;
}

/**
 * Sends the waiting contacts whenever the network is there (at start, when it returns): the
 * person's file and the employer's page are read again once a contact has reached the server.
 */
export function useOutboxSender(): void {
  const online = useOnline();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!online) return;
    void flush(() => queryClient.invalidateQueries()).catch(() => undefined);
  }, [online, queryClient]);
}
