import nodemailer from 'nodemailer';

/** One message as the outbox hands it to the SMTP server. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/** Sends one message, or throws. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer, from `SMTP_URL` (smtp://user:password@host:587, smtps://… for TLS from
 * the start) and `MAIL_FROM`. Short time limits: the outbox claims a message for a few minutes
 * (outbox.ts), a slow server must fail within them, and the message is tried again later.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    // ?tls=no-verify for a relay with a self-signed certificate on a private network.
    ...(url.searchParams.get('tls') === 'no-verify' ? { tls: { rejectUnauthorized: false } } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    // No logging of the exchange: it would hold the addresses and the bodies.
    logger: false,
    debug: false,
  });
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === null ? {} : { html: message.html }),
      });
    },
    close: () => transport.close(),
  };
}
