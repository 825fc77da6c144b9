import type { Framework } from '../../src/domain/framework/framework';
import { loadFrameworkDocument } from '../unit/realFramework';
import { smallFrameworkDocument } from './smallFramework';

/** The tiers of the framework below, by id: HR appoints the first two, and one leader per section. */
export const KUNISAKI_TIERS = { advanced: 'advanced', leader: 'leader', general: 'general' } as const;
/** The per-section tier's name, which is also a chat word for appointments. */
export const LEADER_NAME = 'DX推進リーダー';

/**
 * A small framework shaped like Kunisaki's (人材育成・確保基本方針（デジタル部分））: three tiers, no application
 * window; HR appoints 高度専門人材 and a DX推進リーダー in every 係. Written here so the tests do not depend on the
 * city's data file, which is written separately.
 */
export function kunisakiLikeDocument(id: string): Record<string, unknown> {
  return smallFrameworkDocument({
    header: {
      id,
      name: '国東市 人材育成・確保基本方針（デジタル部分）',
      city: '国東市',
      published: '令和8年3月',
      source: '国東市 人材育成・確保基本方針（デジタル部分）',
    },
    tiers: [
      { id: KUNISAKI_TIERS.advanced, name: '高度専門人材', audience: '情報部門担当職員' },
      { id: KUNISAKI_TIERS.leader, name: LEADER_NAME, audience: '各所属で指名された職員', targetCount: 1 },
      { id: KUNISAKI_TIERS.general, name: '一般職員', audience: '全職員' },
    ],
    levels: [
      { level: 1, title: '業務に必要なデジタルツールを使える職員', tier: KUNISAKI_TIERS.general },
      { level: 2, title: '所属業務のDXを推進する職員', tier: KUNISAKI_TIERS.leader },
      { level: 3, title: 'デジタル施策を組織の中心となって推進する職員', tier: KUNISAKI_TIERS.advanced },
    ],
    category: { id: 'digital', name: 'デジタルスキル' },
    rules: {
      levelsCertified: false,
      requiredSkillsAtApplication: false,
      appointment: {
        tiers: [KUNISAKI_TIERS.leader, KUNISAKI_TIERS.advanced],
        perSection: KUNISAKI_TIERS.leader,
        coverageUnit: '係',
        text: 'DX推進リーダーは各係に1人、所属で指名します。高度専門人材は情報部門担当職員です。',
      },
    },
  });
}

/** The same framework as the bot loads it. */
export function kunisakiLikeFramework(id = 'kunisaki-like'): Framework {
  return loadFrameworkDocument(kunisakiLikeDocument(id), 'the Kunisaki-like framework');
}
