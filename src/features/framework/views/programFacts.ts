import type { Program, ProgramPart } from '../../../domain/framework/schema';
import type { Translate } from '../../../i18n';
import { grouped } from '../../broadcast/views/describe';

/** "受講者規模：40,000人/年" or "5,000人/5年": how many people a program means to reach, as the source sets it. */
export function participationText(target: NonNullable<Program['participationTarget']>, t: Translate): string {
  const count = grouped(target.count);
  return target.years === 1 ? t('program.participationPerYear', { count }) : t('program.participationPerYears', { count, years: target.years });
}

/** What the source says of whom a program (or a part of it) is for and how many it means to reach, a phrase each. */
export function programFacts(item: Program | ProgramPart, t: Translate): string[] {
  const facts = item.ranks.length > 0 ? [t('program.ranks', { ranks: item.ranks.join('、') })] : [];
  const target = 'participationTarget' in item ? item.participationTarget : undefined;
  return target ? [...facts, participationText(target, t)] : facts;
}
