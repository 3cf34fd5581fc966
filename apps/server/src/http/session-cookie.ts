import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE, type SessionPolicy } from '../auth/sessions.ts';

/** The session policy of the server's configuration (auth/sessions.ts). */
export function sessionPolicyOf(config: {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}): SessionPolicy {
  return { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
}

/** Hands a new session to the browser: an HTTP-only cookie for the session's whole life. */
export function setSessionCookie(reply: FastifyReply, token: string) {
  const { config } = reply.server.deps;
  return reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

/** Ends the session in the browser too. */
export function clearSessionCookie(reply: FastifyReply) {
  return reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
