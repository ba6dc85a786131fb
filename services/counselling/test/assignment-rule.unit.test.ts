import fc from 'fast-check';
import { chooseCounsellor, type Candidate } from '../src/domain/assignment-rule';

const candidate = (id: string, overrides: Partial<Candidate> = {}): Candidate => ({
  counsellorId: id,
  name: `Counsellor ${id}`,
  languages: ['nb'],
  sectors: [],
  capacity: 10,
  openCases: 0,
  ...overrides,
});

describe('choosing a counsellor', () => {
  it("prefers the founder's language over a lighter load, and says so", () => {
    const choice = chooseCounsellor(
      [candidate('a'), candidate('b', { languages: ['nb', 'ar'], openCases: 6 })],
      { language: 'ar' },
    );
    expect(choice).toEqual({
      counsellorId: 'b',
      reasonCode: 'language-match',
      reason:
        "Speaks Arabic, the founder's language. Counsellor b had the lowest caseload relative to capacity (6 of 10 open cases).",
    });
  });

  it('then prefers the sector among those who speak the language', () => {
    const choice = chooseCounsellor(
      [
        candidate('a', { sectors: ['J'], languages: ['en'] }),
        candidate('b', { sectors: ['J'], openCases: 5 }),
        candidate('c'),
      ],
      { language: 'nb', sector: 'J' },
    );
    expect(choice).toMatchObject({ counsellorId: 'b', reasonCode: 'language-and-sector-match' });
  });

  it('takes the lowest load relative to capacity, not the fewest cases', () => {
    const choice = chooseCounsellor(
      [
        candidate('a', { openCases: 3, capacity: 5 }),
        candidate('b', { openCases: 5, capacity: 20 }),
      ],
      {},
    );
    expect(choice).toMatchObject({ counsellorId: 'b', reasonCode: 'lowest-load' });
  });

  it('keeps a returning founder with their counsellor while they have room', () => {
    const team = [candidate('a'), candidate('b', { openCases: 9 })];
    expect(chooseCounsellor(team, { previousCounsellorId: 'b' })).toMatchObject({
      counsellorId: 'b',
      reasonCode: 'continuity',
    });
    const full = [candidate('a'), candidate('b', { openCases: 10 })];
    expect(chooseCounsellor(full, { previousCounsellorId: 'b' })).toMatchObject({
      counsellorId: 'a',
    });
  });

  it('says when nobody speaks the language, and still assigns', () => {
    const choice = chooseCounsellor([candidate('a')], { language: 'so' });
    expect(choice?.counsellorId).toBe('a');
    expect(choice?.reason).toContain('Nobody available speaks Somali.');
  });

  it('uses counsellors over capacity only when everyone is full', () => {
    const team = [
      candidate('a', { openCases: 10, capacity: 10 }),
      candidate('b', { openCases: 12, capacity: 10 }),
    ];
    const choice = chooseCounsellor(team, {});
    expect(choice?.counsellorId).toBe('a');
    expect(choice?.reason).toContain('Every counsellor was at capacity.');
    expect(chooseCounsellor([], {})).toBeUndefined();
  });
});

/** Assigns `founders` one by one; returns the largest deviation from the proportional share. */
function simulate(capacities: number[], founders: number) {
  const team = capacities.map((capacity, i) => candidate(`c${i}`, { capacity }));
  const total = capacities.reduce((sum, c) => sum + c, 0);
  let over = 0;
  let under = 0;
  for (let assigned = 1; assigned <= founders; assigned++) {
    const choice = chooseCounsellor(team, { language: 'nb' });
    const chosen = team.find((c) => c.counsellorId === choice?.counsellorId);
    if (chosen === undefined) throw new Error('nobody chosen');
    chosen.openCases += 1;
    for (const member of team) {
      const share = (assigned * member.capacity) / total;
      over = Math.max(over, member.openCases - share);
      under = Math.max(under, share - member.openCases);
    }
  }
  return { over, under, final: team.map((c) => c.openCases) };
}

describe('fairness over many assignments', () => {
  it('keeps 1,000 founders within one founder above, and few below, each capacity share', () => {
    const capacities = [10, 15, 20, 25, 30];
    const { over, under, final } = simulate(capacities, 1_000);
    const largest = Math.max(over, under);
    // eslint-disable-next-line no-console -- the issue asks for this figure to be printed
    console.log(
      `fairness: 1000 assignments over capacities ${capacities.join('/')} -> ${final.join('/')}; ` +
        `largest deviation from the capacity-proportional share at any point: ${largest.toFixed(3)} ` +
        `(above share ${over.toFixed(3)}, below share ${under.toFixed(3)})`,
    );
    expect(final).toEqual([100, 150, 200, 250, 300]);
    expect(over).toBeLessThan(1);
    expect(under).toBeLessThan(capacities.length - 1);
    expect(largest).toBeLessThan(1.5);
  });

  it('never gives anyone a whole founder more than their share, whatever the team', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 300 }),
        (capacities, founders) => {
          const { over, under } = simulate(capacities, founders);
          return over < 1 && under < Math.max(capacities.length - 1, 1);
        },
      ),
      { numRuns: 60 },
    );
  });
});
