import { z } from 'zod/v4';
import type { Locale } from './i18n';
import { azuriteConnectionString } from './storage/azuriteConnectionString';

/** Everything the bot reads from its environment, validated once at boot. */
export interface Config {
  readonly port: number;
  /** Unset in Azure, where `storageAccountName` and a managed identity are used instead of a key. */
  readonly storageConnectionString?: string;
  readonly storageAccountName?: string;
  readonly frameworkId: string;
  readonly bot: {
    readonly id?: string;
    readonly password?: string;
    readonly type: (typeof BOT_TYPES)[number];
    readonly tenantId?: string;
  };
  readonly production: boolean;
  readonly startPlayground: boolean;
  /** "auto": each user's Teams client language; "ja"/"en": one language for everyone (demos, the Playground). */
  readonly language: 'auto' | Locale;
  /** Approvers get a reminder when an application has waited this many days (0 turns reminders off). */
  readonly approvalReminderDays: number;
  /** Where users' browsers reach this bot (links in cards), without a trailing slash; unset: the local server. */
  readonly publicUrl?: string;
  /** Application Insights to send telemetry to; unset: no telemetry. */
  readonly applicationInsightsConnectionString?: string;
}

const BOT_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/**
 * An http(s) base URL that links are built on by appending a path: normalised by the URL parser and without a trailing
 * slash. A query, fragment or credentials would end up in the middle of every link, so they are refused.
 */
const publicUrl = z.string().transform((text, ctx) => {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.href !== url.origin + url.pathname) {
    ctx.issues.push({ code: 'custom', input: text, message: 'must be an http(s) URL without a query, fragment or credentials' });
    return z.NEVER;
  }
  return url.href.replace(/\/+$/, '');
});

const environmentSchema = z.object({
  // An empty PORT means unset, like every other variable; 0 asks the OS for a free port (tests).
  PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).default(3978)),
  STORAGE_CONNECTION_STRING: optional,
  STORAGE_ACCOUNT_NAME: optional,
  FRAMEWORK_ID: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).default('kitakyushu'),
  BOT_ID: optional,
  BOT_PASSWORD: optional,
  // botbuilder reads the app type case-insensitively (Azure's templates write "UserAssignedMsi"); so do we.
  BOT_TYPE: z
    .string()
    .default('MultiTenant')
    .transform((v) => BOT_TYPES.find((t) => t.toLowerCase() === v.trim().toLowerCase()) ?? v)
    .pipe(z.enum(BOT_TYPES)),
  BOT_TENANT_ID: optional,
  NODE_ENV: optional,
  START_PLAYGROUND: z.enum(['true', 'false']).default('true'),
  BOT_LANGUAGE: z.enum(['auto', 'ja', 'en']).default('auto'),
  APPROVAL_REMINDER_DAYS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(60).default(3)),
  PUBLIC_URL: optional.pipe(publicUrl.optional()),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optional,
});

/** Thrown when the environment is unusable; the message lists every problem. */
export class ConfigError extends Error {}

/**
 * Reads and validates the environment. The only place in the code base that reads `process.env`.
 * Without any storage setting, the bot uses a local Azurite on its default ports (the one `npm start` runs).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const storageConnectionString =
    e.STORAGE_CONNECTION_STRING ?? (e.STORAGE_ACCOUNT_NAME ? undefined : azuriteConnectionString());
  if (production && !e.STORAGE_CONNECTION_STRING && !e.STORAGE_ACCOUNT_NAME) {
    throw new ConfigError('set STORAGE_ACCOUNT_NAME (managed identity) or STORAGE_CONNECTION_STRING in production');
  }
  if (production && !e.BOT_ID) {
    throw new ConfigError('BOT_ID is required when NODE_ENV=production: anonymous mode is for local runs only');
  }
  // A managed identity gets its tokens from Azure; the two app-registration types need their secret.
  if (production && e.BOT_TYPE !== 'UserAssignedMSI' && !e.BOT_PASSWORD) {
    throw new ConfigError(`BOT_PASSWORD is required when NODE_ENV=production and BOT_TYPE=${e.BOT_TYPE}`);
  }
  if (e.BOT_TYPE === 'SingleTenant' && e.BOT_ID && !e.BOT_TENANT_ID) {
    throw new ConfigError('BOT_TENANT_ID is required when BOT_TYPE=SingleTenant');
  }
  return Object.freeze({
    port: e.PORT,
    storageConnectionString,
    storageAccountName: e.STORAGE_ACCOUNT_NAME,
    frameworkId: e.FRAMEWORK_ID,
    bot: Object.freeze({ id: e.BOT_ID, password: e.BOT_PASSWORD, type: e.BOT_TYPE, tenantId: e.BOT_TENANT_ID }),
    production,
    startPlayground: e.START_PLAYGROUND === 'true',
    language: e.BOT_LANGUAGE,
    approvalReminderDays: e.APPROVAL_REMINDER_DAYS,
    publicUrl: e.PUBLIC_URL,
    applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
  });
}
