import type { Db } from '../application/database.ts';
import { notFound } from '../application/errors.ts';

/** A user's live sessions, the most recently used first; `current` marks the caller's own. */
export async function listSessions(db: Db, userId: string, currentHash: string | null, now: Date) {
  const rows = await db
    .selectFrom('session')
    .select(['id', 'id_hash', 'created_at', 'last_seen_at', 'expires_at', 'client_address', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    clientAddress: r.client_address,
    userAgent: r.user_agent,
    current: r.id_hash === currentHash,
  }));
}

/** 404 « Utilisateur introuvable. » for an unknown account. */
export async function assertUserExists(db: Db, userId: string) {
  const found = await db.selectFrom('app_user').select('id').where('id', '=', userId).executeTakeFirst();
  if (!found) throw notFound('Utilisateur');
}
