import { currentRequestContext } from './requestContext';

/**
 * Structured logging: one JSON line per event, which App Service and Application Insights pick up as is.
 * Fields carry ids (aadObjectId, application id …), never names, e-mail addresses or text people typed.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

function line(level: Level, message: string, fields: Record<string, unknown> = {}): string {
  const rendered = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? errorField(v) : v]));
  return JSON.stringify({ time: new Date().toISOString(), level, message, requestId: currentRequestContext()?.requestId, ...rendered });
}

/**
 * An error as a log field. A storage or Teams call fails with a RestError whose message may be empty: its HTTP status
 * and code (412 ConditionNotMet, 404, ECONNREFUSED) are then all that tells what went wrong.
 */
function errorField(error: Error): Record<string, unknown> {
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(statusCode !== undefined ? { statusCode } : {}),
    ...(code !== undefined ? { code } : {}),
    stack: error.stack,
  };
}

/** A logger that hands each rendered JSON line to `write`; the request id of the request being served is added. */
export function jsonLogger(write: (level: Level, text: string) => void): Logger {
  return {
    info: (message, fields) => write('info', line('info', message, fields)),
    warn: (message, fields) => write('warn', line('warn', message, fields)),
    error: (message, fields) => write('error', line('error', message, fields)),
  };
}

/** Logs to standard output (info) and standard error (warnings and errors). */
export const consoleLogger: Logger = jsonLogger((level, text) => (level === 'info' ? console.log(text) : console.error(text)));

/** Logs nothing; for tests that provoke errors on purpose. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
