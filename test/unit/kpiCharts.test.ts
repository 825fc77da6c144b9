import { AssessedPeople } from '../../src/domain/insight/assessed';
import { CertifiedPeople } from '../../src/domain/insight/certified';
import { kpiFigures, type KpiSources } from '../../src/domain/insight/kpiFigures';
import { placementsOf } from '../../src/domain/insight/placements';
import type { KpiSettings } from '../../src/domain/insight/targets';
import { peopleAxisTop } from '../../src/features/insight/views/describe';
import { funnelSection } from '../../src/features/insight/views/kpiSections';
import { progressSection } from '../../src/features/insight/views/progressSection';
import { translator } from '../../src/i18n';
import { loadFrameworkFile, loadKitakyushu } from './realFramework';

// What the KPI card's charts draw: axes of whole people, the baseline and the plan where the years before the bot
// would be empty, and a sentence instead of a chart with nothing on it.

const t = translator('ja');
const kitakyushu = loadKitakyushu();
const FY = 2026;

/** Nobody assessed, applied or certified yet. */
function sources(certified: [fiscalYear: number, count: number][] = []): KpiSources {
  const placements = placementsOf([]);
  const people = new CertifiedPeople();
  let n = 0;
  for (const [fiscalYear, count] of certified) {
    for (let i = 0; i < count; i++, n++) {
      people.add([{ aadObjectId: `p${n}`, tier: 'silver', fiscalYear, certifiedAt: `${fiscalYear}-10-01T00:00:00.000Z`, applicationId: `a${n}` }]);
    }
  }
  return { employees: [], placements, assessed: new AssessedPeople(placements), certified: people, applications: [], trainings: { participation: { fiscalYear: FY, participants: new Map(), candidatesRecords: new Map() }, candidacies: [] } };
}

interface Progress {
  plan: '' | { total: number; target: number; segments: { legend: string; size: number }[]; subLabel: string };
  yearly: { empty: string; axisTop?: number; points?: { label: string; certified: number }[]; targets?: { label: string; count: number }[] };
}

function progress(settings: KpiSettings, from: KpiSources, framework = kitakyushu): Progress {
  return progressSection(framework, kpiFigures(framework, settings, from, FY), t) as Progress;
}

describe('peopleAxisTop', () => {
  it('puts the top of the axis at or above the largest value, in four steps of whole people', () => {
    for (let max = 0; max <= 100_000; max++) {
      const top = peopleAxisTop(max);
      if (top < max || !Number.isInteger(top / 4)) throw new Error(`${max} → ${top}`);
    }
  });

  it('picks round steps, the top at most 1.6 times the largest value once past a handful of people', () => {
    expect([0, 1, 2, 3, 4, 5, 9, 17, 100, 120, 2228, 2400, 7001].map(peopleAxisTop)).toEqual([4, 4, 4, 4, 4, 8, 12, 20, 100, 120, 2400, 2400, 8000]);
    for (let max = 5; max <= 100_000; max++) if (peopleAxisTop(max) > max * 1.6) throw new Error(`${max} → ${peopleAxisTop(max)}`);
  });
});

describe('the progress part of the KPI card', () => {
  it('draws Kitakyushu\'s 2,228 before the bot against the plan\'s 2,400, and no chart of five empty years', () => {
    const { plan, yearly } = progress({ targets: [] }, sources());
    expect(plan).toMatchObject({
      total: 2228,
      target: 2400,
      segments: [
        { legend: 'DX Navi導入前の認定者 2,228人', size: 2228 },
        { legend: 'DX Naviで認定 0人', size: 0 },
      ],
      subLabel: '累計 2,228人／計画の目標 2,400人（2023〜2025年度）',
    });
    expect(yearly).toEqual({ empty: `2022〜${FY}年度には、DX Naviで認定された人も、年度ごとの目標もまだありません。`, labels: expect.anything() as unknown });
  });

  it('uses the baseline HR set, and draws no gauge for a framework without a plan over several years', () => {
    expect(progress({ targets: [], baseline: 2300 }, sources()).plan).toMatchObject({ total: 2300, segments: [{ size: 2300 }, { size: 0 }] });
    expect(progress({ targets: [] }, sources([[FY, 3]]), loadFrameworkFile('kunisaki')).plan).toBe('');
  });

  it('says so in a line when only the chosen year has anyone certified', () => {
    expect(progress({ targets: [] }, sources([[FY, 3]])).yearly.empty).toBe(`認定者か目標があるのは${FY}年度だけのため、年度別のグラフはありません（上の数字のとおりです）。`);
  });

  it('starts the years at the first with someone certified or a target, and draws targets only where there are some', () => {
    const { yearly } = progress({ targets: [{ fiscalYear: FY, count: 30 }] }, sources([[FY - 2, 1], [FY, 5]]));
    expect(yearly.empty).toBe('');
    expect(yearly.points!.map((p) => [p.label, p.certified])).toEqual([
      [`${FY - 2}年度`, 1],
      [`${FY - 1}年度`, 0],
      [`${FY}年度`, 5],
    ]);
    expect(yearly.targets).toEqual([{ label: `${FY}年度`, count: 30 }]);
    expect(yearly.axisTop).toBe(32);
  });

  it('starts at a year with a target even when nobody was certified in it (Moka\'s plan from FY2023)', () => {
    const moka = loadFrameworkFile('moka');
    const figures = kpiFigures(moka, { targets: [] }, sources([[2025, 2]]), 2025);
    const { yearly } = progressSection(moka, figures, t) as Progress;
    expect(yearly.points!.map((p) => p.label)).toEqual(['2023年度', '2024年度', '2025年度']);
    expect(yearly.targets!.map((p) => p.count)).toEqual([20, 40, 63]);
  });
});

describe('the funnel part of the KPI card', () => {
  it('is a sentence when every step is 0, and a chart on an axis of whole people otherwise', () => {
    const empty = funnelSection(kpiFigures(kitakyushu, { targets: [] }, sources(), FY), t) as { empty: string };
    expect(empty.empty).toBe(`まだ自己診断を終えた職員も、${FY}年度の応募もありません。`);
    const direct = funnelSection(kpiFigures(loadFrameworkFile('kunisaki'), { targets: [] }, sources([[FY, 3]]), FY), t) as { empty: string; axisTop: number };
    expect(direct).toMatchObject({ empty: '', axisTop: 4 });
  });
});
