/** The service APIs the portal stands on; it keeps no data of its own. */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface ApiRequest {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One service's HTTP API: a path (with query) and the request; JSON in, JSON out. */
export type ServiceApi = (path: string, init?: ApiRequest) => Promise<ApiAnswer>;

export interface ServiceApis {
  intake: ServiceApi;
  counselling: ServiceApi;
  followUp: ServiceApi;
  metrics: ServiceApi;
  /** The journey bridge (workflows/): journeys in Temporal, mentorships. */
  journeys: ServiceApi;
}

export type ServiceUrls = Record<keyof ServiceApis, string>;

async function call(base: string, path: string, init: ApiRequest = {}): Promise<ApiAnswer> {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, body: parseBody(text) };
}

/** Services answer JSON; anything else is kept as text for the log, never shown raw. */
function parseBody(text: string): Record<string, unknown> {
  if (text === '') return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { raw: text };
  }
}

const apiAt =
  (base: string): ServiceApi =>
  (path, init) =>
    call(base, path, init);

export function serviceApis(urls: ServiceUrls): ServiceApis {
  return {
    intake: apiAt(urls.intake),
    counselling: apiAt(urls.counselling),
    followUp: apiAt(urls.followUp),
    metrics: apiAt(urls.metrics),
    journeys: apiAt(urls.journeys),
  };
}
