import type { AdaptiveCard } from '../../src/cards/renderCard';
import { keptAnswer } from '../../src/features/framework/keptAnswers';
import { loadFrameworkFile } from './realFramework';

// The framework's answers are built once per version and key, and shared: frozen, so no reader can change another's.

const card = (title: string): AdaptiveCard => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: title }] });

describe('keptAnswer', () => {
  it('builds an answer once per version and key, and again for another key or a new version', () => {
    const [v1, v2] = [loadFrameworkFile('moka'), loadFrameworkFile('moka')];
    let builds = 0;
    const build = (title: string) => (): AdaptiveCard => (builds++, card(title));

    const first = keptAnswer(v1, 'ja level 1', build('Lv.1'));
    expect(keptAnswer(v1, 'ja level 1', build('not built'))).toBe(first);
    expect(builds).toBe(1);
    expect(keptAnswer(v1, 'en level 1', build('Lv.1 (en)')).body).toEqual([{ type: 'TextBlock', text: 'Lv.1 (en)' }]);
    expect(keptAnswer(v2, 'ja level 1', build('Lv.1 of v2')).body).toEqual([{ type: 'TextBlock', text: 'Lv.1 of v2' }]);
    expect(builds).toBe(3);
  });

  it('hands out a card nobody can change, down to its blocks', () => {
    const kept = keptAnswer(loadFrameworkFile('moka'), 'ja menu', () => card('メニュー'));
    const block = (kept.body as { text: string }[])[0]!;
    expect(() => (block.text = 'changed')).toThrow(TypeError);
    expect(block.text).toBe('メニュー');
  });
});
