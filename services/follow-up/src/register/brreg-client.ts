import { backoffDelay, sleep } from '@grunderboost/messaging';
import type { CompanyRegister } from '../app/ports';
import type { RegisterAnswer } from '../domain/registration';
import { brregEntitySchema, brregGoneSchema, toRegisterEntity } from './brreg-response';

export interface BrregClientOptions {
  /** e.g. https://data.brreg.no/enhetsregisteret/api (no trailing slash needed). */
  baseUrl: string;
  timeoutMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  backoffMs: number;
}

/** The register gave no usable answer (down, slow, or an answer of the wrong shape). */
export class RegisterUnavailableError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
  ) {
    super(message);
    this.name = 'RegisterUnavailableError';
  }
}

type Attempt =
  { done: true; answer: RegisterAnswer } | { done: false; error: RegisterUnavailableError };

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RegisterUnavailableError('the register answered with malformed JSON', false);
  }
}

/** One request; 5xx, timeouts and network errors are retriable, everything else is final. */
async function attempt(url: string, timeoutMs: number): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // A DOMException, which is no Error subclass in every realm: compare the name only.
    const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
    const reason = timedOut ? 'timed out' : 'failed';
    return {
      done: false,
      error: new RegisterUnavailableError(`the register request ${reason}`, true),
    };
  }
  if (response.status >= 500) {
    await response.body?.cancel();
    return {
      done: false,
      error: new RegisterUnavailableError(`the register answered ${response.status}`, true),
    };
  }
  return { done: true, answer: await interpret(response) };
}

async function interpret(response: Response): Promise<RegisterAnswer> {
  if (response.status === 404) {
    await response.body?.cancel();
    return { kind: 'not-found' };
  }
  if (response.status === 410) {
    // Deleted or removed entities; the body is optional information, not required.
    const gone = brregGoneSchema.safeParse(await readJson(response).catch(() => ({})));
    const deletedOn = gone.success ? gone.data.slettedato : undefined;
    return { kind: 'gone', ...(deletedOn === undefined ? {} : { deletedOn }) };
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new RegisterUnavailableError(`the register answered ${response.status}`, false);
  }
  const parsed = brregEntitySchema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new RegisterUnavailableError('the register answered in an unexpected shape', false);
  }
  return { kind: 'found', entity: toRegisterEntity(parsed.data) };
}

/** Enhetsregisteret's open API: `GET {base}/enheter/{orgnr}`, with timeouts and retries. */
export function brregClient(options: BrregClientOptions): CompanyRegister {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async lookUp(organisationNumber) {
      if (!/^\d{9}$/.test(organisationNumber)) {
        throw new TypeError('an organisation number has nine digits');
      }
      const url = `${base}/enheter/${organisationNumber}`;
      let last: RegisterUnavailableError | undefined;
      for (let n = 1; n <= options.maxAttempts; n += 1) {
        if (n > 1) {
          await sleep(backoffDelay(n - 1, { initialMs: options.backoffMs, maxMs: 5_000 }));
        }
        const result = await attempt(url, options.timeoutMs);
        if (result.done) return result.answer;
        last = result.error;
      }
      throw last ?? new RegisterUnavailableError('the register was not asked', false);
    },
  };
}
