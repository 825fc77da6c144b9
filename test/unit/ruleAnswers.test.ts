import { findRuleAnswer } from '../../src/domain/framework/ruleAnswers';
import { loadFrameworkFile } from './realFramework';

const kitakyushu = loadFrameworkFile('kitakyushu');
const moka = loadFrameworkFile('moka');
const kunisaki = loadFrameworkFile('kunisaki');

describe('findRuleAnswer: questions about the rules, answered in the framework\'s words', () => {
  const { rules } = kitakyushu.document;

  it.each([
    ['募集はいつですか', 'applicationWindow', rules.applicationWindow?.text],
    ['シルバーになるにはどうすればいいですか', 'applicationWindow', rules.applicationWindow?.text],
    ['レベルは認定されますか？', 'levelsCertified', rules.notes[1]],
    ['応募するのに必須スキルは必要ですか', 'requiredSkillsAtApplication', rules.notes[2]],
    ['ゴールドに応募する条件は？', 'requiredSkillsAtApplication', rules.notes[2]],
    ['プロフェッショナルトラックには誰が応募できますか', 'professionalTrack', rules.professionalTrack?.text],
    ['デジタルエキスパートになるには？', 'digitalExpert', rules.digitalExpert?.text],
    ['KPIを教えて', 'kpi', rules.kpi?.text],
    ['DX人材はこれまで何人育ったの？', 'kpi', rules.kpi?.text],
    ['When is the application window?', 'applicationWindow', rules.applicationWindow?.text],
  ])('Kitakyushu: %p → %s, quoting the data', (question, topic, quote) => {
    expect(quote).toBeDefined();
    expect(findRuleAnswer(kitakyushu, question)).toEqual({ topic, quotes: [quote] });
  });

  it('Kitakyushu: the tiers and their difference, each tier with its audience', () => {
    expect(findRuleAnswer(kitakyushu, 'シルバーとゴールドの違いは？')).toEqual({
      topic: 'tiers',
      quotes: ['ブロンズ：全職員', 'シルバー：DX変革リーダー', 'ゴールド：DX変革リーダー'],
    });
    expect(findRuleAnswer(kitakyushu, 'シルバーの対象は？')?.topic).toBe('tiers');
  });

  it('Moka: certified by evaluation, so "when to apply" is answered with how people are certified', () => {
    const evaluation = moka.document.rules.evaluation?.text;
    expect(findRuleAnswer(moka, '募集はいつですか')).toEqual({ topic: 'evaluation', quotes: [evaluation] });
    expect(findRuleAnswer(moka, 'どうすれば認定されますか')?.topic).toBe('evaluation');
    const tiers = findRuleAnswer(moka, 'DXアドバイザーとエキスパートの違いは？');
    expect(tiers?.topic).toBe('tiers');
    expect(tiers?.quotes[1]).toBe(`DXエキスパート：${moka.document.tiers[1]?.criteria}`);
  });

  it('Kunisaki: appointed, so "how to become a leader" quotes the appointment text', () => {
    const appointment = kunisaki.document.rules.appointment?.text;
    expect(findRuleAnswer(kunisaki, 'DX推進リーダーになるにはどうすればいい？')).toEqual({ topic: 'appointment', quotes: [appointment] });
    expect(findRuleAnswer(kunisaki, '高度専門人材とは？')?.topic).toBe('tiers');
  });

  it.each([
    [kitakyushu, 'AIの研修はありますか？'],
    [kitakyushu, '説明が苦手です'],
    [kitakyushu, 'シルバーに応募したい'],
    [moka, 'プロフェッショナルトラックには誰が応募できますか'],
    [kunisaki, 'レベルは認定されますか'],
  ])('leaves a question no rule of the framework answers to the search (%#)', (framework, question) => {
    expect(findRuleAnswer(framework, question)).toBeUndefined();
  });
});
