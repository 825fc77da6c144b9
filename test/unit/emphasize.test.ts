import { emphasize } from '../../src/features/framework/views/emphasize';
import { loadKitakyushu } from './realFramework';

describe('emphasize', () => {
  it('bolds each phrase in order', () => {
    expect(emphasize('担当業務の課題について、因果関係を把握する。', ['担当業務の課題', '因果関係'])).toBe(
      '**担当業務の課題**について、**因果関係**を把握する。',
    );
  });

  it('skips a phrase the text does not contain', () => {
    expect(emphasize('AとB', ['X', 'B'])).toBe('Aと**B**');
    expect(emphasize('AとB', ['A', 'X', 'B'])).toBe('**A**と**B**');
  });

  it('bolds a repeated phrase at its next occurrence each time', () => {
    expect(emphasize('改善と挑戦と改善', ['改善', '改善'])).toBe('**改善**と挑戦と**改善**');
    expect(emphasize('改善と挑戦と改善', ['改善'])).toBe('**改善**と挑戦と改善');
  });

  it('looks for a phrase only after the previous one', () => {
    expect(emphasize('AとB', ['B', 'A'])).toBe('Aと**B**');
  });

  it('returns the text unchanged without phrases', () => {
    expect(emphasize('そのまま', [])).toBe('そのまま');
  });

  it('bolds every highlight of every Kitakyushu role', () => {
    for (const role of loadKitakyushu().document.roles) {
      const bold = emphasize(role.text!, role.highlights).match(/\*\*[^*]+\*\*/g) ?? [];
      expect(bold.map((b) => b.slice(2, -2))).toEqual(role.highlights);
    }
  });
});
