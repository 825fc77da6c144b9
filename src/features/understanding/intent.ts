import type { MessageKey } from '../../i18n';
import type { Verb } from '../verbs';

/** What a message can carry besides its intent: a level number, a tier's name, a manager's e-mail, a search. */
export interface Entities {
  readonly level?: number;
  /** The id of a tier the framework names (シルバー, ゴールド …). */
  readonly tier?: string;
  /** A tier the framework appoints to, named on its own (国東市: DX推進リーダー). */
  readonly appointedTier?: string;
  readonly email?: string;
  /** The words to look for in the framework. */
  readonly query?: string;
}

export type EntityName = keyof Entities;

/**
 * How an entity counts for an intent: `alone` means the entity is enough to say the intent (「DX推進リーダー」),
 * `required` too, and the intent is never meant without it (「レベル3」, 「Lv.4のスキル」); `with` means it belongs
 * to the intent once one of its words is there (「シルバーに応募」), never on its own.
 */
export type EntityUse = 'alone' | 'required' | 'with';

/**
 * An intent a feature serves, as data: the ways people say it in either language, and the button that does the same.
 * A phrase is one or more words separated by spaces, all of which must appear in the message, in any order; the
 * message's other words lower the score unless they are particles, polite endings and the like (see fillers.ts).
 */
export interface IntentDeclaration {
  readonly intent: string;
  readonly phrases: { readonly ja: readonly string[]; readonly en: readonly string[] };
  readonly entities?: Partial<Record<EntityName, EntityUse>>;
  /** The button offered when the bot asks which was meant, or suggests it; none for an intent not worth a button. */
  readonly button?: { readonly title: MessageKey; readonly verb: Verb; readonly data?: (entities: Entities) => object };
}

/** One reading of a message: which intent, what it carries, and how sure (0 to 1). */
export interface Recognition {
  readonly intent: string;
  readonly entities: Entities;
  readonly score: number;
}

/** Turns a message into its readings, best first. Rules today; anything with the same contract could replace it. */
export interface Recognizer {
  recognize(text: string): readonly Recognition[];
}
