import { defaultWindow, type ApplicationWindow } from '../../src/domain/applications/applicationWindow';
import { jstMidnight } from '../../src/domain/applications/fiscalYear';
import type { Notice } from '../../src/domain/broadcast/broadcast';
import { refusedApplyButtons, toAnnounce, trackWindowAt, trackWindowsAt } from '../../src/domain/broadcast/noticeWindows';
import { loadFrameworkFile, loadKitakyushu } from './realFramework';

// Which windows a recruitment notice announces, and which of its Apply buttons would be refused when it arrives:
// Kitakyushu's rules open Gold and Silver each June; HR sets the windows that actually open (Japan time).

const framework = loadKitakyushu();

/** A window HR set for a track, from one Japan-time day to another (the closing day excluded). */
function window(track: string, fiscalYear: number, opens: [number, number, number], closes: [number, number, number]): ApplicationWindow {
  return {
    frameworkId: framework.id,
    fiscalYear,
    track,
    opensAt: jstMidnight(...opens).toISOString(),
    closesAt: jstMidnight(...closes).toISOString(),
  };
}

const goldLastJune = window('gold', 2026, [2026, 6, 1], [2026, 7, 1]);
const silverInDecember = window('silver', 2026, [2026, 12, 1], [2026, 12, 26]);
const december10 = jstMidnight(2026, 12, 10);

function noticeWith(...tracks: string[]): Notice {
  return { title: '件名', body: '本文', apply: tracks.map((track) => ({ track, label: track })), fiscalYear: 2026 };
}

describe('a track at a moment', () => {
  it('is open inside the window HR set', () => {
    expect(trackWindowAt(framework, 'silver', [silverInDecember], december10)).toEqual({ track: 'silver', state: 'open', window: silverInDecember });
  });

  it('is not yet open before it, with the window that opens later', () => {
    expect(trackWindowAt(framework, 'silver', [silverInDecember], jstMidnight(2026, 11, 20))).toEqual({
      track: 'silver',
      state: 'notYet',
      window: silverInDecember,
    });
  });

  it('is closed after its window, and while only the rules plan one: nobody can apply then', () => {
    expect(trackWindowAt(framework, 'gold', [goldLastJune], december10)).toEqual({ track: 'gold', state: 'closed' });
    expect(trackWindowAt(framework, 'gold', [], jstMidnight(2026, 6, 10))).toEqual({ track: 'gold', state: 'closed' });
  });

  it('is given for every track one can apply for, the professional track included', () => {
    expect(trackWindowsAt(framework, [goldLastJune, silverInDecember], december10).map((at) => [at.track, at.state])).toEqual([
      ['gold', 'closed'],
      ['silver', 'open'],
      ['professional', 'closed'],
    ]);
  });
});

describe('the Apply buttons a notice arriving at a moment would have refused', () => {
  it('are the closed tracks, in the notice’s order', () => {
    expect(refusedApplyButtons(framework, noticeWith('silver', 'gold'), [goldLastJune, silverInDecember], december10)).toEqual([
      { track: 'gold', state: 'closed' },
    ]);
  });

  it('include a track whose window opens after the notice arrives, and none once it is open', () => {
    const notice = noticeWith('silver');
    const stored = [silverInDecember];
    expect(refusedApplyButtons(framework, notice, stored, jstMidnight(2026, 11, 30))).toEqual([{ track: 'silver', state: 'notYet', window: silverInDecember }]);
    expect(refusedApplyButtons(framework, notice, stored, jstMidnight(2026, 12, 1))).toEqual([]);
  });

  it('are none for a notice without Apply buttons', () => {
    expect(refusedApplyButtons(framework, noticeWith(), [], december10)).toEqual([]);
  });
});

describe('what a new notice announces', () => {
  it('in December with only Silver open: Silver’s window, not Gold’s of last June', () => {
    expect(toAnnounce(framework, [goldLastJune, silverInDecember], december10)).toEqual({ windows: [silverInDecember], fiscalYear: 2026 });
  });

  it('in May with nothing set: the June the rules plan for both tracks', () => {
    expect(toAnnounce(framework, [], jstMidnight(2026, 5, 20))).toEqual({
      windows: [defaultWindow(framework, 2026, 'gold'), defaultWindow(framework, 2026, 'silver')],
      fiscalYear: 2026,
    });
  });

  it('with nothing open: the windows to come of the soonest fiscal year, HR’s before the rules’ plan', () => {
    const goldNextJune = window('gold', 2027, [2027, 6, 1], [2027, 7, 1]);
    // February of fiscal year 2026: Gold set for next June, Silver left to the rules: both in fiscal year 2027.
    expect(toAnnounce(framework, [goldLastJune, goldNextJune], jstMidnight(2027, 2, 1))).toEqual({
      windows: [goldNextJune, defaultWindow(framework, 2027, 'silver')],
      fiscalYear: 2027,
    });
    // A Silver window set for March comes first: Gold's June of the next year waits for a notice of its own.
    const silverInMarch = window('silver', 2026, [2027, 3, 1], [2027, 3, 20]);
    expect(toAnnounce(framework, [goldLastJune, silverInMarch], jstMidnight(2027, 2, 1))).toEqual({ windows: [silverInMarch], fiscalYear: 2026 });
  });

  it('is no window, in this fiscal year, for a framework without one', () => {
    expect(toAnnounce(loadFrameworkFile('moka'), [], december10)).toEqual({ windows: [], fiscalYear: 2026 });
  });
});
