import {
  partnerCategories,
  type ApplicationSubmittedV1,
  type ConsentChangedV1,
  type FounderErasureRequestedV1,
} from '@grunderboost/contracts';
import { applyConsent, emptyRecord, type ConsentRecord } from '../domain/consent';
import type { Dependencies } from './dependencies';

/** Read-modify-write of one founder's record, serialised per founder (ADR 0003). */
function update(
  deps: Dependencies,
  founderId: string,
  change: (r: ConsentRecord) => ConsentRecord,
) {
  return deps.locks(`consent:${founderId}`, async () => {
    const current = (await deps.consents.get(founderId)) ?? emptyRecord(founderId);
    await deps.consents.put(change(current));
  });
}

/** The application's consents and the codes partners may filter on. */
export function applicationSubmitted(deps: Dependencies, data: ApplicationSubmittedV1) {
  return update(deps, data.founderId, (record) => {
    const { referralSource, municipality, focusArea, sector, stage } = data;
    let next: ConsentRecord = {
      ...record,
      profile: { referralSource, municipality, focusArea, sector, stage },
    };
    if (data.consents === undefined) return next;
    // The application lists the categories consented to; every other category is a "no".
    for (const category of partnerCategories) {
      const granted = data.consents.sharing.includes(category);
      next = applyConsent(next, category, granted, data.submittedAt);
    }
    return next;
  });
}

export function consentChanged(deps: Dependencies, data: ConsentChangedV1) {
  if (data.consent !== 'sharing' || data.partnerCategory === undefined) return Promise.resolve();
  const category = data.partnerCategory;
  return update(deps, data.founderId, (record) =>
    applyConsent(record, category, data.granted, data.changedAt),
  );
}

/** Forget the founder: no consent record, and no personal data left in queued deliveries. */
export async function founderErasureRequested(deps: Dependencies, data: FounderErasureRequestedV1) {
  await deps.locks(`consent:${data.founderId}`, () => deps.consents.remove(data.founderId));
  await deps.deliveries.erase(data.founderId, deps.clock.now());
}
