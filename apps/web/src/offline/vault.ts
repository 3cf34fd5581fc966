// The device's store for work without a network: IndexedDB, every value sealed with AES-GCM under
// the session's key (GET /api/auth/offline-key). The key lives in this tab only (memory and
// sessionStorage, which survives a reload but not the tab); the server forgets it at logout or
// expiry, and `wipeOffline` deletes the database: without the key nothing kept here is readable.

import { api } from '../api.ts';

const DB_NAME = 'jobcoach-offline';
const KEY_ITEM = 'jobcoach.offline.key';
const ME_ITEM = 'jobcoach.offline.me';
export const STORES = ['files', 'outbox'] as const;
export type StoreName = (typeof STORES)[number];

interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

let key: Promise<CryptoKey | null> | null = null;
let opened: Promise<IDBDatabase> | null = null;

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function loadKey(): Promise<CryptoKey | null> {
  let raw = sessionStorage.getItem(KEY_ITEM);
  if (!raw) {
    raw = (await api.get<{ key: string | null }>('/api/auth/offline-key')).key;
    if (!raw) return null;
    sessionStorage.setItem(KEY_ITEM, raw);
  }
  return crypto.subtle.importKey('raw', fromBase64Url(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** The session's key (asked of the server once per tab); null when there is none to be had. */
export function sessionKey(): Promise<CryptoKey | null> {
  key ??= loadKey().catch(() => {
    key = null;
    return null;
  });
  return key;
}

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      for (const name of STORES) request.result.createObjectStore(name);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab logging out deletes the database: let it.
      db.onversionchange = () => {
        db.close();
        opened = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opened = null;
      reject(request.error);
    };
  });
  return opened;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function objectStore(name: StoreName, mode: IDBTransactionMode) {
  return (await open()).transaction(name, mode).objectStore(name);
}

/** Seals and keeps a value; false when the session has no key (nothing is kept then). */
export async function put(store: StoreName, id: string, value: unknown): Promise<boolean> {
  const cryptoKey = await sessionKey();
  if (!cryptoKey) return false;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const sealed: Sealed = { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, cryptoKey, plain) };
  await done((await objectStore(store, 'readwrite')).put(sealed, id));
  return true;
}

async function unseal<T>(sealed: Sealed | undefined): Promise<T | undefined> {
  const cryptoKey = await sessionKey();
  if (!sealed || !cryptoKey) return undefined;
  try {
    const iv = new Uint8Array(sealed.iv);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, cryptoKey, sealed.data);
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    // Sealed under another session's key: unreadable, as intended.
    return undefined;
  }
}

export async function get<T>(store: StoreName, id: string): Promise<T | undefined> {
  return unseal<T>(await done((await objectStore(store, 'readonly')).get(id) as IDBRequest<Sealed>));
}

/** Every readable value of a store, by id. */
export async function all<T>(store: StoreName): Promise<Map<string, T>> {
  const os = await objectStore(store, 'readonly');
  const [ids, values] = await Promise.all([done(os.getAllKeys()), done(os.getAll() as IDBRequest<Sealed[]>)]);
  const out = new Map<string, T>();
  for (let i = 0; i < ids.length; i++) {
    const value = await unseal<T>(values[i]);
    if (value !== undefined) out.set(String(ids[i]), value);
  }
  return out;
}

export async function remove(store: StoreName, id: string): Promise<void> {
  await done((await objectStore(store, 'readwrite')).delete(id));
}

/**
 * Forgets everything kept for work without a network: the key and the database (logout, an
 * expired session, another organisation). Waits until the database is gone.
 */
export async function wipeOffline(): Promise<void> {
  key = null;
  sessionStorage.removeItem(KEY_ITEM);
  sessionStorage.removeItem(ME_ITEM);
  const db = opened ? await opened.catch(() => null) : null;
  db?.close();
  opened = null;
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

/**
 * The signed-in user as last answered by the server, kept in this tab so that the app opens
 * without a network (the user's own name and organisations; nothing about the persons).
 */
export function rememberMe(me: unknown): void {
  if (me) sessionStorage.setItem(ME_ITEM, JSON.stringify(me));
  else sessionStorage.removeItem(ME_ITEM);
}

export function rememberedMe<T>(): T | null {
  const text = sessionStorage.getItem(ME_ITEM);
  return text ? (JSON.parse(text) as T) : null;
}
