import { conflict, notFound } from '@grunderboost/service-kit';
import { defaultPartners, type AgreementItem, type Partner } from '../domain/partner';
import type { Dependencies } from './dependencies';

/** First start: the region's five partners, unless they are already there. */
export async function seedPartners(deps: Dependencies, partners: Partner[] = defaultPartners) {
  for (const partner of partners) await deps.partners.insert(partner);
}

export async function registerPartner(deps: Dependencies, partner: Partner): Promise<Partner> {
  if (!(await deps.partners.insert(partner))) {
    throw conflict(`A partner with id ${partner.partnerId} exists`);
  }
  await deps.ensureFeed(partner.partnerId);
  return partner;
}

export async function getPartner(deps: Dependencies, partnerId: string): Promise<Partner> {
  const partner = await deps.partners.get(partnerId);
  if (partner === undefined) throw notFound(`No partner ${partnerId}`);
  return partner;
}

/** Narrowing an agreement applies to events routed from now on; queued ones keep their fields. */
export async function setAgreement(
  deps: Dependencies,
  partnerId: string,
  agreement: AgreementItem[],
) {
  if (!(await deps.partners.setAgreement(partnerId, agreement))) {
    throw notFound(`No partner ${partnerId}`);
  }
  return getPartner(deps, partnerId);
}
