import { undeliveredLine } from '../../src/features/notifier';
import { translator } from '../../src/i18n';

// The person who acted is told whether the other side got the news, and which of the two causes kept it from them,
// because what they should do differs: ask a colleague to open the bot, or simply tell them.
describe('undeliveredLine', () => {
  const ja = translator('ja');
  const en = translator('en');

  it('says nothing when the message arrived', () => {
    expect(undeliveredLine(ja, { delivered: true }, '門司 花子')).toBe('');
  });

  it('names someone who never opened the bot as the cause when they had no chat with it', () => {
    const line = undeliveredLine(ja, { delivered: false, failure: 'neverOpened' }, '門司 花子');
    expect(line).toBe('ただし門司 花子さんはまだDX Naviを開いたことがないため、通知は届いていません。直接お伝えください。');
  });

  it('names Teams as the cause when the send failed, not the person', () => {
    expect(undeliveredLine(ja, { delivered: false, failure: 'failed' }, '門司 花子')).toContain('Teamsが一時的に応答していない');
    expect(undeliveredLine(en, { delivered: false, failure: 'failed' }, 'Hanako')).toBe(
      'Teams is not answering for the moment, so the news could not reach Hanako: please tell them yourself.',
    );
  });

  it('says the news will come when it was kept for them, and when', () => {
    expect(undeliveredLine(ja, { delivered: false, failure: 'neverOpened', kept: true }, '門司 花子')).toBe(
      '門司 花子さんはまだDX Naviを開いたことがないため、通知はまだ届いていません。門司 花子さんがDX Naviを開くと届きます。',
    );
    expect(undeliveredLine(en, { delivered: false, failure: 'failed', kept: true }, 'Hanako')).toBe(
      'Teams is not answering for the moment, so the news has not reached Hanako yet; it will reach Hanako the next time they use DX Navi.',
    );
    // Still being sent is not kept: it may yet arrive.
    expect(undeliveredLine(ja, { delivered: false, failure: 'stillSending', kept: true }, '門司 花子')).toContain('まだ送信中です');
  });
});
