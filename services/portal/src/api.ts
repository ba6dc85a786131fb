/** The service APIs the portal stands on; it keeps no data of its own. */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface ServiceApis {
  intake(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiAnswer>;
  metrics(path: string, headers?: Record<string, string>): Promise<ApiAnswer>;
}

async function call(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
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

export function serviceApis(urls: { intake: string; metrics: string }): ServiceApis {
  return {
    intake: (path, init) => call(urls.intake, path, init),
    metrics: (path, headers) => call(urls.metrics, path, headers === undefined ? {} : { headers }),
  };
}
