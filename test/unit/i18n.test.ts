import en from '../../src/i18n/en.json';
import ja from '../../src/i18n/ja.json';
import { resolveLocale, translator } from '../../src/i18n';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w[\w-]*)\}/g)].map((m) => m[1]!).sort();

describe('resolveLocale', () => {
  it.each(['en', 'en-US', 'en-GB', 'EN-us'])('speaks English to %p', (locale) => {
    expect(resolveLocale(locale)).toBe('en');
  });

  it.each(['ja', 'ja-JP', undefined, '', 'fr', 'fr-FR'])('speaks Japanese to %p', (locale) => {
    expect(resolveLocale(locale)).toBe('ja');
  });
});

describe('translator', () => {
  it('fills placeholders in each language', () => {
    expect(translator('ja')('common.levelHeading', { level: 3, title: '各職場でDXを企画・実行する人材' })).toBe(
      'Lv.3 各職場でDXを企画・実行する人材',
    );
    expect(translator('en')('ladder.title', { count: 5 })).toBe('The 5 levels of DX talent');
    expect(translator('ja')('ladder.title', { count: 5 })).toBe('DX人材の5つのレベル');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(translator('en')('common.levelHeading', { level: 2 })).toBe('Lv.2 {title}');
    expect(translator('ja')('ladder.title')).toBe('DX人材の{count}つのレベル');
  });
});

describe('message catalogs', () => {
  const jaCatalog: Record<string, string> = ja;
  const enCatalog: Record<string, string> = en;

  it('have exactly the same keys', () => {
    expect(Object.keys(enCatalog).sort()).toEqual(Object.keys(jaCatalog).sort());
  });

  it('use the same placeholders for each key', () => {
    const mismatched = Object.keys(jaCatalog).filter(
      (key) => placeholders(jaCatalog[key]!).join() !== placeholders(enCatalog[key] ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('have no empty messages', () => {
    const empty = [
      ...Object.entries(jaCatalog).map(([key, text]) => ['ja', key, text]),
      ...Object.entries(enCatalog).map(([key, text]) => ['en', key, text]),
    ].filter(([, , text]) => text!.trim() === '');
    expect(empty).toEqual([]);
  });

  it('never send HR or employees to developer documents or tools: they have no README, repository or terminal', () => {
    const developerWords = /README|GitHub|\.md\b|\.json\b|npm|環境変数|environment variable|コマンドライン|command line/i;
    const found = [
      ...Object.entries(jaCatalog).map(([key, text]) => ['ja', key, text]),
      ...Object.entries(enCatalog).map(([key, text]) => ['en', key, text]),
    ].filter(([, , text]) => developerWords.test(text!));
    expect(found).toEqual([]);
  });
});
