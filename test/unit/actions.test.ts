import { Application } from '@microsoft/teams-ai/lib/Application';
import type { TurnState } from '@microsoft/teams-ai';
import { onAction } from '../../src/features/actions';

describe('onAction', () => {
  it('refuses a verb registered twice, which would leave one of its two handlers never called', () => {
    const app = new Application<TurnState>({ startTypingTimer: false });
    const answer = (): Promise<string> => Promise.resolve('ok');
    onAction(app, 'framework.level', answer);
    expect(() => onAction(app, 'framework.level', answer)).toThrow('the verb framework.level is registered twice');
    // Other verbs still register, on the route the first one made.
    expect(() => onAction(app, 'menu.show', answer)).not.toThrow();
  });
});
