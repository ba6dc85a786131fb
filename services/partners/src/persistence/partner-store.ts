import type mongoose from 'mongoose';
import type { AgreementItem, Partner } from '../domain/partner';

// FerretDB 1.24 (SQLite) stores no field for an empty array in an upsert's $setOnInsert, so a
// partner registered without an agreement comes back without one: absent means none shared.
type PartnerDocument = Omit<Partner, 'partnerId' | 'agreement'> & {
  _id: string;
  createdAt: Date;
  agreement?: AgreementItem[];
};

const toPartner = ({ _id, name, category, agreement }: PartnerDocument): Partner => ({
  partnerId: _id,
  name,
  category,
  agreement: agreement ?? [],
});

export function partnerStore(connection: mongoose.Connection) {
  const collection = connection.collection<PartnerDocument>('partners');
  return {
    async get(partnerId: string): Promise<Partner | undefined> {
      const found = await collection.findOne({ _id: partnerId });
      return found === null ? undefined : toPartner(found);
    },
    async list(): Promise<Partner[]> {
      return (await collection.find({}).sort({ _id: 1 }).toArray()).map(toPartner);
    },
    /** false when the id is taken. */
    async insert(partner: Partner): Promise<boolean> {
      const { partnerId, ...rest } = partner;
      const result = await collection.updateOne(
        { _id: partnerId },
        { $setOnInsert: { ...rest, createdAt: new Date() } },
        { upsert: true },
      );
      return result.upsertedCount === 1;
    },
    async setAgreement(partnerId: string, agreement: AgreementItem[]): Promise<boolean> {
      const result = await collection.updateOne({ _id: partnerId }, { $set: { agreement } });
      return result.matchedCount === 1;
    },
  };
}

export type PartnerStore = ReturnType<typeof partnerStore>;
