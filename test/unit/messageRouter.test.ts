import { loadFrameworkFile, loadKitakyushu } from './realFramework';
import { everydayQuestions, routerOfAllIntents } from '../support/everydayQuestions';

const router = routerOfAllIntents();
const kitakyushu = loadKitakyushu();
const understood = (text: string, framework = kitakyushu) => router.understand(text, framework);
const intentOf = (text: string, framework = kitakyushu): string | undefined => {
  const understanding = understood(text, framework);
  return understanding.kind === 'act' ? understanding.recognition.intent : understanding.kind;
};
const levelOf = (text: string): number | undefined => {
  const understanding = understood(text);
  return understanding.kind === 'act' ? understanding.recognition.entities.level : undefined;
};

describe('the router, on the everyday questions', () => {
  const questions = everydayQuestions();

  it.each(questions.filter((q) => q.expect === 'intent').map((q) => [q.text, q.intent!]))('takes %p for %p', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each(questions.filter((q) => q.expect === 'framework').map((q) => [q.text]))('leaves the question %p to the framework', (text) => {
    expect(intentOf(text)).toBe('search');
  });
});

describe('the router, on what the chat commands always accepted', () => {
  it.each(['メニュー', 'ヘルプ', 'help', 'HELP', 'Help!', 'menu。', '使い方', '?', '', 'こんにちは！', 'Good morning'])('reads %p as the menu', (text) => {
    expect(intentOf(text)).toBe('menu');
  });

  it.each([['レベル3', 3], ['Lv.3', 3], ['lv3', 3], ['ＬＶ．３', 3], ['ｌｖ５', 5], ['level 3', 3], ['Level 4.', 4], ['レベル10', 10]])(
    'reads %p as level %d',
    (text, level) => {
      expect(intentOf(text)).toBe('framework.level');
      expect(levelOf(text)).toBe(level);
    },
  );

  it.each([['研修 2', 2], ['training 4', 4], ['研修　５', 5], ['Training Lv.4', 4]])('reads %p as training for level %d', (text, level) => {
    expect(intentOf(text)).toBe('framework.training');
    expect(levelOf(text)).toBe(level);
  });

  it('does not take a three-digit number for a level', () => {
    expect(intentOf('lv.123')).toBe('search');
  });

  it.each([['検索 AI', 'AI'], ['検索　診断', '診断'], ['search project', 'project']])('reads %p as a search for %p, whatever the words', (text, query) => {
    const understanding = understood(text);
    expect(understanding.kind === 'act' && understanding.recognition).toEqual({ intent: 'search', entities: { query }, score: 1 });
  });

  it.each([
    ['チーム', ''],
    ['team boss@example.city.jp', 'boss@example.city.jp'],
  ])('reads %p as the team of %p', (text, email) => {
    const understanding = understood(text);
    expect(understanding.kind === 'act' && understanding.recognition.intent).toBe('team.show');
    expect(understanding.kind === 'act' && (understanding.recognition.entities.email ?? '')).toBe(email);
  });

  it('takes the name of a tier the framework appoints to for appointments, and only in that city', () => {
    const kunisaki = loadFrameworkFile('kunisaki');
    const appointed = kunisaki.document.tiers.find((tier) => kunisaki.rules.appointment?.tiers.includes(tier.id))!;
    expect(intentOf(appointed.name, kunisaki)).toBe('appointments');
    expect(intentOf(appointed.name, kitakyushu)).toBe('search');
  });
});

describe('when two readings are close', () => {
  it('asks which was meant', () => {
    const understanding = understood('診断 応募');
    expect(understanding.kind).toBe('ask');
    expect(understanding.kind === 'ask' && understanding.readings.map((r) => r.intent).sort()).toEqual(['applications.open', 'assessment.open']);
  });
});
