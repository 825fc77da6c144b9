/** Structured logging: one JSON line per event, which App Service and Application Insights pick up as is. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function line(level: string, message: string, fields: Record<string, unknown> = {}): string {
  const rendered = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v]),
  );
  return JSON.stringify({ time: new Date().toISOString(), level, message, ...rendered });
}

/** Logs to standard output and standard error. */
export const consoleLogger: Logger = {
  info: (message, fields) => console.log(line('info', message, fields)),
  warn: (message, fields) => console.warn(line('warn', message, fields)),
  error: (message, fields) => console.error(line('error', message, fields)),
};

/** Logs nothing; for tests that provoke errors on purpose. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
