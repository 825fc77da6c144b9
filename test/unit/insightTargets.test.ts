import type { Framework } from '../../src/domain/framework/framework';
import {
  baselineOf,
  certifiedTiers,
  KPI_COUNT_MAX,
  parseCountInput,
  rangeTargetOf,
  targetOf,
  type KpiSettings,
} from '../../src/domain/insight/targets';
import { kunisakiLikeFramework } from '../support/kunisakiLike';
import { loadFrameworkDocument, loadKitakyushu } from './realFramework';

const kitakyushu = loadKitakyushu();
const NOTHING_SET: KpiSettings = { targets: [] };

/** Kitakyushu's framework with yearly targets per tier, the way Moka's plan writes them (R5–R7). */
function withYearlyTargets(targets: { fiscalYear: number; tier?: string; count: number }[]): Framework {
  return loadFrameworkDocument({ ...kitakyushu.document, rules: { ...kitakyushu.document.rules, targets } }, 'Kitakyushu with yearly targets');
}

describe('targetOf', () => {
  const planned = withYearlyTargets([
    { fiscalYear: 2024, tier: 'gold', count: 10 },
    { fiscalYear: 2024, tier: 'silver', count: 30 },
    { fiscalYear: 2025, count: 60 },
  ]);

  it('has nothing for a year nobody set a target for', () => {
    expect(targetOf(kitakyushu, NOTHING_SET, 2026)).toBeUndefined();
    expect(targetOf(kitakyushu, NOTHING_SET, 2026, 'gold')).toBeUndefined();
  });

  it('takes the plan\'s yearly target, and adds up the tiers\' for all tiers together', () => {
    expect(targetOf(planned, NOTHING_SET, 2024, 'gold')).toEqual({ count: 10, source: 'framework' });
    expect(targetOf(planned, NOTHING_SET, 2024)).toEqual({ count: 40, source: 'framework' });
    expect(targetOf(planned, NOTHING_SET, 2025)).toEqual({ count: 60, source: 'framework' });
    expect(targetOf(planned, NOTHING_SET, 2025, 'gold')).toBeUndefined();
  });

  it('prefers what HR set, for all tiers and for one, over the plan', () => {
    const settings: KpiSettings = { targets: [{ fiscalYear: 2024, tier: 'gold', count: 12 }, { fiscalYear: 2025, count: 0 }] };
    expect(targetOf(planned, settings, 2024, 'gold')).toEqual({ count: 12, source: 'hr' });
    // The sum mixes HR's Gold with the plan's Silver, and says HR had a hand in it.
    expect(targetOf(planned, settings, 2024)).toEqual({ count: 42, source: 'hr' });
    // A target of zero is a target.
    expect(targetOf(planned, settings, 2025)).toEqual({ count: 0, source: 'hr' });
  });
});

describe('baselineOf and rangeTargetOf', () => {
  it('take Kitakyushu\'s plan: 2,228 reached, 2,400 in FY2023–2025', () => {
    expect(baselineOf(kitakyushu, NOTHING_SET)).toEqual({ count: 2228, source: 'framework' });
    expect(rangeTargetOf(kitakyushu)).toEqual({ fromFiscalYear: 2023, toFiscalYear: 2025, count: 2400 });
  });

  it('prefer the baseline HR entered, even zero', () => {
    expect(baselineOf(kitakyushu, { targets: [], baseline: 0 })).toEqual({ count: 0, source: 'hr' });
  });

  it('have neither for a framework without a KPI', () => {
    const kunisaki = kunisakiLikeFramework();
    expect(baselineOf(kunisaki, NOTHING_SET)).toBeUndefined();
    expect(rangeTargetOf(kunisaki)).toBeUndefined();
  });
});

describe('certifiedTiers', () => {
  it('are the tiers one applies for in Kitakyushu (Bronze is for all staff)', () => {
    expect(certifiedTiers(kitakyushu)).toEqual(['silver', 'gold']);
  });

  it('are the appointed tiers of a Kunisaki-like framework, in the framework\'s order', () => {
    expect(certifiedTiers(kunisakiLikeFramework())).toEqual(['advanced', 'leader']);
  });
});

describe('parseCountInput', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['0', 0],
    ['2228', 2228],
    ['2,228', 2228],
    ['２，２２８', 2228],
    [' 100000 ', KPI_COUNT_MAX],
  ])('accepts %p as %p', (text, value) => {
    expect(parseCountInput(text)).toEqual(value === undefined ? { ok: true } : { ok: true, value });
  });

  it.each(['100001', '1000000', '-1', '1.5', '12a', 'abc', '2,22,8', '1e3', '+5', '0x10'])('refuses %p', (text) => {
    expect(parseCountInput(text)).toEqual({ ok: false });
  });
});
