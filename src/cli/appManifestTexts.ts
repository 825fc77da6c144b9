import type { FrameworkDocument } from '../domain/framework/schema';
import { translator, type Locale } from '../i18n';

/** The links a Teams app must have (https): the developer's site, its privacy statement and terms of use. */
export interface AppLinks {
  readonly website?: string;
  readonly privacy?: string;
  readonly terms?: string;
}

/** What names the city in the app package: the `${{APP_…}}` placeholders of appPackage/manifest.json and en.json. */
export type CityValues = Record<
  | 'APP_DEVELOPER_NAME'
  | 'APP_WEBSITE_URL'
  | 'APP_PRIVACY_URL'
  | 'APP_TERMS_URL'
  | 'APP_DESCRIPTION_SHORT'
  | 'APP_DESCRIPTION_FULL'
  | 'APP_DESCRIPTION_SHORT_EN'
  | 'APP_DESCRIPTION_FULL_EN',
  string
>;

/**
 * The city an app package carries, from its framework: the developer is the city and the office employees ask, the
 * descriptions name the framework and say how people become DX talents there, and the links default to the
 * framework's `contact.website`. Throws, naming the variable to set, when a link has no value.
 */
export function cityValues(doc: FrameworkDocument, links: AppLinks = {}): CityValues {
  const website = links.website ?? doc.contact?.website;
  const link = (value: string | undefined, name: string): string => {
    if (!value) throw new Error(`${doc.id}.json has no contact.website: set ${name} (an https address) for the app package`);
    if (!/^https:\/\/\S+$/.test(value)) throw new Error(`${name} must be an https address, got "${value}"`);
    return value;
  };
  return {
    APP_DEVELOPER_NAME: [doc.city, doc.contact?.office].filter(Boolean).join(' '),
    APP_WEBSITE_URL: link(website, 'APP_WEBSITE_URL'),
    APP_PRIVACY_URL: link(links.privacy ?? website, 'APP_PRIVACY_URL'),
    APP_TERMS_URL: link(links.terms ?? website, 'APP_TERMS_URL'),
    APP_DESCRIPTION_SHORT: description(doc, 'ja').short,
    APP_DESCRIPTION_FULL: description(doc, 'ja').full,
    APP_DESCRIPTION_SHORT_EN: description(doc, 'en').short,
    APP_DESCRIPTION_FULL_EN: description(doc, 'en').full,
  };
}

/** The app's descriptions in one language: what it carries, and how one becomes a DX talent in the city. */
function description(doc: FrameworkDocument, locale: Locale): { short: string; full: string } {
  const t = translator(locale);
  const tierNames = (ids: readonly string[]): string => ids.map((id) => doc.tiers.find((tier) => tier.id === id)?.name ?? id).join('・');
  const { applicationWindow, evaluation, appointment } = doc.rules;
  const ways = [
    applicationWindow && t('manifest.description.applying', { month: applicationWindow.month, tiers: tierNames(applicationWindow.tiers) }),
    evaluation && t('manifest.description.evaluation', { tiers: tierNames(evaluation.tiers) }),
    appointment && t('manifest.description.appointment', { tiers: tierNames(appointment.tiers) }),
  ].filter((way): way is string => !!way);
  const params = { framework: doc.name, city: doc.city, levels: doc.levels.length };
  return { short: t('manifest.description.short', params), full: [t('manifest.description.full', params), ...ways].join('') };
}
