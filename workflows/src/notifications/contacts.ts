import { z } from 'zod';

/** What the notification needs from intake's staff view of an application. */
const applicationSchema = z.object({
  details: z
    .object({
      contact: z.object({ name: z.string(), email: z.string() }),
      language: z.string(),
    })
    .optional(),
});

export interface FounderContact {
  name: string;
  email: string;
  language: string;
}

export interface ContactSource {
  /** Undefined when intake has erased the founder's details. */
  contactOf(applicationId: string): Promise<FounderContact | undefined>;
}

/**
 * Personal data stays in intake: the worker asks for it at send time with its service identity
 * (a staff bearer token), and intake audits the read. Nothing is cached.
 */
export function intakeContacts(options: {
  intakeUrl: string;
  token: () => Promise<string>;
  fetch?: typeof fetch;
}): ContactSource {
  const call = options.fetch ?? fetch;
  return {
    async contactOf(applicationId) {
      const response = await call(`${options.intakeUrl}/applications/${applicationId}`, {
        headers: { authorization: `Bearer ${await options.token()}`, accept: 'application/json' },
        signal: AbortSignal.timeout(8_000),
      });
      if (response.status === 404) return undefined;
      if (!response.ok) throw new Error(`intake answered ${response.status}; will retry`);
      const { details } = applicationSchema.parse(await response.json());
      if (details === undefined || details.contact.email === '') return undefined;
      return { ...details.contact, language: details.language };
    },
  };
}
