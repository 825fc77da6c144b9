import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import {
  AuthenticationConstants,
  ConnectorFactory,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { BoundedMap } from './boundedMap';

/** Chat services (Teams has one per region) times the bot's app ids: a handful; the bound only keeps it a handful. */
const CLIENTS_KEPT = 64;

/**
 * teams-ai's adapter, keeping the Bot Connector clients it uses. botbuilder builds a ConnectorClient and a
 * UserTokenClient, each with its own HTTP pipeline, for every turn and every proactive message; under `load200` that
 * was 4.5 % of the bot's CPU. They hold no state of a turn (the credentials renew their own tokens), so one per app
 * id, chat service and audience serves every turn, as botbuilder's older BotFrameworkAdapter kept them.
 */
export class BotAdapter extends TeamsAdapter {
  constructor(...settings: ConstructorParameters<typeof TeamsAdapter>) {
    super(...settings);
    keepClients(this.botFrameworkAuthentication);
  }
}

/** Makes `auth` hand out kept clients: its connector factories (per request, per proactive turn) and token clients. */
function keepClients(auth: BotFrameworkAuthentication): void {
  const connectors = new BoundedMap<string, Promise<ConnectorClient>>(CLIENTS_KEPT);
  const tokenClients = new BoundedMap<string, Promise<UserTokenClient>>(CLIENTS_KEPT);
  const keptFactory = (claims: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory =>
    new KeptConnectorFactory(factory, appIdOf(claims), connectors);

  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: keptFactory(result.claimsIdentity, result.connectorFactory) } : result;
  };
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claims) => keptFactory(claims, createConnectorFactory(claims));
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (claims) => kept(tokenClients, appIdOf(claims) ?? '', () => createUserTokenClient(claims));
}

class KeptConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly factory: ConnectorFactory,
    private readonly appId: string | undefined,
    private readonly clients: BoundedMap<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return kept(this.clients, JSON.stringify([this.appId, serviceUrl, audience]), () => this.factory.create(serviceUrl, audience));
  }
}

/** The client kept under `key`, or a new one; one that could not be built is not kept, so the next turn tries again. */
function kept<T>(clients: BoundedMap<string, Promise<T>>, key: string, build: () => Promise<T>): Promise<T> {
  const found = clients.get(key);
  if (found) return found;
  const client = build();
  clients.set(key, client);
  client.catch(() => clients.delete(key));
  return client;
}

/** The bot's app id a turn's clients act as: botbuilder's own rule (the token's audience, else its appid claim). */
function appIdOf(claims: ClaimsIdentity): string | undefined {
  return claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? undefined;
}
