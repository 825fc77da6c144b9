import type { Framework } from '../../src/domain/framework/framework';
import { loadFrameworkDocument } from '../unit/realFramework';
import { smallFrameworkDocument } from './smallFramework';

/** The tiers of the framework below, by id, lowest first. */
export const MOKA_TIERS = { advisor: 'advisor', expert: 'expert', specialist: 'specialist' } as const;
/** Its evaluation viewpoints, by id, in its order. */
export const MOKA_VIEWPOINTS = { policy: 'policy', leadership: 'leadership', technical: 'technical' } as const;

/**
 * A small framework shaped like Moka's (デジタル人材育成方針, DX人材認定制度): three tiers certified through an
 * evaluation from three viewpoints, with the four-step default scale. Written here so the tests do not depend on the
 * city's data file, which is written separately.
 */
export function mokaLikeDocument(id: string): Record<string, unknown> {
  return smallFrameworkDocument({
    header: {
      id,
      name: '真岡市 デジタル人材育成方針',
      city: '真岡市',
      published: '令和5年',
      source: '真岡市 デジタル人材育成方針（DX人材認定制度）',
    },
    tiers: [
      {
        id: MOKA_TIERS.advisor,
        name: 'DXアドバイザー',
        audience: 'プロジェクトのメンバー',
        criteria: 'プロジェクトにメンバーとして参加し、報告会において一定以上の評価を得る。',
        targetCount: 60,
      },
      {
        id: MOKA_TIERS.expert,
        name: 'DXエキスパート',
        audience: 'プロジェクトのリーダー',
        criteria: 'DXアドバイザーに認定された上でプロジェクトにリーダーとして参加し、報告会において一定以上の評価を得る。プロジェクト終了後、メンバーから一定以上の評価を得る。',
        targetCount: 30,
      },
      {
        id: MOKA_TIERS.specialist,
        name: 'DXスペシャリスト',
        audience: 'プロジェクトをマネジメントする職員',
        criteria: '2年以上連続してプロジェクトにリーダーとして参加し、報告会において一定以上の評価を得る。プロジェクト終了後、メンバーから一定以上の評価を得る。',
        targetCount: 10,
      },
    ],
    levels: [
      { level: 1, title: 'プロジェクトにメンバーとして参加する職員', tier: MOKA_TIERS.advisor },
      { level: 2, title: 'プロジェクトの中心的な役割を担う職員', tier: MOKA_TIERS.expert },
      { level: 3, title: 'プロジェクトをマネジメントする職員', tier: MOKA_TIERS.specialist },
    ],
    category: { id: 'project', name: 'プロジェクト活動' },
    rules: {
      levelsCertified: true,
      requiredSkillsAtApplication: false,
      evaluation: {
        tiers: [MOKA_TIERS.advisor, MOKA_TIERS.expert, MOKA_TIERS.specialist],
        viewpoints: [
          { id: MOKA_VIEWPOINTS.policy, name: '政策的観点', raters: '幹部職員', description: '市の政策や所属の目標に照らした取組の価値' },
          { id: MOKA_VIEWPOINTS.leadership, name: 'リーダーシップ', raters: '同一所属職員、プロジェクトメンバー' },
          { id: MOKA_VIEWPOINTS.technical, name: '技術的観点', raters: '委託業者等専門家' },
        ],
        skillMap: {
          skills: [{ name: 'マネジメント' }, { name: 'リーダーシップ' }, { name: 'AI/RPA' }, { name: 'データ利活用' }, { name: 'UI/UX' }],
          text: 'プロジェクト活動を通じてスキル(横軸)と段階(縦軸)で評価・認定される。',
        },
        text: '政策的観点（幹部職員）、リーダーシップ（同一所属職員、プロジェクトメンバー）、技術的観点（委託業者等専門家）などの多角的な観点から評価する。',
      },
    },
  });
}

/** The same framework as the bot loads it. */
export function mokaLikeFramework(id = 'moka-like'): Framework {
  return loadFrameworkDocument(mokaLikeDocument(id), 'the Moka-like framework');
}
