import { request } from 'node:http';
import { recordedHttp, startTelemetry } from '../../src/telemetry';

// Stands in for the SDK, to see whether it is loaded at all and with what.
let mockLoaded = false;
const mockUseAzureMonitor = jest.fn<void, [unknown]>();
jest.mock('applicationinsights', () => {
  mockLoaded = true;
  return { useAzureMonitor: mockUseAzureMonitor, shutdownAzureMonitor: jest.fn() };
});

describe('starting telemetry', () => {
  it('does nothing, and does not even load the SDK, without a connection string', async () => {
    expect(await startTelemetry(undefined)).toBeUndefined();
    expect(mockLoaded).toBe(false);
  });

  it('starts the SDK with the connection string, without the Azure SDK spans that carry full URLs', async () => {
    const connectionString = 'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://example.invalid/';
    expect(await startTelemetry(connectionString)).toBeDefined();
    expect(mockLoaded).toBe(true);
    expect(mockUseAzureMonitor.mock.calls[0]?.[0]).toMatchObject({
      azureMonitorExporterOptions: { connectionString },
      instrumentationOptions: { azureSdk: { enabled: false } },
    });
  });
});

describe('what the HTTP instrumentation records', () => {
  it.each([
    ['/api/messages', false],
    ['/api/messages?x=1', false],
    ['/healthz', true],
    ['/api/exports/0b6f4c1e-secret-token', true],
  ])('incoming %s: ignored %s', (url, ignored) => {
    expect(recordedHttp.ignoreIncomingRequestHook({ url })).toBe(ignored);
  });

  it('records an outgoing call by its origin only, never the path with its row keys', () => {
    const call = request('http://127.0.0.1:10002/roster(PartitionKey=%27r%27,RowKey=%27mail%3Ataro%40example.jp%27)');
    call.on('error', () => undefined);
    const attributes: Record<string, string> = {};
    recordedHttp.requestHook({ setAttribute: (key, value) => (attributes[key] = value) }, call);
    call.destroy();
    expect(attributes).toEqual({ 'url.full': 'http://127.0.0.1:10002' });
  });
});
