import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/passwords.ts';
import { loadConfig } from '../config.ts';
import { openMigrated } from './database.ts';

export async function createAdmin(email: string, name: string) {
  const config = loadConfig();
  const { handle } = await openMigrated(config, 'jobcoach create-admin');
  try {
    const normalised = email.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(normalised)) throw new Error(`not an e-mail address: ${email}`);
    const temporary = randomBytes(12).toString('base64url');
    const existing = await handle.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', normalised)
      .executeTakeFirst();
    if (existing) throw new Error(`a user with this e-mail already exists`);
    await handle.db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto('app_user')
        .values({
          email: normalised,
          name: name.trim(),
          password_hash: await hashPassword(temporary),
          is_admin: true,
          must_change_password: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('audit_log')
        .values({ action: 'create_admin_cli', entity: 'user', entity_id: user.id })
        .execute();
    });
    console.log(`Administrator created: ${normalised}`);
    console.log(`Temporary password (to change at first login): ${temporary}`);
  } finally {
    await handle.close();
  }
}
