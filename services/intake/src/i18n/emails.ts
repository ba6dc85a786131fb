import type { Application } from '../domain/application';
import type { Catalogue } from '@grunderboost/i18n';

export interface Email {
  to: string;
  subject: string;
  text: string;
  /** The language it is written in, for the Content-Language header. */
  language: string;
}

/** Dates in e-mails as the founder's language writes them, in Norwegian time. */
function longDate(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(
    date,
  );
}

/**
 * The confirmation a founder receives after applying, in their preferred language, with their
 * personal status link. Delivery (SMTP) belongs to the notifications of the journey workflows.
 */
export function confirmationEmail(
  application: Application,
  link: { url: string; expiresAt: Date },
  catalogue: Catalogue,
): Email {
  const language = catalogue.has(application.language)
    ? application.language
    : catalogue.defaultLanguage;
  return {
    to: application.contact.email,
    language,
    subject: catalogue.t(language, 'email.confirmation.subject'),
    text: catalogue.t(language, 'email.confirmation.body', {
      name: application.contact.name,
      link: link.url,
      expires: longDate(link.expiresAt, language),
    }),
  };
}

/** The news of a triage decision, with the reasons in the founder's language. */
export function triageEmail(
  application: Application,
  linkUrl: string,
  catalogue: Catalogue,
): Email {
  const language = catalogue.has(application.language)
    ? application.language
    : catalogue.defaultLanguage;
  const reasons = (application.triage?.reasonCodes ?? [])
    .map((code) => `- ${catalogue.t(language, `triage.reason.${code}`)}`)
    .join('\n');
  return {
    to: application.contact.email,
    language,
    subject: catalogue.t(language, 'email.triaged.subject'),
    text: catalogue.t(language, 'email.triaged.body', {
      name: application.contact.name,
      status: catalogue.t(language, `status.${application.status}`),
      reasons,
      link: linkUrl,
    }),
  };
}
