import { readFile } from 'node:fs/promises';

/**
 * What one schemathesis run did, read from its NDJSON report: each `ScenarioFinished` event
 * records the cases it generated, the interaction (request and response) of each case and the
 * checks run on each response.
 */
export interface RunCounts {
  requests: number;
  serverErrors: number;
  /** Responses that broke their document: a conformance check failed on them. */
  schemaViolations: number;
  failures: string[];
  /** Scenarios schemathesis could not run (its own errors: bad schema, connection refused). */
  errors: string[];
  finished: boolean;
}

/** Checks about the response matching what the document says of it. */
export const SCHEMA_CHECKS = new Set([
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
]);

type Check = { name: string; status: string; failure_info?: { failure?: { title?: string } } };
type Interaction = { response?: { status_code: number } };
type Recorder = {
  label: string;
  /** The generated case: its method and the operation's path template. */
  cases?: Record<string, { value: { method: string; path: string } }>;
  checks?: Record<string, Check[]>;
  interactions?: Record<string, Interaction>;
};
type Event = Record<string, { recorder?: Recorder; status?: string; info?: unknown } | undefined>;

export async function readRunCounts(path: string): Promise<RunCounts> {
  const counts: RunCounts = {
    requests: 0,
    serverErrors: 0,
    schemaViolations: 0,
    failures: [],
    errors: [],
    finished: false,
  };
  const text = await readFile(path, 'utf8').catch(() => '');
  const failures = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const event = JSON.parse(line) as Event;
    if ('EngineFinished' in event) counts.finished = true;
    if ('NonFatalError' in event) counts.errors.push(errorLine(event.NonFatalError));
    if ('FatalError' in event) counts.errors.push(errorLine(event.FatalError));
    const recorder = event.ScenarioFinished?.recorder;
    if (recorder !== undefined) addScenario(counts, recorder, failures);
  }
  counts.failures = [...failures].sort();
  return counts;
}

function addScenario(counts: RunCounts, recorder: Recorder, failures: Set<string>): void {
  for (const [caseId, interaction] of Object.entries(recorder.interactions ?? {})) {
    const status = interaction.response?.status_code;
    counts.requests += 1;
    if (status !== undefined && status >= 500) counts.serverErrors += 1;
    const failed = (recorder.checks?.[caseId] ?? []).filter((check) => check.status === 'failure');
    if (failed.some((check) => SCHEMA_CHECKS.has(check.name))) counts.schemaViolations += 1;
    const template = recorder.cases?.[caseId]?.value;
    const label = template === undefined ? recorder.label : `${template.method} ${template.path}`;
    for (const check of failed) failures.add(`${label}: ${check.name} (${status ?? 'no answer'})`);
  }
}

function errorLine(info: unknown): string {
  const text = JSON.stringify(info) ?? 'unknown error';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
