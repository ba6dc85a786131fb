import type { Application } from '../domain/application';
import { erase } from '../domain/lifecycle';
import type { AccessRecord, IntakeDependencies } from './ports';
import { refused, success, type Result } from './results';

export interface FounderExport {
  founderId: string;
  exportedAt: Date;
  applications: Application[];
  /** Who among the staff read the founder's data, and when (their right of access). */
  staffReads: AccessRecord[];
}

export interface ErasureOutcome {
  erasureId: string;
  applicationIds: string[];
}

export function privacyUseCases(deps: IntakeDependencies) {
  async function exportFounder(applicationId: string): Promise<Result<FounderExport>> {
    const application = await deps.store.findById(applicationId);
    if (application === undefined) return refused('not-found');
    const applications = await deps.store.findByFounder(application.founderId);
    const reads = await Promise.all(applications.map((a) => deps.audit.readsOf(a.applicationId)));
    return success({
      founderId: application.founderId,
      exportedAt: deps.now(),
      applications,
      staffReads: reads.flat().sort((a, b) => a.at.getTime() - b.at.getTime()),
    });
  }

  /**
   * Erases the personal data of every application of the founder, then announces the erasure
   * (on the application it was asked through) so the other services erase theirs. Asking again
   * after everything is erased changes nothing and announces nothing.
   */
  async function eraseFounder(applicationId: string): Promise<Result<ErasureOutcome>> {
    const requested = await deps.store.findById(applicationId);
    if (requested === undefined) return refused('not-found');
    const applications = await deps.store.findByFounder(requested.founderId);
    const toErase = applications.filter((a) => a.status !== 'erased');
    const erasureId = deps.newId();
    const applicationIds = applications.map((a) => a.applicationId);
    if (toErase.length === 0) return success({ erasureId, applicationIds });
    const now = deps.now();
    // The announcing application is written last, so the event leaves only once all are erased.
    const ordered = [
      ...toErase.filter((a) => a.applicationId !== applicationId),
      ...toErase.filter((a) => a.applicationId === applicationId),
    ];
    const announcer = ordered[ordered.length - 1];
    for (const application of ordered) {
      await deps.store.forgetLookups(application);
      const erased = erase(application, now);
      const events =
        application === announcer
          ? [deps.events.erasureRequested(erased, erasureId, applicationIds, now)]
          : [];
      const saved = await deps.store.save(erased, application.version, events);
      if (saved === 'conflict') return refused('conflict');
    }
    if (announcer !== undefined) deps.events.written(announcer.applicationId);
    return success({ erasureId, applicationIds });
  }

  /** An administrator's export on the founder's behalf is a read of personal data too. */
  async function recordExportByStaff(
    exported: FounderExport,
    reader: { staffId: string; roles: string[]; requestId?: string | undefined },
  ): Promise<void> {
    await deps.audit.record({
      at: deps.now(),
      ...reader,
      action: 'export-applications',
      applicationIds: exported.applications.map((a) => a.applicationId),
    });
  }

  return { exportFounder, eraseFounder, recordExportByStaff };
}
