import type { Audience } from '../../../domain/broadcast/audience';
import type { BroadcastState } from '../../../domain/broadcast/broadcast';
import type { MessageKey, Translate } from '../../../i18n';
import { fiscalYearLabel } from '../noticeTemplate';

/** A broadcast's state in plain words ("送信中"). */
export function stateLabel(state: BroadcastState, t: Translate): string {
  return t(`broadcast.state.${state}` as MessageKey);
}

/** Who a broadcast goes to, in one line ("所属：市民局、建設局"). */
export function describeAudience(audience: Audience, t: Translate): string {
  const list = (names: readonly string[]): string => names.join(t('broadcast.listJoin'));
  switch (audience.kind) {
    case 'everyone':
      return t('broadcast.describe.everyone');
    case 'departments':
      return t('broadcast.describe.departments', { list: list(audience.departments) });
    case 'grades':
      return t('broadcast.describe.grades', { list: list(audience.grades) });
    case 'notApplied':
      return t('broadcast.describe.notApplied', { year: fiscalYearLabel(audience.fiscalYear, t) });
    case 'missingTraining': {
      const [year, month, day] = audience.by.split('-').map(Number) as [number, number, number];
      const by = t('broadcast.describe.day', { year, month, day });
      return t('broadcast.describe.missingTraining', { year: fiscalYearLabel(audience.fiscalYear, t), program: audience.programName, by });
    }
  }
}

/** A count grouped in thousands, as both languages write it ("10,000"). */
export function grouped(count: number): string {
  return count.toLocaleString('en-US');
}

/** A number of people ("10,000人"). */
export function people(count: number, t: Translate): string {
  return t('broadcast.people', { count: grouped(count) });
}
