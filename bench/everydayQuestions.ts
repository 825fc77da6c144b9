import type { Framework } from '../src/domain/framework/framework';
import type { SearchIndex } from '../src/domain/framework/search';
import { answer } from '../src/features/framework/answer';
import { resolveLocale, translator } from '../src/i18n';
import { textOf } from '../test/support/botHarness';
import { everydayQuestions, routerOfAllIntents, type EverydayQuestion } from '../test/support/everydayQuestions';
import { printNote } from './report';
import { int, printTable } from './table';

/**
 * Table 9 of section `everyday`: the share of the everyday questions (test/everyday/questions.json) answered, and the
 * misses. An action question is answered when the router takes it for its intent (the protocol test checks the cards
 * those give); a framework question when the search's card shows what a correct answer must show.
 */
export function benchEverydayQuestions(index: SearchIndex, framework: Framework): void {
  const router = routerOfAllIntents();
  const active = { framework, searchIndex: index };
  const answered = (q: EverydayQuestion): boolean => {
    const understanding = router.understand(q.text, framework);
    if (q.expect === 'intent') return understanding.kind === 'act' && understanding.recognition.intent === q.intent;
    if (understanding.kind !== 'search') return false;
    const t = translator(resolveLocale(q.locale));
    const reply = textOf(answer(active, { kind: 'search', query: q.text }, t));
    return !reply.includes(t('unknown.title', { text: q.text })) && q.shows.every((shown) => reply.includes(shown));
  };
  const questions = everydayQuestions();
  const rows = (['intent', 'framework'] as const).map((kind) => {
    const asked = questions.filter((q) => q.expect === kind);
    const hits = asked.filter(answered).length;
    return [kind === 'intent' ? 'actions (router)' : 'framework (search)', int(asked.length), int(hits), `${Math.round((hits / asked.length) * 100)} %`];
  });
  const hits = questions.filter(answered).length;
  rows.push(['all', int(questions.length), int(hits), `${Math.round((hits / questions.length) * 100)} %`]);
  printTable('9. Everyday questions answered (test/everyday/questions.json)', ['questions', 'asked', 'answered', 'share'], rows);
  const misses = questions.filter((q) => !answered(q));
  printNote(misses.length === 0 ? 'no misses' : `misses: ${misses.map((q) => `「${q.text}」`).join(' ')}`);
  printNote('Understanding a message reads no storage: the recognizer works on the phrases and the framework in memory.');
}
