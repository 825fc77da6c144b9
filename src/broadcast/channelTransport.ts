import { CardFactory, TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { isTrustedServiceUrl } from '../http/serviceUrls';
import { parseRetryAfter, type AttemptOutcome } from './retryPolicy';

// The broadcast's one contact with the Bot Framework SDK: the sender builds what it posts with `cardMessage` and posts
// it through a ChannelTransport, so replacing botbuilder changes this file only.

/** An activity as the sender posts it: a message with a card. */
export type OutgoingActivity = Partial<Activity>;

/** A message that carries the Adaptive Card (if there is one); `summary` is the text a notification shows. */
export function cardMessage(card: object | undefined, fields: { summary?: string; id?: string } = {}): OutgoingActivity {
  return { type: 'message', ...fields, attachments: card ? [CardFactory.adaptiveCard(card)] : [] };
}

/** One attempt's result: the status, the id Teams gave the activity, or the code of Teams' error. */
export interface PostOutcome extends AttemptOutcome {
  activityId?: string;
  errorCode?: string;
}

/**
 * Posts to Bot Framework conversations, one HTTP attempt per call. HTTP and network failures come back as outcomes,
 * never as exceptions: whether and when to try again is the caller's decision.
 */
export interface ChannelTransport {
  /**
   * Readies a post of a new activity to the reference's conversation (signed, addressed); `post()` then makes the one
   * HTTP attempt. Two steps, so a caller pacing its requests can take its slot right before the request leaves.
   */
  prepareSend(reference: Partial<ConversationReference>, activity: OutgoingActivity): Promise<PreparedPost>;
  /** Replaces the activity `activityId` in the reference's conversation (e.g. a progress card). */
  update(reference: Partial<ConversationReference>, activityId: string, activity: OutgoingActivity): Promise<PostOutcome>;
}

/** A request ready to leave. */
export interface PreparedPost {
  post(): Promise<PostOutcome>;
}

/** The part of botframework-connector's ConnectorClient used here: the credentials that sign its requests. */
interface SigningClient {
  readonly credentials: { signRequest(request: { headers: HeaderSink }): Promise<unknown> };
}

interface HeaderSink {
  set(name: string, value: string): void;
}

/** What Teams answers: `{ id }` for a posted activity, `{ error: { code, message } }` when it refuses. */
interface AnswerBody {
  readonly id?: unknown;
  readonly error?: { readonly code?: unknown } | null;
}

/**
 * The Bot Connector REST API over `fetch`, authenticated exactly as the bot's adapter authenticates its own requests.
 * botbuilder's ConnectorClient is not used to post because it retries 429 and 503 by itself, which would bypass
 * the broadcast's pacing and retry policy and hide how many requests really went out.
 * Throws only when the bot cannot sign the request (its credentials got no token): nothing was posted then.
 */
export class BotConnectorTransport implements ChannelTransport {
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly trusts: (serviceUrl: string) => boolean;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    options: { timeoutMs?: number; now?: () => number; trusts?: (serviceUrl: string) => boolean } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.now = options.now ?? Date.now;
    // The bot's token goes to Teams' own hosts only (tests that check the signing name their stand-in).
    this.trusts = options.trusts ?? ((serviceUrl) => isTrustedServiceUrl(serviceUrl, botAppId !== ''));
  }

  prepareSend(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<PreparedPost> {
    return this.prepare('POST', reference, '', outgoing(activity, reference));
  }

  async update(reference: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<PostOutcome> {
    const replacement = { ...outgoing(activity, reference), id: activityId };
    return (await this.prepare('PUT', reference, `/${encodeURIComponent(activityId)}`, replacement)).post();
  }

  private async prepare(
    method: 'POST' | 'PUT',
    reference: Partial<ConversationReference>,
    activityPath: string,
    activity: Partial<Activity>,
  ): Promise<PreparedPost> {
    const { serviceUrl, conversation } = reference;
    // Nothing to post to, or not Teams: answered here as Teams answers a malformed request, so it fails like one and
    // is not retried.
    if (!serviceUrl || !conversation?.id || !this.trusts(serviceUrl)) {
      return { post: () => Promise.resolve({ status: 400, errorCode: 'BadConversationReference' }) };
    }
    const conversationUrl = `${serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversation.id)}`;
    const url = `${conversationUrl}/activities${activityPath}`;
    const headers = await this.authorization(reference);
    const body = JSON.stringify(activity);
    return { post: () => this.post(method, url, headers, body) };
  }

  private async post(method: 'POST' | 'PUT', url: string, headers: Record<string, string>, body: string): Promise<PostOutcome> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { status: 0, errorCode: networkErrorCode(error) };
    }
    // The status is the answer; a body that cannot be read must not turn a delivered message into a failure.
    const answer = parseJson(await response.text().catch(() => '')) as AnswerBody | undefined;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.now());
    const activityId = response.ok ? asString(answer?.id) : undefined;
    const errorCode = response.ok ? undefined : asString(answer?.error?.code);
    return {
      status: response.status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(activityId !== undefined ? { activityId } : {}),
      ...(errorCode !== undefined ? { errorCode } : {}),
    };
  }

  /**
   * The headers the adapter's own ConnectorClient would sign a request to this conversation with: none in anonymous
   * local mode, a Bearer token (fetched and cached by botbuilder) with an app id.
   */
  private async authorization(reference: Partial<ConversationReference>): Promise<Record<string, string>> {
    let signing: Promise<Record<string, string>> | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      signing = signedHeaders(context.turnState.get<SigningClient>(this.adapter.ConnectorClientKey));
      // Settled here but read below: an error thrown inside the turn would go to the bot's turn error handler instead.
      await signing.catch(() => undefined);
    });
    if (!signing) throw new Error('The adapter did not run the turn that signs the request.');
    return signing;
  }
}

async function signedHeaders(client: SigningClient): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  await client.credentials.signRequest({ headers: { set: (name, value) => (headers[name] = value) } });
  return headers;
}

/**
 * The activity as botbuilder would post it: addressed from the bot to the user of the conversation. A new message,
 * not a reply to whatever activity the reference was taken from.
 */
function outgoing(activity: Partial<Activity>, reference: Partial<ConversationReference>): Partial<Activity> {
  return TurnContext.applyConversationReference({ type: 'message', ...activity }, { ...reference, activityId: undefined });
}

/** Why `fetch` got no answer: 'Timeout', the socket error code (e.g. ECONNREFUSED), or the error's name. */
function networkErrorCode(error: unknown): string {
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  if (name === 'TimeoutError') return 'Timeout';
  if (typeof cause?.code === 'string') return cause.code;
  return typeof name === 'string' ? name : 'NetworkError';
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
