// One zod schema over the environment, read once at start. A bad value ends the process with one clear
// line naming the variable (see formatConfigError); nothing else in the service reads process.env.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import cron from 'node-cron';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const intIn = (min: number, max: number, fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: 'expected a whole number' })
      .int('expected a whole number')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

const FEEDBACK_KEY_FORMAT = 'expected at least 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`';

/** FEEDBACK_KEY: standard or URL-safe base64 of at least 32 bytes. */
export function isFeedbackKey(value: string): boolean {
  return /^[A-Za-z0-9+/_-]{43,}={0,2}$/.test(value) && Buffer.from(value, 'base64').length >= 32;
}

export function isLoopback(host: string): boolean {
  return host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export const configSchema = z
  .object({
    PORT: intIn(0, 65535, 3978),
    CONTENT_DIR: z.preprocess(emptyToUndefined, z.string().default('./content')),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./.data')),
    STORAGE_CONNECTION_STRING: optionalString.refine(
      (v) => v === undefined || /TableEndpoint=|UseDevelopmentStorage=true|AccountName=/i.test(v),
      'expected an Azure Storage connection string with a TableEndpoint or AccountName',
    ),
    STORAGE_TABLE_ENDPOINT: z.preprocess(emptyToUndefined, z.string().url('expected a URL such as https://ACCOUNT.table.core.windows.net').optional()),
    TABLE_PREFIX: z.preprocess(emptyToUndefined, z.string().regex(/^([A-Za-z][A-Za-z0-9]{0,20})?$/, 'expected letters and digits, starting with a letter').default('')),
    MicrosoftAppId: z.preprocess(emptyToUndefined, z.string().regex(GUID, 'expected a GUID (the bot\'s Entra app id)').optional()),
    MicrosoftAppPassword: optionalString,
    MicrosoftAppTenantId: z.preprocess(emptyToUndefined, z.string().regex(GUID, 'expected a GUID (the Entra tenant id)').optional()),
    MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(['SingleTenant', 'UserAssignedMSI'], {
      errorMap: () => ({ message: 'expected SingleTenant or UserAssignedMSI (MultiTenant bots can no longer be created)' }),
    }).default('SingleTenant')),
    SCHEDULER_TICK: z.preprocess(
      emptyToUndefined,
      z.string().default('* * * * *').refine((v) => cron.validate(v), 'expected a node-cron expression such as "* * * * *"'),
    ),
    COORDINATOR_IDS: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v ?? []),
      z.array(z.string().regex(GUID, 'expected comma-separated Entra object ids (GUIDs)')),
    ),
    DELIVERY_MAX_RPS: intIn(1, 50, 30),
    DELIVERY_MAX_ATTEMPTS: intIn(1, 20, 7),
    DELIVERY_CONCURRENCY: intIn(1, 256, 64),
    DELIVERY_LEASE_SECONDS: intIn(10, 3600, 120),
    // Delivery robustness and storage (issue 17, points 7 and 9).
    DELIVERY_SEND_TIMEOUT_SECONDS: intIn(1, 600, 30),
    DELIVERY_RETENTION_DAYS: intIn(1, 3650, 90),
    REMINDER_GRACE_MINUTES: intIn(0, 1440, 30),
    FEEDBACK_RETENTION_DAYS: intIn(1, 3650, 365),
    PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.string().url('expected the public https URL of the service').optional()),
    AZURE_OPENAI_ENDPOINT: z.preprocess(emptyToUndefined, z.string().url('expected https://RESOURCE.openai.azure.com').startsWith('https://', 'expected an https URL').optional()),
    AZURE_OPENAI_API_KEY: optionalString,
    AZURE_OPENAI_DEPLOYMENT: optionalString,
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
    // Privacy and exposure (docs/privacy.md)
    FEEDBACK_KEY: z.preprocess(emptyToUndefined, z.string().trim().refine(isFeedbackKey, FEEDBACK_KEY_FORMAT).optional()),
    HOST: z.preprocess(emptyToUndefined, z.string().trim().regex(/^[0-9a-fA-F:.]+$/, 'expected an IP address such as 127.0.0.1 or 0.0.0.0').optional()),
    ALLOW_UNAUTHENTICATED: z.preprocess(emptyToUndefined, z.enum(['true', 'false'], { errorMap: () => ({ message: 'expected true or false' }) }).default('false')),
  })
  .superRefine((c, ctx) => {
    const azure = ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_DEPLOYMENT'] as const;
    const missing = azure.find((k) => !c[k]);
    if (missing && azure.some((k) => c[k])) {
      ctx.addIssue({ code: 'custom', path: [missing], message: 'set AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY and AZURE_OPENAI_DEPLOYMENT together, or none' });
    }
    if (c.MicrosoftAppId && !c.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required when MicrosoftAppId is set' });
    }
    if (c.MicrosoftAppId && c.MicrosoftAppType === 'SingleTenant' && !c.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required for MicrosoftAppType=SingleTenant' });
    }
    if (c.MicrosoftAppId && !c.FEEDBACK_KEY) {
      ctx.addIssue({ code: 'custom', path: ['FEEDBACK_KEY'], message: `required when MicrosoftAppId is set (${FEEDBACK_KEY_FORMAT})` });
    }
    if (!c.MicrosoftAppId && c.HOST && !isLoopback(c.HOST) && c.ALLOW_UNAUTHENTICATED !== 'true') {
      ctx.addIssue({ code: 'custom', path: ['HOST'], message: 'without MicrosoftAppId the service only listens on loopback; set ALLOW_UNAUTHENTICATED=true to expose it unauthenticated' });
    }
    if (c.STORAGE_CONNECTION_STRING && c.STORAGE_TABLE_ENDPOINT) {
      ctx.addIssue({ code: 'custom', path: ['STORAGE_TABLE_ENDPOINT'], message: 'set either STORAGE_CONNECTION_STRING or STORAGE_TABLE_ENDPOINT, not both' });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface AppConfig extends RawConfig {
  /** No MicrosoftAppId: no token checks in or out (local development). */
  localMode: boolean;
  publicBaseUrl: string;
  contentDir: string;
  dataDir: string;
  /** Bind address: HOST, else 127.0.0.1 in local mode and 0.0.0.0 with credentials. */
  host: string;
  /** Local mode listening beyond loopback (ALLOW_UNAUTHENTICATED=true): warned about at every start. */
  exposedUnauthenticated: boolean;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly reason: string) {
    super(`Configuration error: ${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const c = result.data;
  const host = c.HOST ?? (c.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1');
  return {
    ...c,
    localMode: !c.MicrosoftAppId,
    host,
    exposedUnauthenticated: !c.MicrosoftAppId && !isLoopback(host),
    publicBaseUrl: (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
    contentDir: path.resolve(cwd, c.CONTENT_DIR),
    dataDir: path.resolve(cwd, c.DATA_DIR),
  };
}

/** Reads .env (if present) into the environment without overriding variables already set. */
export function loadDotEnv(file = path.resolve('.env')): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
