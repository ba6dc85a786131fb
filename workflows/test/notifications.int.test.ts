import mongoose from 'mongoose';
import nodemailer from 'nodemailer';
import pino from 'pino';
import {
  mailSink,
  mongoUrlFor,
  sinkMails,
  uniqueDatabase,
  uniqueName,
  type MailSink,
} from '@grunderboost/testkit';
import {
  createNotifier,
  loadCatalogue,
  messageIdOf,
  mongoSentNotifications,
  type SendNotificationInput,
} from '../src';
import type { ContactSource, FounderContact } from '../src/notifications/contacts';

let sink: MailSink;
let connection: mongoose.Connection;

beforeAll(async () => {
  sink = await mailSink();
  connection = await mongoose.createConnection(mongoUrlFor(uniqueDatabase('notify'))).asPromise();
});

afterAll(async () => {
  await connection?.close();
});

/** Stands in for intake's API (tested in intake); the store and SMTP server are real. */
const contacts = (contact: FounderContact | undefined): ContactSource => ({
  contactOf: async () => contact,
});
const kari = { name: 'Kari Nordmann', email: 'kari@example.no', language: 'nb' };

function notifier(options: { contact?: FounderContact; smtpUrl?: string } = {}) {
  return createNotifier({
    store: mongoSentNotifications(connection),
    contacts: contacts('contact' in options ? options.contact : kari),
    catalogue: loadCatalogue(),
    transport: nodemailer.createTransport(options.smtpUrl ?? sink.smtpUrl),
    from: 'Gründerboost <ikke-svar@grunderboost.local>',
    leadAddress: 'leder@grunderboost.local',
    logger: pino({ level: 'silent' }),
  });
}

const input = (kind: SendNotificationInput['kind'] = 'first-session-reminder') => ({
  key: `FounderJourney:${uniqueName('f')}:${kind}:0`,
  kind,
  recipient: 'founder' as const,
  founderId: 'f',
  applicationId: 'a',
});

const mailsWithKey = async (key: string) =>
  (await sinkMails(sink)).filter((mail) => mail.headers['x-grunderboost-notification'] === key);

describe('notifications over SMTP, at most once per key', () => {
  it('sends a mail in the founder language once, however often the activity runs', async () => {
    const send = notifier();
    const request = input();
    await expect(send(request)).resolves.toEqual({
      status: 'sent',
      messageId: messageIdOf(request.key),
    });
    await expect(send(request)).resolves.toMatchObject({ status: 'already-sent' });

    const mails = await mailsWithKey(request.key);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Husk å bestille din første veiledningstime');
    expect(mails[0]?.headers['message-id']).toBe(messageIdOf(request.key));
    expect(mails[0]?.to).toEqual([{ address: 'kari@example.no', name: 'Kari Nordmann' }]);
    expect(mails[0]?.text).toContain('Hei Kari Nordmann');
  });

  it('writes in English to an English-speaking founder and to languages without a file', async () => {
    for (const language of ['en', 'so']) {
      const request = input('follow-up');
      await notifier({ contact: { ...kari, language } })({ ...request, params: { months: '6' } });
      const [mail] = await mailsWithKey(request.key);
      expect(mail?.subject).toBe('Follow-up: 6 months since your company was registered');
    }
  });

  it('sends one mail when attempts of one activity race', async () => {
    const send = notifier();
    const request = input();
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(request)));
    expect(answers.filter((answer) => answer.status === 'sent')).toHaveLength(1);
    expect(await mailsWithKey(request.key)).toHaveLength(1);
  });

  it('lets a retry send when the SMTP server was unreachable', async () => {
    const request = input();
    await expect(notifier({ smtpUrl: 'smtp://127.0.0.1:9' })(request)).rejects.toThrow();
    expect(await mailsWithKey(request.key)).toHaveLength(0);
    await expect(notifier()(request)).resolves.toMatchObject({ status: 'sent' });
    expect(await mailsWithKey(request.key)).toHaveLength(1);
  });

  it('never sends again after a crash between claiming and recording', async () => {
    const request = input();
    // What an attempt leaves behind when the worker dies during the SMTP transaction.
    await mongoSentNotifications(connection).claim({
      _id: request.key,
      messageId: messageIdOf(request.key),
      kind: request.kind,
    });
    await expect(notifier()(request)).resolves.toMatchObject({ status: 'possibly-sent' });
    expect(await mailsWithKey(request.key)).toHaveLength(0);
  });

  it('sends nothing when intake no longer has an address (erased)', async () => {
    const request = input();
    await expect(notifier({ contact: undefined })(request)).resolves.toEqual({
      status: 'no-address',
    });
    expect(await mailsWithKey(request.key)).toHaveLength(0);
  });
});
