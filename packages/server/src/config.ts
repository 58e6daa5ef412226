import { resolve } from "node:path";
import { z } from "zod";
import { trustedProxies } from "./auth/clientAddress.js";
import { MailEnvShape, mailSettingsOf, type MailSettings } from "./mail/mailSettings.js";
import { parseDriftDigestSchedule, type DriftDigestSchedule } from "./mail/driftDigestSchedule.js";
import type { ClickHouseConfig } from "@opencjm/analytics";
import { ClickHouseEnvShape, clickHouseSettingsOf } from "./analyticsEngine/clickHouseSettings.js";

/** Every environment variable the server reads; the README's configuration table mirrors this. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 ** 3),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 14),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(500),
  CHECKPOINT_PAUSE_SECONDS: z.coerce.number().min(0.01).max(86_400).default(60),
  CHECKPOINT_EVERY_MINUTES: z.coerce.number().min(0.01).max(1440).default(10),
  SIGNUP: z.enum(["open", "invite-only"]).default("open"),
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      try {
        trustedProxies(entries);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
      }
    }),
  REDIS_URL: z
    .string()
    .regex(/^(?:rediss?:\/\/|$)/, "must be a redis:// or rediss:// URL")
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w.-]{1,64}$/)
    .default("opencjm"),
  EXPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  EXPORTS_PER_USER: z.coerce.number().int().min(1).max(64).default(2),
  EXPORT_QUEUE_LENGTH: z.coerce.number().int().min(0).max(10_000).default(10),
  DRIFT_DIGEST_SCHEDULE: z
    .string()
    .default("mon 07:00")
    .transform((value, ctx) => {
      try {
        return parseDriftDigestSchedule(value);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return z.NEVER;
      }
    }),
  ...MailEnvShape,
  ...ClickHouseEnvShape,
});

/** Resolved server settings. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  sqlitePath: string;
  databaseUrl?: string;
  publicUrl?: string;
  /** Origins besides the server's own and PUBLIC_URL whose pages may open the collaboration socket. */
  allowedOrigins: string[];
  maxBodyBytes: number;
  /** Largest event file accepted by the streamed upload routes (imports), which MAX_BODY_BYTES does not limit. */
  maxUploadBytes: number;
  sessionTtlMs: number;
  secureCookies: boolean;
  /** Failed sign-ins allowed per e-mail from one client address in 15 minutes (three times as many per address). */
  loginRateLimit: number;
  /** Who may create an account: anyone, or only people with an invitation (the first user comes from `cjm init`). */
  signup: "open" | "invite-only";
  /** Proxies whose X-Forwarded-For names the client (TRUST_PROXY entries: addresses, CIDR ranges, loopback…). */
  trustProxy: string[];
  compactAfterUpdates: number;
  /** A map's automatic checkpoint is taken this long after its last edit… */
  checkpointPauseMs: number;
  /** …or this long after its first edit since the last version, while editing goes on. */
  checkpointEveryMs: number;
  /** PDF/PNG exports printed at once by the server's Chromium. */
  exportConcurrency: number;
  /** PDF/PNG exports one user may have running or waiting at once; more get 429. */
  exportsPerUser: number;
  /** PDF/PNG exports that may wait for a free slot; more get 503. */
  exportQueueLength: number;
  /**
   * Redis shared by several instances on one PostgreSQL database (live maps, presence, tickets, signals); undefined for
   * a single instance. Keys and channels start with `redisPrefix`.
   */
  redisUrl?: string;
  redisPrefix: string;
  /** Outgoing e-mail (invitations, mentions); undefined without SMTP, when invitation links are copied by hand. */
  mail?: MailSettings;
  /** When the weekly drift digest is e-mailed (with SMTP); undefined when turned off. */
  driftDigestSchedule?: DriftDigestSchedule;
  /** The ClickHouse cluster that holds the stitched events and answers map metrics; undefined for DuckDB alone. */
  clickHouse?: ClickHouseConfig;
}

/** Reads the configuration from environment variables, with a clear error naming a bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL)
    throw new Error(
      "environment variable REDIS_URL: several instances share one PostgreSQL database; set DATABASE_URL too (with SQLite one instance serves alone, without Redis)",
    );
  const dataDir = resolve(overrides.dataDir ?? e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    sqlitePath: resolve(dataDir, "opencjm.sqlite"),
    databaseUrl: e.DATABASE_URL || undefined,
    publicUrl: e.PUBLIC_URL,
    allowedOrigins: (e.ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    secureCookies: e.SECURE_COOKIES ? e.SECURE_COOKIES === "true" : (e.PUBLIC_URL?.startsWith("https://") ?? false),
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY,
    signup: e.SIGNUP,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    checkpointPauseMs: e.CHECKPOINT_PAUSE_SECONDS * 1000,
    checkpointEveryMs: e.CHECKPOINT_EVERY_MINUTES * 60_000,
    redisUrl: e.REDIS_URL || undefined,
    redisPrefix: e.REDIS_PREFIX,
    exportConcurrency: e.EXPORT_CONCURRENCY,
    exportsPerUser: e.EXPORTS_PER_USER,
    exportQueueLength: e.EXPORT_QUEUE_LENGTH,
    mail: mailSettingsOf(e, overrides.publicUrl ?? e.PUBLIC_URL),
    driftDigestSchedule: e.DRIFT_DIGEST_SCHEDULE,
    clickHouse: clickHouseSettingsOf(e),
    ...overrides,
    ...(overrides.dataDir ? { sqlitePath: resolve(overrides.dataDir, "opencjm.sqlite") } : {}),
  };
}
