import {
  defaultWindow,
  isWindowOpen,
  nextWindow,
  PROFESSIONAL_TRACK,
  tracksOf,
  type ApplicationWindow,
} from '../../src/domain/applications/applicationWindow';
import { fiscalYearOf, jstMidnight, parseJstDateTime } from '../../src/domain/applications/fiscalYear';
import { Framework } from '../../src/domain/framework/framework';
import type { FrameworkDocument } from '../../src/domain/framework/schema';
import { loadKitakyushu } from './realFramework';

const kitakyushu = loadKitakyushu();

/** A copy of the Kitakyushu framework with its document changed by `change`; the original stays as it is. */
function variant(change: (doc: FrameworkDocument) => void): Framework {
  const doc = structuredClone(kitakyushu.document);
  change(doc);
  return new Framework(doc, 'test');
}

function withMonth(month: number): Framework {
  return variant((doc) => {
    doc.rules.applicationWindow!.month = month;
  });
}

/** A window HR stored, given in Japan time. */
function stored(track: string, fiscalYear: number, opens: string, closes: string): ApplicationWindow {
  const opensAt = parseJstDateTime(opens);
  const closesAt = parseJstDateTime(closes);
  if (!opensAt || !closesAt) throw new Error(`bad test dates ${opens} / ${closes}`);
  return { frameworkId: 'kitakyushu', fiscalYear, track, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), updatedBy: 'hr-1' };
}

/** An instant given in Japan time. */
function jst(text: string): Date {
  const date = parseJstDateTime(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
}

describe('the Kitakyushu framework as these tests assume it', () => {
  it('opens applications in June for gold and silver, and has a professional track', () => {
    expect(kitakyushu.rules.applicationWindow?.month).toBe(6);
    expect(kitakyushu.rules.applicationWindow?.tiers).toEqual(['gold', 'silver']);
    expect(kitakyushu.rules.professionalTrack).toBeDefined();
  });
});

describe('fiscalYearOf', () => {
  it.each([
    ['2026-03-31T14:59:59.999Z', 2025], // 2026-03-31 23:59:59.999 JST
    ['2026-03-31T14:59:59Z', 2025],
    ['2026-03-31T15:00:00Z', 2026], // 2026-04-01 00:00 JST
    ['2026-06-01T00:00:00Z', 2026],
    ['2026-12-31T15:00:00Z', 2026], // 2027-01-01 00:00 JST: still the same fiscal year
    ['2027-03-31T14:59:59Z', 2026],
    ['2027-03-31T15:00:00Z', 2027],
  ])('%s is in fiscal year %d', (iso, year) => {
    expect(fiscalYearOf(new Date(iso))).toBe(year);
  });
});

describe('jstMidnight', () => {
  it.each([
    [2026, 6, 1, '2026-05-31T15:00:00.000Z'],
    [2026, 4, 1, '2026-03-31T15:00:00.000Z'],
    [2027, 1, 1, '2026-12-31T15:00:00.000Z'],
    [2028, 3, 1, '2028-02-29T15:00:00.000Z'],
  ])('%d-%d-%d 00:00 JST is %s', (year, month, day, iso) => {
    expect(jstMidnight(year, month, day).toISOString()).toBe(iso);
  });
});

describe('parseJstDateTime', () => {
  it.each([
    ['2026-06-01', '2026-05-31T15:00:00.000Z'],
    ['2026-06-01 09:30', '2026-06-01T00:30:00.000Z'],
    ['2026-06-01T09:30', '2026-06-01T00:30:00.000Z'],
    ['2026-06-01 23:59', '2026-06-01T14:59:00.000Z'],
    ['2026-06-01 00:00', '2026-05-31T15:00:00.000Z'],
    ['2026-6-1 9:05', '2026-06-01T00:05:00.000Z'],
    ['  2026-06-01  ', '2026-05-31T15:00:00.000Z'],
    ['2028-02-29', '2028-02-28T15:00:00.000Z'],
  ])('reads %j as Japan time (%s)', (text, iso) => {
    expect(parseJstDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-02-30',
    '2026-02-29', // 2026 is not a leap year
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-06-00',
    '2026-06-01 25:00',
    '2026-06-01 24:00',
    '2026-06-01 09:60',
    '2026-06-01 9',
    '2026/06/01',
    '06-01-2026',
    'garbage',
    '',
    '2026-06-01 09:30 extra',
  ])('rejects %j', (text) => {
    expect(parseJstDateTime(text)).toBeUndefined();
  });
});

describe('isWindowOpen', () => {
  const window = stored('gold', 2026, '2026-06-01', '2026-07-01');
  const opensAt = Date.parse(window.opensAt);
  const closesAt = Date.parse(window.closesAt);

  it.each([
    ['a millisecond before it opens', opensAt - 1, false],
    ['the instant it opens', opensAt, true],
    ['in the middle', opensAt + 15 * 24 * 60 * 60 * 1000, true],
    ['a millisecond before it closes', closesAt - 1, true],
    ['the instant it closes', closesAt, false],
    ['a year later', closesAt + 365 * 24 * 60 * 60 * 1000, false],
  ])('%s: %s', (_label, ms, open) => {
    expect(isWindowOpen(window, new Date(ms))).toBe(open);
  });
});

describe('tracksOf', () => {
  it('gives gold, silver and the professional track for Kitakyushu', () => {
    expect(tracksOf(kitakyushu)).toEqual(['gold', 'silver', PROFESSIONAL_TRACK]);
    expect(PROFESSIONAL_TRACK).toBe('professional');
  });

  it('leaves out the professional track when the framework has no rules for it', () => {
    const without = variant((doc) => {
      delete doc.rules.professionalTrack;
    });
    expect(without.rules.professionalTrack).toBeUndefined();
    expect(tracksOf(without)).toEqual(['gold', 'silver']);
    // The original framework is untouched.
    expect(tracksOf(kitakyushu)).toContain(PROFESSIONAL_TRACK);
  });

  it('follows the tiers the window names', () => {
    const goldOnly = variant((doc) => {
      doc.rules.applicationWindow!.tiers = ['gold'];
    });
    expect(tracksOf(goldOnly)).toEqual(['gold', PROFESSIONAL_TRACK]);
  });

  it('returns a fresh list: changing it does not change the framework', () => {
    const tracks = tracksOf(kitakyushu);
    tracks.push('bronze');
    expect(kitakyushu.rules.applicationWindow?.tiers).toEqual(['gold', 'silver']);
    expect(tracksOf(kitakyushu)).toEqual(['gold', 'silver', PROFESSIONAL_TRACK]);
  });

  it('is empty for a framework without a window, even with a professional track: it is applied for in the window', () => {
    const noWindow = variant((doc) => {
      delete doc.rules.applicationWindow;
    });
    expect(noWindow.rules.professionalTrack).toBeDefined();
    expect(tracksOf(noWindow)).toEqual([]);
    expect(() => defaultWindow(noWindow, 2026, 'gold')).toThrow('has no application window');
  });
});

describe('defaultWindow', () => {
  it('for June: June 1 00:00 JST to July 1 00:00 JST of the fiscal year', () => {
    expect(defaultWindow(kitakyushu, 2026, 'gold')).toEqual({
      frameworkId: 'kitakyushu',
      fiscalYear: 2026,
      track: 'gold',
      opensAt: '2026-05-31T15:00:00.000Z',
      closesAt: '2026-06-30T15:00:00.000Z',
    });
    expect(defaultWindow(kitakyushu, 2027, PROFESSIONAL_TRACK)).toMatchObject({
      fiscalYear: 2027,
      track: 'professional',
      opensAt: jstMidnight(2027, 6, 1).toISOString(),
      closesAt: jstMidnight(2027, 7, 1).toISOString(),
    });
  });

  it('for February: the February of the next calendar year (still the same fiscal year)', () => {
    expect(defaultWindow(withMonth(2), 2026, 'silver')).toMatchObject({
      fiscalYear: 2026,
      opensAt: '2027-01-31T15:00:00.000Z', // 2027-02-01 00:00 JST
      closesAt: '2027-02-28T15:00:00.000Z', // 2027-03-01 00:00 JST
    });
  });

  it('for December: closes on January 1 of the next calendar year', () => {
    expect(defaultWindow(withMonth(12), 2026, 'gold')).toMatchObject({
      fiscalYear: 2026,
      opensAt: '2026-11-30T15:00:00.000Z', // 2026-12-01 00:00 JST
      closesAt: '2026-12-31T15:00:00.000Z', // 2027-01-01 00:00 JST
    });
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('for month %d: a whole month inside the fiscal year', (month) => {
    const window = defaultWindow(withMonth(month), 2026, 'gold');
    const opensAt = new Date(window.opensAt);
    const lastMoment = new Date(Date.parse(window.closesAt) - 1);
    expect(fiscalYearOf(opensAt)).toBe(2026);
    expect(fiscalYearOf(lastMoment)).toBe(2026);
    // Opens on the 1st of that month at midnight, Japan time, and lasts until the 1st of the next month.
    const jstOpen = new Date(opensAt.getTime() + 9 * 60 * 60 * 1000);
    expect([jstOpen.getUTCMonth() + 1, jstOpen.getUTCDate(), jstOpen.getUTCHours()]).toEqual([month, 1, 0]);
    const days = (Date.parse(window.closesAt) - opensAt.getTime()) / (24 * 60 * 60 * 1000);
    expect(days).toBeGreaterThanOrEqual(28);
    expect(days).toBeLessThanOrEqual(31);
  });
});

describe('nextWindow', () => {
  const june2026 = defaultWindow(kitakyushu, 2026, 'gold');
  const june2027 = defaultWindow(kitakyushu, 2027, 'gold');

  it('returns the stored window open now, even when another is upcoming', () => {
    const open = stored('gold', 2026, '2026-06-10', '2026-06-20');
    const upcoming = stored('gold', 2026, '2026-09-01', '2026-09-10');
    expect(nextWindow(kitakyushu, 'gold', [upcoming, open], jst('2026-06-15 12:00'))).toEqual({ window: open, open: true, planned: false });
  });

  it('counts a stored window as open from the instant it opens', () => {
    const window = stored('gold', 2026, '2026-06-10', '2026-06-20');
    expect(nextWindow(kitakyushu, 'gold', [window], jst('2026-06-10'))).toEqual({ window, open: true, planned: false });
  });

  it('otherwise returns the earliest upcoming stored window of that track', () => {
    const september = stored('gold', 2026, '2026-09-01', '2026-09-10');
    const june = stored('gold', 2026, '2026-06-10', '2026-06-20');
    const nextYear = stored('gold', 2027, '2027-06-10', '2027-06-20');
    const silverSooner = stored('silver', 2026, '2026-05-10', '2026-05-20');
    expect(nextWindow(kitakyushu, 'gold', [nextYear, september, silverSooner, june], jst('2026-05-01'))).toEqual({
      window: june,
      open: false,
      planned: false,
    });
  });

  it('otherwise plans the default window of this fiscal year while it is still ahead', () => {
    expect(nextWindow(kitakyushu, 'gold', [], jst('2026-05-01'))).toEqual({ window: june2026, open: false, planned: true });
    expect(nextWindow(kitakyushu, 'gold', [], jst('2026-04-01'))).toEqual({ window: june2026, open: false, planned: true });
    expect(nextWindow(kitakyushu, 'gold', [], new Date(Date.parse(june2026.opensAt) - 1))).toEqual({
      window: june2026,
      open: false,
      planned: true,
    });
  });

  it('plans the next fiscal year once this fiscal year’s default has begun', () => {
    expect(nextWindow(kitakyushu, 'gold', [], jst('2026-06-01'))).toEqual({ window: june2027, open: false, planned: true });
    expect(nextWindow(kitakyushu, 'gold', [], jst('2026-06-15'))).toEqual({ window: june2027, open: false, planned: true });
    expect(nextWindow(kitakyushu, 'gold', [], jst('2027-03-31 23:59'))).toEqual({ window: june2027, open: false, planned: true });
  });

  it('in March plans the coming fiscal year’s window, labelled with that fiscal year', () => {
    const result = nextWindow(kitakyushu, 'silver', [], jst('2026-03-15'));
    expect(result).toEqual({ window: defaultWindow(kitakyushu, 2026, 'silver'), open: false, planned: true });
    expect(result.window.fiscalYear).toBe(2026);
  });

  it('a stored window of this fiscal year that has closed means the next planned one is next year’s', () => {
    const early = stored('gold', 2026, '2026-05-10', '2026-05-20');
    // The rules' June default would still be ahead, but HR already held this year's round.
    expect(nextWindow(kitakyushu, 'gold', [early], jst('2026-05-25'))).toEqual({ window: june2027, open: false, planned: true });
  });

  it('ignores other tracks’ windows', () => {
    const silverOpen = stored('silver', 2026, '2026-05-20', '2026-06-20');
    const silverClosed = stored('silver', 2026, '2026-04-10', '2026-04-20');
    const silverUpcoming = stored('silver', 2027, '2027-06-01', '2027-07-01');
    const result = nextWindow(kitakyushu, 'gold', [silverOpen, silverClosed, silverUpcoming], jst('2026-05-25'));
    expect(result).toEqual({ window: june2026, open: false, planned: true });
    expect(result.window.track).toBe('gold');
  });

  it('plans the default for the track asked, with the framework’s id', () => {
    const result = nextWindow(kitakyushu, PROFESSIONAL_TRACK, [], jst('2026-05-01'));
    expect(result.window).toMatchObject({ frameworkId: 'kitakyushu', track: 'professional', fiscalYear: 2026 });
    expect(result.planned).toBe(true);
  });

  it('for a February framework, plans February of the next calendar year within the same fiscal year', () => {
    const february = withMonth(2);
    expect(nextWindow(february, 'gold', [], jst('2026-06-15'))).toEqual({
      window: defaultWindow(february, 2026, 'gold'),
      open: false,
      planned: true,
    });
    expect(nextWindow(february, 'gold', [], jst('2027-02-10')).window).toEqual(defaultWindow(february, 2027, 'gold'));
  });
});
