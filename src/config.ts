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
  /** Application Insights to send telemetry to; unset: no telemetry. */
  readonly applicationInsightsConnectionString?: string;
  /**
   * Telemetry is sent with this managed identity's Entra token (APPLICATIONINSIGHTS_AUTHENTICATION_STRING,
   * "Authorization=AAD;ClientId=…", as App Service sets it): Application Insights then accepts no key.
   */
  readonly applicationInsightsIdentity?: { readonly clientId?: string };
  /** The interface to listen on; unset: every interface. Anonymous mode listens on loopback unless told otherwise. */
  readonly listenHost?: string;
  /** The one Microsoft 365 tenant whose activities the bot serves; unset (local runs only): any. */
  readonly allowedTenantId?: string;
  /**
   * How exports reach the HR officer who asked: "teams", the file consent flow (the file lands in their OneDrive);
   * "link", a single-use download link on a loopback address (local runs only).
   */
  readonly fileDelivery: 'teams' | 'link';
  /**
   * The machine or container this process runs on, where each runs one bot process at a time (App Service sets
   * WEBSITE_INSTANCE_ID): after a crash, the next process there takes the broadcast sender's lease over at once.
   * Unset: a lease left by a crash runs out first.
   */
  readonly instanceId?: string;
}

const BOT_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** "Authorization=AAD;ClientId=<client id>", App Service's way to say which managed identity signs the telemetry. */
const authenticationString = z.string().transform((text, ctx) => {
  const fields = new Map<string, string>();
  for (const pair of text.split(';')) {
    const [key = '', value = ''] = pair.split('=').map((part) => part.trim());
    fields.set(key.toLowerCase(), value);
  }
  if (fields.get('authorization') !== 'AAD') {
    ctx.issues.push({ code: 'custom', input: text, message: 'must read "Authorization=AAD;ClientId=<client id>"' });
    return z.NEVER;
  }
  const clientId = fields.get('clientid');
  return clientId ? { clientId } : {};
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
  APPLICATIONINSIGHTS_CONNECTION_STRING: optional,
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: optional.pipe(authenticationString.optional()),
  LISTEN_HOST: optional,
  ALLOWED_TENANT_ID: optional,
  FILE_DELIVERY: z.enum(['teams', 'link']).optional(),
  INSTANCE_ID: optional,
  WEBSITE_INSTANCE_ID: optional,
});

/** Addresses only this machine reaches. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

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
  const allowedTenantId = e.ALLOWED_TENANT_ID ?? e.BOT_TENANT_ID;
  if (production && !allowedTenantId) {
    throw new ConfigError('set BOT_TENANT_ID (or ALLOWED_TENANT_ID) in production: the city\'s tenant is the only one served');
  }
  // Without authentication anyone who reaches the port can act as anyone: only this machine may, unless asked.
  const listenHost = e.LISTEN_HOST ?? (e.BOT_ID ? undefined : '127.0.0.1');
  const fileDelivery = e.FILE_DELIVERY ?? (e.BOT_ID ? 'teams' : 'link');
  if (fileDelivery === 'link' && (production || !LOOPBACK_HOSTS.has(listenHost ?? ''))) {
    throw new ConfigError('FILE_DELIVERY=link is for local runs on a loopback address: a download link hands personal data to whoever holds it');
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
    applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    applicationInsightsIdentity: e.APPLICATIONINSIGHTS_AUTHENTICATION_STRING,
    listenHost,
    allowedTenantId,
    fileDelivery,
    instanceId: e.INSTANCE_ID ?? e.WEBSITE_INSTANCE_ID,
  });
}
