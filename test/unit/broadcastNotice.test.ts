import type { ApplicationWindow } from '../../src/domain/applications/applicationWindow';
import { BODY_MAX, BODY_MAX_LINES, clipped, noticeFormOf, readNotice, TITLE_MAX } from '../../src/features/broadcast/noticeInput';
import { fiscalYearLabel, prefilledNotice, reiwaYear } from '../../src/features/broadcast/noticeTemplate';
import { noticeCardFor } from '../../src/features/broadcast/views/noticeCard';
import { translator } from '../../src/i18n';
import { executeActionsOf, kitakyushuActive, openApplicationWindow } from '../support/allCards';
import { loadFrameworkDocument, loadFrameworkFile } from './realFramework';

const { framework } = kitakyushuActive();
const ja = translator('ja');
const en = translator('en');

describe('the Reiwa year', () => {
  it.each([
    [2019, 1],
    [2025, 7],
    [2026, 8],
    [2030, 12],
  ])('of fiscal year %i is %i', (fiscalYear, year) => {
    expect(reiwaYear(fiscalYear)).toBe(year);
  });

  it('names the fiscal year as the city writes it, and in English', () => {
    expect(fiscalYearLabel(2026, ja)).toBe('令和8年度');
    expect(fiscalYearLabel(2026, en)).toBe('fiscal year Reiwa 8');
  });
});

describe('the pre-filled notice', () => {
  // Gold from June 1 to June 30; Silver set by HR from June 15, 09:00 to July 15, 00:00 (so the last day is July 14).
  const gold = openApplicationWindow(framework, 'gold');
  const silver: ApplicationWindow = { ...openApplicationWindow(framework, 'silver'), opensAt: '2026-06-15T00:00:00.000Z', closesAt: '2026-07-14T15:00:00.000Z' };
  const notice = prefilledNotice(framework, 2026, [gold, silver], ja, 'ja');

  it('has a title naming the Reiwa year and the tracks', () => {
    expect(notice.title).toBe('令和8年度 DX人材（ゴールド・シルバー）募集のお知らせ');
    expect(Array.from(notice.title).length).toBeLessThanOrEqual(TITLE_MAX);
  });

  it('gives each track’s window in Japan time, the last day being the day before the window closes', () => {
    const lines = notice.body.split('\n');
    expect(lines[0]).toBe('北九州市DX・AI人財戦略に基づき、令和8年度のDX人材（ゴールド・シルバー）の候補者を募集します。');
    expect(lines).toContain('・ゴールド：2026年6月1日〜2026年6月30日');
    expect(lines).toContain('・シルバー：2026年6月15日〜2026年7月14日');
  });

  it('says what the scheme is and how to apply, within the limits the form enforces', () => {
    expect(notice.body).toContain(framework.rules.applicationWindow?.text);
    expect(notice.body).toContain('■ 応募のしかた');
    expect(notice.body).toContain('上司に承認の依頼が届きます');
    expect(readNotice(framework, noticeFormOf(notice), 2026, ja)).toEqual({ ok: true, notice });
  });

  it('carries an Apply button per track and the fiscal year it announces', () => {
    expect(notice.apply).toEqual([
      { track: 'gold', label: 'ゴールドに応募する' },
      { track: 'silver', label: 'シルバーに応募する' },
    ]);
    expect(notice.fiscalYear).toBe(2026);
  });

  it('is written in English for an English-speaking HR officer', () => {
    const english = prefilledNotice(framework, 2026, [gold], en, 'en');
    expect(english.title).toBe('Call for DX talent (ゴールド), fiscal year Reiwa 8');
    expect(english.body).toContain('· ゴールド: 1 Jun 2026 to 30 Jun 2026');
    expect(english.apply).toEqual([{ track: 'gold', label: 'Apply for ゴールド' }]);
  });
});

describe('the pre-filled notice for a window outside the rules’ month', () => {
  // The rules say 「毎年6月頃、ゴールド・シルバー認定の候補者を募ります。必須研修の受講など…認定されます。」
  const silverInDecember: ApplicationWindow = {
    ...openApplicationWindow(framework, 'silver'),
    opensAt: '2026-11-30T15:00:00.000Z',
    closesAt: '2026-12-25T15:00:00.000Z',
  };
  const withRules = (text: string, month = 6): typeof framework =>
    loadFrameworkDocument({ ...framework.document, rules: { ...framework.document.rules, applicationWindow: { month, tiers: ['gold', 'silver'], text } } }, 'rules');

  it('announces only that window, and leaves out the rules’ sentence naming the usual month', () => {
    const notice = prefilledNotice(framework, 2026, [silverInDecember], ja, 'ja');
    expect(notice.title).toBe('令和8年度 DX人材（シルバー）募集のお知らせ');
    expect(notice.body).toContain('・シルバー：2026年12月1日〜2026年12月25日');
    expect(notice.body).not.toContain('ゴールド');
    expect(notice.body).not.toContain('6月');
    expect(notice.body).toContain('■ 募集の内容\n必須研修の受講などそれぞれの認定プロセスを経ることで認定されます。\n');
    expect(notice.apply).toEqual([{ track: 'silver', label: 'シルバーに応募する' }]);
  });

  it('keeps the rules’ words whole for a window in the usual month', () => {
    const silverInJune = { ...silverInDecember, opensAt: '2026-06-14T15:00:00.000Z', closesAt: '2026-07-14T15:00:00.000Z' };
    expect(prefilledNotice(framework, 2026, [silverInJune], ja, 'ja').body).toContain(`■ 募集の内容\n${framework.rules.applicationWindow!.text}\n`);
  });

  it('reads the month in full-width digits too, never 12月 as 2月, and drops the section when nothing is left', () => {
    const fullWidth = prefilledNotice(withRules('毎年６月頃に募集します。'), 2026, [silverInDecember], ja, 'ja');
    expect(fullWidth.body).not.toContain('■ 募集の内容');
    expect(fullWidth.body).not.toContain('６月');
    const february = withRules('12月に案内します。毎年2月に募集します。', 2);
    expect(prefilledNotice(february, 2026, [silverInDecember], ja, 'ja').body).toContain('■ 募集の内容\n12月に案内します。\n');
  });
});

describe('the pre-filled notice of a framework without an application window', () => {
  const moka = loadFrameworkFile('moka');
  const notice = prefilledNotice(moka, 2026, [], ja, 'ja');

  it('names the year and the framework, says how one is certified in its words, and has no Apply buttons', () => {
    expect(notice.title).toBe('令和8年度 真岡市職員DX人材育成方針のお知らせ');
    expect(notice.apply).toEqual([]);
    expect(notice.body).toContain(moka.rules.evaluation?.text);
    for (const tier of moka.document.tiers) expect(notice.body).toContain(`■ ${tier.name}の認定基準\n${tier.criteria}`);
    expect(notice.body).not.toContain('応募ボタン');
    expect(readNotice(moka, noticeFormOf(notice), 2026, ja)).toEqual({ ok: true, notice });
  });

  it('takes no Apply button: the framework has no track to apply for', () => {
    expect(readNotice(moka, { ...noticeFormOf(notice), applyTracks: 'adviser' }, 2026, ja)).toEqual({ ok: false, problem: 'tracks' });
  });
});

describe('reading the compose form', () => {
  const read = (form: Partial<{ title: string; body: string; applyTracks: string }>): ReturnType<typeof readNotice> =>
    readNotice(framework, { title: '件名', body: '本文', applyTracks: '', ...form }, 2026, ja);

  it('trims the title and body and makes one kind of line break', () => {
    const result = read({ title: '  件名  ', body: '\r\n一行目\r\n二行目\r\n' });
    expect(result).toEqual({ ok: true, notice: { title: '件名', body: '一行目\n二行目', apply: [], fiscalYear: 2026 } });
  });

  it('counts characters as people do: an emoji is one', () => {
    expect(read({ title: '🎉'.repeat(TITLE_MAX) }).ok).toBe(true);
    expect(read({ title: '🎉'.repeat(TITLE_MAX + 1) })).toEqual({ ok: false, problem: 'title' });
    expect(read({ body: 'あ'.repeat(BODY_MAX) }).ok).toBe(true);
    expect(read({ body: 'あ'.repeat(BODY_MAX + 1) })).toEqual({ ok: false, problem: 'body' });
  });

  it('needs a title and at least one line of body, and no more lines than the card can hold', () => {
    expect(read({ title: ' ' })).toEqual({ ok: false, problem: 'title' });
    expect(read({ body: '\n  \n' })).toEqual({ ok: false, problem: 'body' });
    expect(read({ body: Array.from({ length: BODY_MAX_LINES }, () => 'x').join('\n') }).ok).toBe(true);
    expect(read({ body: Array.from({ length: BODY_MAX_LINES + 1 }, () => 'x').join('\n') })).toEqual({ ok: false, problem: 'body' });
  });

  it('keeps Apply buttons once each, in the framework’s order, and refuses a track one cannot apply for', () => {
    const tracks = (applyTracks: string): string[] | undefined => {
      const result = read({ applyTracks });
      return result.ok ? result.notice.apply.map((a) => a.track) : undefined;
    };
    expect(tracks('silver, gold,gold')).toEqual(['gold', 'silver']);
    expect(tracks('professional')).toEqual(['professional']);
    expect(tracks('')).toEqual([]);
    expect(read({ applyTracks: 'gold,bronze' })).toEqual({ ok: false, problem: 'tracks' });
  });

  it('cuts a refused form to its limits by characters, never in the middle of one', () => {
    const form = clipped({ title: '😀'.repeat(TITLE_MAX + 5), body: 'あ'.repeat(BODY_MAX + 5), applyTracks: 'gold' });
    expect(Array.from(form.title)).toHaveLength(TITLE_MAX);
    expect(form.title).toBe('😀'.repeat(TITLE_MAX));
    expect(form.body).toHaveLength(BODY_MAX);
    expect(form.applyTracks).toBe('gold');
  });
});

describe('the card recipients get', () => {
  // Plain text, never markdown: each block is a RichTextBlock of one TextRun.
  type Block = { type: string; inlines?: { text: string }[]; spacing?: string };
  const blocks = (body: string): Block[] =>
    noticeCardFor({ title: '件名', body, apply: [], fiscalYear: 2026 }, ja).body as Block[];
  const textOf = (block: Block | undefined): string | undefined => block?.inlines?.[0]?.text;

  it('keeps each line of the body, with space before each paragraph and none inside one', () => {
    const [title, ...lines] = blocks('一行目\n二行目\n\n\n三行目');
    expect(textOf(title)).toBe('件名');
    expect(lines.map((b) => [b.type, textOf(b), b.spacing])).toEqual([
      ['RichTextBlock', '一行目', 'Medium'],
      ['RichTextBlock', '二行目', 'None'],
      ['RichTextBlock', '三行目', 'Medium'],
    ]);
  });

  it('has an Apply button per track, opening that track’s form, and the way to the menu', () => {
    const card = noticeCardFor({ title: '件名', body: '本文', apply: [{ track: 'silver', label: 'シルバーに応募する' }], fiscalYear: 2026 }, ja);
    expect(executeActionsOf(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['シルバーに応募する', 'application.form', { track: 'silver', from: 'notice' }],
      ['メニューに戻る', 'menu.show', {}],
    ]);
  });
});
