import { localStackEnv } from './resolve/local-stack';

/** The SMTP sink (maildev) of the local stack: where mails go, and where to read them. */
export interface MailSink {
  smtpUrl: string;
  webUrl: string;
}

/** One mail as maildev's REST API (`GET /api/email`) lists it; only what tests read. */
export interface SinkMail {
  id: string;
  subject: string;
  to: { address: string; name?: string }[];
  text?: string;
  /** Lower-case header names, e.g. `message-id`. */
  headers: Record<string, string>;
}

/**
 * SMTP_URL and MAIL_WEB_URL from the environment, else from `infra/local/stack env`. Fails
 * loudly when the sink does not answer: a mail test never passes without a real SMTP server.
 */
export async function mailSink(): Promise<MailSink> {
  let smtpUrl = process.env.SMTP_URL?.trim();
  let webUrl = process.env.MAIL_WEB_URL?.trim();
  if (!smtpUrl || !webUrl) {
    const env = await localStackEnv();
    smtpUrl = env.SMTP_URL;
    webUrl = env.MAIL_WEB_URL;
  }
  if (!smtpUrl || !webUrl) {
    throw new Error('no SMTP sink: set SMTP_URL and MAIL_WEB_URL, or run infra/local/stack up');
  }
  const answer = await fetch(`${webUrl}/api/email`).catch((error: unknown) => error);
  if (!(answer instanceof Response) || !answer.ok) {
    throw new Error(`the SMTP sink at ${webUrl} does not answer: run infra/local/stack up`);
  }
  return { smtpUrl, webUrl };
}

/** Every mail the sink holds. */
export async function sinkMails(sink: MailSink): Promise<SinkMail[]> {
  const response = await fetch(`${sink.webUrl}/api/email`);
  return (await response.json()) as SinkMail[];
}
