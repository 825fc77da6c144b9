/**
 * A notice kept for someone the bot could not reach (they never opened it, or Teams failed): what it is about, never
 * the card itself, so that it is drawn when they come back, in their language and as things stand then. An approval
 * decided meanwhile is not delivered as a request any more.
 */
export type Letter =
  /** A manager is asked to approve an application (also what a reminder repeats). */
  | { readonly kind: 'approvalRequest'; readonly frameworkId: string; readonly applicationId: string }
  /** An applicant hears what happened to their application: only its latest step is kept. */
  | { readonly kind: 'applicationUpdate'; readonly frameworkId: string; readonly applicationId: string }
  /** Someone hears HR appointed them to a tier, or ended it: only the latest is kept. */
  | {
      readonly kind: 'appointment';
      readonly frameworkId: string;
      readonly change: { readonly kind: 'appointed' | 'ended'; readonly tier: string; readonly byName: string; readonly at: string };
    }
  /** A rater is asked to rate a candidate from one viewpoint. */
  | { readonly kind: 'ratingRequest'; readonly frameworkId: string; readonly evaluationId: string; readonly viewpoint: string }
  /** A candidate hears they are certified. */
  | { readonly kind: 'certified'; readonly frameworkId: string; readonly evaluationId: string };

export type LetterKind = Letter['kind'];

/** What a letter is about: a newer letter with the same key replaces an older one still waiting. */
export function letterKey(letter: Letter): string {
  switch (letter.kind) {
    case 'approvalRequest':
      return `approval:${letter.applicationId}`;
    case 'applicationUpdate':
      return `application:${letter.applicationId}`;
    case 'appointment':
      return `appointment:${letter.frameworkId}`;
    case 'ratingRequest':
      return `rating:${letter.evaluationId}:${letter.viewpoint}`;
    case 'certified':
      return `certified:${letter.evaluationId}`;
  }
}
