import { checkEligibility, gradeCheckOf } from '../../src/domain/applications/eligibility';
import { jstDateAndTime, parseJstDateTime } from '../../src/domain/applications/fiscalYear';
import { Framework } from '../../src/domain/framework/framework';
import type { FrameworkDocument } from '../../src/domain/framework/schema';
import type { Employee } from '../../src/domain/roster/employee';
import { loadKitakyushu } from './realFramework';

const kitakyushu = loadKitakyushu();

/** A copy of the Kitakyushu framework with its document changed by `change`; the original stays as it is. */
function variant(change: (doc: FrameworkDocument) => void): Framework {
  const doc = structuredClone(kitakyushu.document);
  change(doc);
  return new Framework(doc, 'test');
}

/** Someone on the roster, with a manager unless told otherwise. */
function employee(grade: string, overrides: Partial<Employee> = {}): Employee {
  return {
    employeeNo: 'E1',
    name: '北九 太郎',
    email: 'taro@example.city.jp',
    aadObjectId: '11111111-1111-4111-8111-111111111111',
    department: '市民局',
    section: '区政推進課',
    grade,
    managerEmail: 'hanako@example.city.jp',
    roles: [],
    ...overrides,
  };
}

describe('the Kitakyushu framework as these tests assume it', () => {
  it('has the grades 主事 to 部長, and the professional track up to 係長', () => {
    expect(kitakyushu.document.grades).toEqual(['主事', '主任', '係長', '課長', '部長']);
    expect(kitakyushu.rules.professionalTrack?.maxGrade).toBe('係長');
    expect(kitakyushu.rules.applicationWindow?.tiers).toEqual(['gold', 'silver']);
  });
});

describe('checkEligibility', () => {
  describe('gold and silver are never gated on a grade', () => {
    it.each(['gold', 'silver'])('%s: every grade may apply, 部長 included', (track) => {
      for (const grade of ['主事', '主任', '係長', '課長', '部長']) {
        expect(checkEligibility(kitakyushu, track, employee(grade))).toBeUndefined();
      }
    });

    it.each(['gold', 'silver'])('%s: even a grade the framework does not list may apply', (track) => {
      expect(checkEligibility(kitakyushu, track, employee('参事'))).toBeUndefined();
      expect(checkEligibility(kitakyushu, track, employee(''))).toBeUndefined();
    });
  });

  describe('the professional track is for grades up to 係長, as the roster\'s grades say: HR decides the rest', () => {
    it.each(['主事', '主任', '係長'])('%s meets it', (grade) => {
      expect(checkEligibility(kitakyushu, 'professional', employee(grade))).toBeUndefined();
      expect(gradeCheckOf(kitakyushu, 'professional', employee(grade))).toBeUndefined();
    });

    it.each(['課長', '部長'])('%s may apply, marked above the track’s grades for HR to decide', (grade) => {
      expect(checkEligibility(kitakyushu, 'professional', employee(grade))).toBeUndefined();
      expect(gradeCheckOf(kitakyushu, 'professional', employee(grade))).toBe('gradeAbove');
    });

    it.each(['参事', '', '係長補佐', ' 係長'])('a grade the framework does not list (%j) is marked as not checked', (grade) => {
      expect(gradeCheckOf(kitakyushu, 'professional', employee(grade))).toBe('gradeUnknown');
    });

    it('marks nobody on Gold or Silver, nor anyone when the rules name no highest grade', () => {
      expect(gradeCheckOf(kitakyushu, 'gold', employee('部長'))).toBeUndefined();
      const open = variant((doc) => {
        delete doc.rules.professionalTrack!.maxGrade;
      });
      expect(gradeCheckOf(open, 'professional', employee('部長'))).toBeUndefined();
      expect(gradeCheckOf(open, 'professional', employee('参事'))).toBeUndefined();
    });
  });

  describe('who cannot apply at all', () => {
    it.each(['gold', 'silver', 'professional'])('%s: someone not on the roster', (track) => {
      expect(checkEligibility(kitakyushu, track, undefined)).toBe('notOnRoster');
    });

    it.each(['gold', 'silver', 'professional'])('%s: someone without a manager on the roster (nobody could approve)', (track) => {
      expect(checkEligibility(kitakyushu, track, employee('主事', { managerEmail: undefined }))).toBe('noManager');
      expect(checkEligibility(kitakyushu, track, employee('主事', { managerEmail: '' }))).toBe('noManager');
    });

    it('says "no manager" whatever the grade', () => {
      expect(checkEligibility(kitakyushu, 'professional', employee('部長', { managerEmail: undefined }))).toBe('noManager');
    });
  });

  describe('tracks one cannot apply for', () => {
    it.each([
      ['bronze', 'a tier the application window does not name'],
      ['platinum', 'no such tier'],
      ['GOLD', 'a tier in the wrong case'],
      ['', 'nothing'],
    ])('%j (%s) is an unknown track, whoever asks', (track) => {
      expect(checkEligibility(kitakyushu, track, employee('主事'))).toBe('unknownTrack');
      expect(checkEligibility(kitakyushu, track, undefined)).toBe('unknownTrack');
    });

    it('the professional track is unknown when the framework has none', () => {
      const without = variant((doc) => {
        delete doc.rules.professionalTrack;
      });
      expect(checkEligibility(without, 'professional', employee('主事'))).toBe('unknownTrack');
      expect(checkEligibility(without, 'gold', employee('主事'))).toBeUndefined();
    });
  });
});

describe('jstDateAndTime and parseJstDateTime', () => {
  it.each([
    ['2026-06-01', '00:00', '2026-05-31T15:00:00.000Z'],
    ['2026-06-01', '09:30', '2026-06-01T00:30:00.000Z'],
    ['2026-06-30', '23:59', '2026-06-30T14:59:00.000Z'],
    ['2026-07-01', '00:00', '2026-06-30T15:00:00.000Z'],
    ['2027-01-01', '08:59', '2026-12-31T23:59:00.000Z'], // still 2026 in UTC
    ['2027-01-01', '09:00', '2027-01-01T00:00:00.000Z'],
    ['2028-02-29', '12:00', '2028-02-29T03:00:00.000Z'], // a leap day
    ['2027-03-31', '23:59', '2027-03-31T14:59:00.000Z'], // the last minute of a fiscal year
  ])('%s %s Japan time is %s, and reads back as the same date and time', (date, time, iso) => {
    const parsed = parseJstDateTime(`${date} ${time}`);
    expect(parsed?.toISOString()).toBe(iso);
    expect(jstDateAndTime(iso)).toEqual({ date, time });
  });

  it('shows any instant as Japan time, to the minute, and reading it back gives that minute', () => {
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const mismatches: string[] = [];
    // Every 7 hours and 13 minutes through two years: every hour of the day, both sides of every month and year end.
    for (let t = start; t < start + 2 * 366 * 24 * 60 * 60 * 1000; t += (7 * 60 + 13) * 60 * 1000) {
      const iso = new Date(t + 42_123).toISOString(); // seconds and milliseconds are dropped
      const { date, time } = jstDateAndTime(iso);
      const back = parseJstDateTime(`${date} ${time}`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time) || back?.getTime() !== t) {
        mismatches.push(`${iso} → ${date} ${time} → ${back?.toISOString()}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees with the Asia/Tokyo time zone', () => {
    const tokyo = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const iso of ['2026-05-31T15:00:00.000Z', '2026-12-31T14:59:00.000Z', '2026-12-31T15:00:00.000Z', '2027-03-31T15:00:00.000Z']) {
      const { date, time } = jstDateAndTime(iso);
      expect(`${date} ${time}`).toBe(tokyo.format(new Date(iso)));
    }
  });
});
