import { createHash } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { SendNotificationInput, SendNotificationResult } from '../activities/types';
import type { Catalogue } from './catalogue';
import type { ContactSource, FounderContact } from './contacts';
import type { SentNotifications, SentRecord } from './sent-store';

export interface NotifierOptions {
  store: SentNotifications;
  contacts: ContactSource;
  catalogue: Catalogue;
  transport: Pick<Transporter, 'sendMail'>;
  from: string;
  /** Where escalations go: the lead counsellors' shared address (read in bokmål). */
  leadAddress: string;
  logger: Logger;
}

/** The Message-ID of a notification, derived from its key: the same mail, the same id. */
export function messageIdOf(key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `<${hash}@journeys.grunderboost.local>`;
}

function answerFor(record: SentRecord, logger: Logger): SendNotificationResult {
  if (record.status === 'sent') return { status: 'already-sent', messageId: record.messageId };
  // An attempt claimed the key and died before recording the outcome: the mail may have gone
  // out. At most once: we never send it again (see docs/adr/0006).
  logger.warn({ key: record._id }, 'notification outcome unknown after a crash; not sent again');
  return { status: 'possibly-sent', messageId: record.messageId };
}

/**
 * Sends each notification key at most once across activity retries and worker crashes:
 * the key is claimed in MongoDB before the SMTP transaction and marked sent after it.
 */
export function createNotifier(options: NotifierOptions) {
  const { store, logger } = options;
  const recipientOf = async (input: SendNotificationInput) =>
    input.recipient === 'lead'
      ? ({ name: 'leder', email: options.leadAddress, language: 'nb' } satisfies FounderContact)
      : options.contacts.contactOf(input.applicationId);

  return async function sendNotification(
    input: SendNotificationInput,
  ): Promise<SendNotificationResult> {
    const earlier = await store.find(input.key);
    if (earlier !== undefined) return answerFor(earlier, logger);
    const recipient = await recipientOf(input);
    if (recipient === undefined) return { status: 'no-address' };
    const mail = options.catalogue.render(input.kind, recipient.language, {
      ...input.params,
      name: recipient.name,
      applicationId: input.applicationId,
    });
    const messageId = messageIdOf(input.key);
    if (!(await store.claim({ _id: input.key, messageId, kind: input.kind }))) {
      const holder = await store.find(input.key);
      if (holder !== undefined) return answerFor(holder, logger);
      throw new Error(`notification ${input.key} claimed and released meanwhile; will retry`);
    }
    try {
      await options.transport.sendMail({
        from: options.from,
        to: { name: recipient.name, address: recipient.email },
        subject: mail.subject,
        text: mail.text,
        messageId,
        headers: { 'X-Grunderboost-Notification': input.key, 'Content-Language': mail.language },
      });
    } catch (error) {
      // Refused or unreachable: nothing was accepted, so a retry may claim and send again.
      await store.release(input.key);
      throw error;
    }
    await store.markSent(input.key);
    return { status: 'sent', messageId };
  };
}
