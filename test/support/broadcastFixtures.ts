import { randomUUID } from 'node:crypto';
import type { Audience } from '../../src/domain/broadcast/audience';
import { forEachLimited } from '../../src/concurrency';
import { EMPTY_PROGRESS, type Broadcast } from '../../src/domain/broadcast/broadcast';
import type { ImportOptions } from '../../src/importing/importOutcome';
import { importRoster } from '../../src/importing/importRoster';
import { newBroadcastId } from '../../src/storage/broadcastRepository';
import type { Repositories } from '../../src/storage/repositories';

/** An employee of the generated staff, with the personal chat the fake Teams gives them. */
export interface StaffMember {
  readonly aadObjectId: string;
  readonly conversationId: string;
  readonly department: string;
}

/** Conversation references saved at once while seeding: one by one, 10,000 of them would mostly wait on round trips. */
const SAVES_IN_PARALLEL = 16;

/**
 * `count` employees in three departments, on the roster; those `reachable` says have opened the bot (on `serviceUrl`).
 * `onRosterProgress` hears how many roster rows are written, since a big roster takes a while.
 */
export async function seedStaff(
  repositories: Repositories,
  options: {
    count: number;
    serviceUrl: string;
    reachable: (index: number) => boolean;
    extraRows?: string[];
    onRosterProgress?: ImportOptions['onProgress'];
  },
): Promise<{ reachable: StaffMember[]; unreachable: StaffMember[] }> {
  const staff = Array.from({ length: options.count }, (_, i) => ({
    index: i,
    aadObjectId: randomUUID(),
    conversationId: `a:staff-${i}`,
    department: ['市民局', '建設局', '保健福祉局'][i % 3]!,
  }));
  const rows = staff.map((s) => [`S${s.index}`, `職員 ${s.index}`, `staff${s.index}@example.city.jp`, s.aadObjectId, s.department, '', '主事', '', ''].join(','));
  const csv = ['employeeNo,name,email,aadObjectId,department,section,grade,managerEmail,roles', ...rows, ...(options.extraRows ?? [])].join('\n');
  const outcome = await importRoster(csv, repositories.roster, { onProgress: options.onRosterProgress });
  if (outcome.status === 'invalid') throw new Error(JSON.stringify(outcome.issues));
  const reachable = staff.filter((s) => options.reachable(s.index));
  await forEachLimited(reachable, SAVES_IN_PARALLEL, (s) => meetBot(repositories, s, options.serviceUrl));
  return { reachable, unreachable: staff.filter((s) => !options.reachable(s.index)) };
}

/** What Teams would have told the bot when this person opened it: where their personal chat is. */
export async function meetBot(repositories: Repositories, s: StaffMember, serviceUrl: string): Promise<void> {
  await repositories.conversations.save({
    scope: 'user',
    key: s.aadObjectId,
    locale: 'ja-JP',
    reference: {
      serviceUrl,
      channelId: 'msteams',
      conversation: { id: s.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      user: { id: `29:${s.aadObjectId}`, aadObjectId: s.aadObjectId },
      bot: { id: '28:dx-navi', name: 'DX Navi' },
    },
  });
}

/** A confirmed broadcast, as HR's confirmation stores it, due now unless `startAt` says otherwise. */
export async function confirmedBroadcast(
  repositories: Repositories,
  frameworkId: string,
  options: { serviceUrl: string; audience?: Audience; startAt?: Date },
): Promise<Broadcast> {
  const now = new Date();
  return repositories.broadcasts.create({
    id: newBroadcastId(now),
    frameworkId,
    state: 'scheduled',
    notice: { title: '令和8年度 DX人材 募集のお知らせ', body: '募集を開始します。', apply: [{ track: 'gold', label: 'ゴールドに応募' }], fiscalYear: 2026 },
    audience: options.audience ?? { kind: 'everyone' },
    card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '令和8年度 DX人材 募集のお知らせ', wrap: true }] },
    createdBy: { aadObjectId: 'hr-officer', name: '到津 由美' },
    createdAt: now.toISOString(),
    confirmedAt: now.toISOString(),
    startAt: (options.startAt ?? now).toISOString(),
    round: 1,
    preparedRound: 0,
    progress: EMPTY_PROGRESS,
    progressCard: {
      reference: {
        serviceUrl: options.serviceUrl,
        channelId: 'msteams',
        conversation: { id: 'a:hr-officer', conversationType: 'personal', tenantId: 'tenant-1' },
        user: { id: '29:hr-officer' },
        bot: { id: '28:dx-navi', name: 'DX Navi' },
      },
      activityId: 'progress-card-1',
      locale: 'ja-JP',
    },
  });
}
