import { EMPTY_PROGRESS, type Broadcast, type Progress } from '../../src/domain/broadcast/broadcast';
import { broadcastStatusCard } from '../../src/features/broadcast/views/statusCard';
import { translator } from '../../src/i18n';
import { textOf } from '../support/botHarness';
import { executeActionsOf } from '../support/allCards';

// What HR's progress card says in each state: the card the sender updates in place while it sends.

const ja = translator('ja');
const june1 = '2026-06-01T00:00:00.000Z';

function broadcast(state: Broadcast['state'], progress: Partial<Progress> = {}, extra: Partial<Broadcast> = {}): Broadcast {
  const p = { ...EMPTY_PROGRESS, ...progress };
  return {
    id: '8220783999999-0000000a',
    frameworkId: 'kk',
    state,
    notice: { title: '令和8年度 DX人材募集のお知らせ', body: '本文', apply: [], fiscalYear: 2026 },
    audience: { kind: 'departments', departments: ['市民局', '建設局'] },
    createdBy: { aadObjectId: 'hr', name: '到津 由美' },
    createdAt: '2026-05-20T01:00:00.000Z',
    startAt: june1,
    startedAt: state === 'sending' || state === 'completed' ? june1 : undefined,
    round: 1,
    preparedRound: 1,
    progress: { ...p, total: p.pending + p.sent + p.failed + p.unreachable + p.cancelled },
    ...extra,
  };
}

const card = (b: Broadcast, now = new Date('2026-06-01T00:02:00.000Z')): { text: string; verbs: string[] } => {
  const rendered = broadcastStatusCard(b, ja, 'ja', now);
  return { text: textOf(rendered), verbs: executeActionsOf(rendered).map((a) => a.verb as string) };
};

describe('the progress card', () => {
  it('while scheduled: who, when it starts (or that it starts shortly), refresh and stop', () => {
    const later = card(broadcast('scheduled'), new Date('2026-05-31T00:00:00.000Z'));
    expect(later.text).toContain('送信待ち');
    expect(later.text).toContain('所属：市民局、建設局');
    expect(later.text).toContain('2026年6月1日 09:00');
    expect(later.verbs).toEqual(['hr.broadcast.status', 'hr.broadcast.cancel', 'hr.broadcasts', 'menu.show']);
    expect(card(broadcast('scheduled'), new Date(june1)).text).toContain('まもなく始まります');
  });

  it('while sending: the counts, a progress bar, the rate and the time left', () => {
    const { text, verbs } = card(broadcast('sending', { sent: 4000, failed: 10, unreachable: 290, pending: 5700, ratePerSecond: 47.5 }));
    expect(text).toContain('■■■■■■■■□□□□□□□□□□□□ 43%');
    for (const words of ['10,000人', '4,000人', '10人', '290人', '5,700人', '毎秒 47.5件', '約2分0秒']) {
      expect({ words, shown: text.includes(words) }).toEqual({ words, shown: true });
    }
    expect(verbs).toEqual(['hr.broadcast.status', 'hr.broadcast.cancel', 'hr.broadcasts', 'menu.show']);
  });

  it('says the time left in seconds near the end, and "calculating" before there is a rate', () => {
    expect(card(broadcast('sending', { sent: 990, pending: 10, ratePerSecond: 50 })).text).toContain('約1秒');
    expect(card(broadcast('sending', { pending: 10 })).text).toContain('計算中');
    expect(card(broadcast('sending')).text).toContain('送る相手の一覧を用意しています');
  });

  it('after a stop is asked for: who asked, and no second "stop"', () => {
    const stopping = broadcast('sending', { sent: 5, pending: 5 }, { cancelRequestedBy: { aadObjectId: 'hr', name: '井筒 誠', at: '2026-06-01T00:01:00.000Z' } });
    const { text, verbs } = card(stopping);
    expect(text).toContain('井筒 誠さんが中止を指示しました（2026年6月1日 09:01）');
    expect(verbs).not.toContain('hr.broadcast.cancel');
  });

  it('when completed: the totals, each reason with what to do, possible duplicates, the CSV and "send again"', () => {
    const done = broadcast('completed', { sent: 90, failed: 6, unreachable: 4, possibleDuplicates: 2, failureReasons: { notInstalled: 4, serviceUnavailable: 6 } });
    const { text, verbs } = card({ ...done, finishedAt: '2026-06-01T00:05:00.000Z' });
    expect(text).toContain('■■■■■■■■■■■■■■■■■■■■ 100%');
    expect(text).toContain('アプリが入っていない：4人');
    expect(text).toContain('情報システム担当（Teams管理者）に「Teams管理センターのセットアップポリシーで、DX Naviのアプリを全職員にインストールしてほしい」と依頼してください');
    expect(text).toContain('Teamsの一時的な障害：6人');
    expect(text).not.toContain('Teamsの送信制限');
    expect(text).toContain('重複の可能性：2人');
    expect(text).not.toContain('毎秒');
    expect(verbs).toEqual(['hr.broadcast.export', 'hr.broadcast.retry', 'hr.broadcasts', 'menu.show']);
  });

  it('offers no "send again" when everyone was reached, nor for a cancelled broadcast', () => {
    expect(card(broadcast('completed', { sent: 100 })).verbs).toEqual(['hr.broadcast.export', 'hr.broadcasts', 'menu.show']);
    const cancelled = card(broadcast('cancelled', { sent: 10, unreachable: 2, cancelled: 88, failureReasons: { notInstalled: 2 } }));
    expect(cancelled.text).toContain('中止のため送らなかった');
    expect(cancelled.text).toContain('88人');
    expect(cancelled.verbs).toEqual(['hr.broadcast.export', 'hr.broadcasts', 'menu.show']);
  });

  it('names the round of a second send', () => {
    expect(card(broadcast('scheduled', {}, { round: 2 })).text).toContain('2回目（前回届かなかった人への再送）');
    expect(card(broadcast('scheduled')).text).not.toContain('回目');
  });
});
