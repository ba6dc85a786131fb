import mongoose, { Schema, type Connection } from 'mongoose';
import { mongoUrlFor, uniqueDatabase } from '../src';

interface Founder {
  email: string;
  municipality: string;
}

const founderSchema = new Schema<Founder>({
  email: { type: String, required: true, unique: true },
  municipality: { type: String, required: true },
});

describe('MongoDB-compatible server through mongoose (smoke)', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(mongoUrlFor(uniqueDatabase('smoke')), { serverSelectionTimeoutMS: 10_000 })
      .asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('saves a document and finds it again', async () => {
    const Founders = connection.model<Founder>('Founder', founderSchema);
    await Founders.init();
    await Founders.create({ email: 'kari@example.no', municipality: '3301' });

    const found = await Founders.findOne({ email: 'kari@example.no' }).lean();
    expect(found).toMatchObject({ email: 'kari@example.no', municipality: '3301' });
  });

  it('rejects a duplicate through the unique index', async () => {
    const Founders = connection.model<Founder>('Founder', founderSchema);
    await Founders.init();
    await Founders.create({ email: 'ola@example.no', municipality: '3301' });

    await expect(
      Founders.create({ email: 'ola@example.no', municipality: '3303' }),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await Founders.countDocuments({ email: 'ola@example.no' })).toBe(1);
  });
});
