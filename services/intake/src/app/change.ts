import { isEditable, isOpen, type Application } from '../domain/application';
import {
  applyConsentChange,
  checkConsentChange,
  type ConsentChange,
  type ConsentLogEntry,
} from '../domain/consents';
import { applyChange, withdraw, type DetailsChange } from '../domain/lifecycle';
import { preTriage } from '../domain/pre-triage';
import { decideTriage, type TriageInput } from '../domain/triage';
import type { IntakeDependencies } from './ports';
import { refused, success, type Result } from './results';
import type { OutboxEvent } from '@grunderboost/messaging';

/** Loads, decides, saves at the loaded version: a concurrent change makes this one a conflict. */
async function change(
  deps: IntakeDependencies,
  applicationId: string,
  decide: (
    application: Application,
    now: Date,
  ) => Promise<Result<{ next: Application; events: OutboxEvent[] }>>,
): Promise<Result<Application>> {
  const application = await deps.store.findById(applicationId);
  if (application === undefined) return refused('not-found');
  const decided = await decide(application, deps.now());
  if (!decided.ok) return decided;
  const { next, events } = decided.value;
  if (next === application) return success(application); // nothing to do (a repeated request)
  const saved = await deps.store.save(next, application.version, events);
  if (saved === 'conflict') return refused('conflict');
  if (events.length > 0) deps.events.written(applicationId);
  return success({ ...next, version: application.version + 1 });
}

export function changeUseCases(deps: IntakeDependencies) {
  return {
    update: (applicationId: string, details: DetailsChange) =>
      change(deps, applicationId, async (application, now) => {
        if (!isEditable(application)) return refused('not-editable');
        const merged = { ...application, ...details };
        const duplicate = await deps.store.findOpenDuplicate(
          merged.contact,
          merged.organisationNumber,
          application.applicationId,
        );
        const next = applyChange(
          application,
          details,
          preTriage(merged, duplicate, deps.rules, now),
          now,
        );
        const events = next.triage === undefined ? [] : [deps.events.triaged(next)];
        return success({ next, events });
      }),

    withdraw: (applicationId: string, reasonCode?: string) =>
      change(deps, applicationId, async (application, now) => {
        if (application.status === 'withdrawn') return success({ next: application, events: [] });
        if (!isOpen(application)) return refused('not-open');
        const next = withdraw(application, now);
        return success({ next, events: [deps.events.withdrawn(next, reasonCode)] });
      }),

    triage: (applicationId: string, input: TriageInput, staffId: string | undefined) =>
      change(deps, applicationId, async (application, now) => {
        const decided = decideTriage(application, input, staffId, now);
        if (!decided.ok) return refused(decided.refusal);
        const next: Application = {
          ...application,
          status: decided.triage.decision,
          triage: decided.triage,
          updatedAt: now,
        };
        return success({ next, events: [deps.events.triaged(next)] });
      }),

    changeConsent: (applicationId: string, consentChange: ConsentChange) =>
      change(deps, applicationId, async (application, now) => {
        if (application.status === 'erased') return refused('not-open');
        const violation = checkConsentChange(consentChange);
        if (violation !== undefined) return refused(violation);
        const entry: ConsentLogEntry = { ...consentChange, at: now };
        const withdrawsBackground =
          consentChange.consent === 'background' && !consentChange.granted;
        const { background: _dropped, ...withoutBackground } = application;
        const next: Application = {
          ...(withdrawsBackground ? withoutBackground : application),
          consents: applyConsentChange(application.consents, consentChange, now),
          consentLog: [...application.consentLog, entry],
          updatedAt: now,
        };
        return success({ next, events: [deps.events.consentChanged(next, entry)] });
      }),
  };
}
