import fc from 'fast-check';
import type { Activity } from 'botbuilder';
import { VERBS } from '../../src/features/verbs';
import { cardOf, someone, textOf } from '../support/botHarness';
import { startApplicationFixture, type ApplicationFixture } from './applicationFixture';
import { snapshotTables } from './storageSnapshot';

// Whatever reaches POST /api/messages, the server answers it (2xx or 4xx, never a crash or a 5xx), keeps answering
// ordinary messages afterwards, and a stranger (not on the roster) changes nothing at all: the bot keeps nothing about
// anyone who is not on the roster, not even where to reach them.
let fixture: ApplicationFixture;
const stranger = someone('部外 者');

beforeAll(async () => {
  fixture = await startApplicationFixture();
  await fixture.apply('gold'); // some state worth protecting: an application waiting for its manager
});
afterAll(async () => {
  await fixture?.stop();
});

const state = (): ReturnType<typeof snapshotTables> => snapshotTables(fixture.azurite.connectionString);

/** Text as users and broken clients send it: ordinary, control characters, lone surrogates, right-to-left, very long. */
const oddText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', '\uDFFF', '\u202Eメニュー', '🧑‍💻'.repeat(50), 'メニュー\r\n', '${name}', '%00/\\#?'),
  fc.constantFrom('あ'.repeat(40_000), 'x'.repeat(120_000)),
);

/** Any JSON value, with odd text in it. */
const anyValue = fc.oneof(fc.jsonValue(), oddText, fc.constant(null));

/** Field names the bot's payloads use, so the fuzzer reaches past "unknown field" into the handlers' own checks. */
const PAYLOAD_KEYS = [
  'track', 'motivation', 'attachAssessment', 'applicationId', 'decision', 'comment', 'etag', 'level', 'skillId', 'query',
  'assessmentId', 'step', 'rating', 'target', 'then', 'seen', 'fiscalYear', 'tier', 'kind', 'draftId', 'broadcastId',
  'exportId', 'aadObjectId', 'from', 'confirmed', 'reviewed', 'audienceKind', 'departments', 'grades', 'managerEmail',
  'approverEmail', 'candidateEmail', 'appointEmail', 'appointTier', 'exportYear', 'filterState', 'filterTrack',
  'filterDepartment', 'startDate', 'startTime', 'action', 'evaluationId', 'opensAt', 'closesAt',
];
const payload = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom(...PAYLOAD_KEYS), fc.string()), anyValue, { maxKeys: 8 }),
  anyValue,
);

/** An activity as a confused or hostile client might send it: any type, any field missing or odd. */
const activityOf = (base: Partial<Activity>) =>
  fc
    .record(
      {
        type: fc.oneof(fc.constantFrom('message', 'invoke', 'conversationUpdate', 'installationUpdate', 'event', 'messageReaction', 'typing'), oddText),
        name: fc.oneof(fc.constantFrom('adaptiveCard/action', 'composeExtension/query', 'task/fetch', 'signin/verifyState'), oddText),
        text: oddText,
        locale: fc.oneof(fc.constantFrom('ja-JP', 'en-US', 'xx', ''), oddText),
        value: fc.oneof(payload, fc.record({ action: fc.record({ type: fc.constant('Action.Execute'), verb: fc.oneof(fc.constantFrom(...Object.values(VERBS)), oddText), data: payload }) })),
        channelData: anyValue,
        membersAdded: fc.array(fc.record({ id: oddText }), { maxLength: 3 }),
        attachments: fc.array(fc.record({ contentType: oddText, content: anyValue }), { maxLength: 2 }),
        from: fc.constant(base.from),
        conversation: fc.constant(base.conversation),
        recipient: fc.constant(base.recipient),
        channelId: fc.constantFrom('msteams', 'emulator', 'webchat'),
        replyToId: oddText,
      },
      { requiredKeys: ['channelId'] },
    )
    .map((fields) => ({ ...base, type: undefined, ...fields, serviceUrl: base.serviceUrl }));

/** The button click of every verb, with a random payload. */
const clickOf = (base: Partial<Activity>) =>
  fc.record({ verb: fc.constantFrom(...Object.values(VERBS)), data: payload }).map(({ verb, data }) => ({
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
    replyToId: 'card-1',
  }));

/**
 * POSTs the activity (on purpose not always a valid one) and checks the server answered it: 2xx, 4xx, or the 501 that
 * the Bot Framework protocol prescribes for an invoke the bot does not handle; never a 500.
 */
async function answeredWithoutCrash(activity: object): Promise<void> {
  const { status } = await fixture.harness.post(activity);
  const unhandledInvoke = status === 501 && (activity as { type?: unknown }).type === 'invoke';
  expect({ status, answered: (status >= 200 && status < 500) || unhandledInvoke }).toEqual({ status, answered: true });
}

describe('fuzzed activities and card payloads from a stranger', () => {
  it('are always answered with 2xx/4xx, change nothing, and the bot still answers a normal message after them', async () => {
    const base = fixture.harness.activity({}, { user: stranger });
    const before = await state();

    await fc.assert(fc.asyncProperty(activityOf(base), answeredWithoutCrash), { numRuns: 120 });
    await fc.assert(fc.asyncProperty(clickOf(base), answeredWithoutCrash), { numRuns: 250 });

    expect(await state()).toEqual(before);
    expect(textOf(cardOf(await fixture.harness.say('メニュー', { user: stranger })))).toContain('メニュー');
    expect(textOf(cardOf(await fixture.harness.say('メニュー', { user: fixture.applicant })))).toContain('メニュー');
  });
});

describe('a body that is not an activity', () => {
  it('is refused with 400, not a server error', async () => {
    for (const body of [{}, { type: '' }, { type: 42 }, { type: null, text: 'メニュー' }]) {
      expect(await fixture.harness.post(body as Partial<Activity>)).toMatchObject({ status: 400 });
    }
  });
});
