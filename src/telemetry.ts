import { ClientRequest, type IncomingMessage } from 'node:http';
import { useInstrumenter, type Instrumenter, type TracingContext } from '@azure/core-tracing';

/** Telemetry being sent to Application Insights. */
export interface Telemetry {
  /** Sends what is still queued and stops collecting. */
  stop(): Promise<void>;
}

/** The only requests worth recording: download links carry a bearer token in their path, health probes are noise. */
const RECORDED_PATH = '/api/messages';

/**
 * What the HTTP instrumentation records (its hooks are OpenTelemetry's; the distro types them loosely, so they are
 * typed here).
 */
export const recordedHttp = {
  enabled: true,
  ignoreIncomingRequestHook: (request: Pick<IncomingMessage, 'url'>): boolean => request.url?.split('?')[0] !== RECORDED_PATH,
  // Storage URLs hold row keys (an e-mail address for a roster look-up): record which host was called, not the path.
  requestHook: (span: { setAttribute(key: string, value: string): unknown }, request: ClientRequest | IncomingMessage): void => {
    if (request instanceof ClientRequest) {
      span.setAttribute('url.full', `${request.protocol}//${String(request.getHeader('host') ?? request.host)}`);
    }
  },
};

const noContext: TracingContext = { setValue: () => noContext, getValue: () => undefined, deleteValue: () => noContext };

/** What the Azure SDKs use when nobody traces them: spans that record nothing. */
const noAzureSdkSpans: Instrumenter = {
  startSpan: (_name, options) => ({
    span: {
      isRecording: () => false,
      end: () => undefined,
      recordException: () => undefined,
      setAttribute: () => undefined,
      setStatus: () => undefined,
      addEvent: () => undefined,
    },
    tracingContext: options.tracingContext ?? noContext,
  }),
  withContext: (_context, callback, ...args) => callback(...args),
  parseTraceparentHeader: () => undefined,
  createRequestHeaders: () => ({}),
};

/**
 * Starts sending requests, outgoing calls, exceptions and performance counters to Application Insights (signed with
 * the managed identity `identity` names, when given), or does nothing at all when no connection string is configured
 * (the SDK is not even loaded).
 * Call it before the bot's modules load, so the HTTP instrumentation is in place when they create their server and clients.
 */
export async function startTelemetry(
  connectionString: string | undefined,
  identity?: { readonly clientId?: string },
): Promise<Telemetry | undefined> {
  if (!connectionString) return undefined;
  const { useAzureMonitor, shutdownAzureMonitor } = await import('applicationinsights');
  // With local authentication disabled, Application Insights takes telemetry only with the identity's Entra token.
  const credential = identity && new (await import('@azure/identity')).ManagedIdentityCredential(identity.clientId ? { clientId: identity.clientId } : {});
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString, ...(credential ? { credential } : {}) },
    instrumentationOptions: {
      http: { ...recordedHttp },
      // Its spans carry the full URLs; the HTTP calls underneath are recorded without them.
      azureSdk: { enabled: false },
    },
  });
  // The distro hooks the Azure SDKs' tracing up even when told not to (applicationinsights 3.16): unhook it.
  useInstrumenter(noAzureSdkSpans);
  return { stop: shutdownAzureMonitor };
}
