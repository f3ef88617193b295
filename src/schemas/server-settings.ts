import { isIP } from 'node:net';
import { z } from 'zod';
import { TimeZoneSchema } from './time-zone.ts';

/*
 * Every setting of the comments/views function, read from environment variables
 * (`process.env`, `astro:env`, or a plain object in tests). Env vars are strings,
 * so numbers and lists are parsed here, once, and the rest of src/server/ trusts
 * the typed result. Empty strings count as unset, as `.env` files often leave them.
 */

const optionalString = z.string().trim().min(1).optional();
const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const list = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const MIN_DISTINCT_SECRET_CHARACTERS = 10;

/**
 * `ana:token1,budi:token2` → `{ ana: 'token1', budi: 'token2' }`. Messages name an
 * entry by its position or its (valid) name, never by its text: a malformed entry
 * may be all token.
 */
const editors = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const result: Record<string, string> = {};
    const entries = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    for (const [index, entry] of entries.entries()) {
      const at = entry.indexOf(':');
      const name = entry.slice(0, at).trim();
      const token = entry.slice(at + 1).trim();
      if (at < 1 || !/^[\p{L}\p{N} ._-]{1,60}$/u.test(name)) {
        ctx.addIssue({ code: 'custom', message: `entry ${index + 1} of ${entries.length} is not "name:token" (names use letters, digits, space, . _ -; entries are separated by commas)` });
      } else if (token.length < 24) {
        ctx.addIssue({ code: 'custom', message: `token of editor "${name}" is shorter than 24 characters; generate one with \`openssl rand -hex 24\`` });
      } else if (name in result) {
        ctx.addIssue({ code: 'custom', message: `editor "${name}" is listed twice` });
      } else if (Object.values(result).includes(token)) {
        ctx.addIssue({ code: 'custom', message: `editor "${name}" shares a token with another editor; each editor needs their own` });
      } else {
        result[name] = token;
      }
    }
    return result;
  });

/** An IP address or CIDR range (`10.0.0.0/8`, `fd00::/8`). */
const ipOrRange = z.string().refine(
  (entry) => {
    const [address, bits, extra] = entry.split('/');
    const version = isIP(address ?? '');
    if (version === 0 || extra !== undefined) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
  },
  { message: 'must list IP addresses or CIDR ranges such as 127.0.0.1, 10.0.0.0/8, ::1' },
);

const origin = z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin);

/** Raw environment → typed settings. Keys are the env var names. */
export const ServerSettingsSchema = z
  .object({
    /** PostgreSQL connection URL. When set, PostgreSQL is used instead of SQLite. */
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
      .optional(),
    /** SQLite database file, used when DATABASE_URL is unset. Created with its folder if missing. */
    WARTA_DB_PATH: z.string().trim().min(1).default('data/warta.sqlite'),
    /**
     * Server secret (at least 32 characters) from which the daily visitor salt and the
     * comment-form token key are derived. Changing it resets today's dedupe and voids open forms.
     */
    WARTA_SECRET: z
      .string({ message: 'required; generate one with `openssl rand -hex 32`' })
      .min(32, { message: 'must be at least 32 characters; generate one with `openssl rand -hex 32`' })
      // Length alone lets "aaaa…" through; a random value has many distinct characters (hex: about 16).
      .refine((secret) => new Set(secret).size >= MIN_DISTINCT_SECRET_CHARACTERS, {
        message: `has too few distinct characters (fewer than ${MIN_DISTINCT_SECRET_CHARACTERS}) to be random; generate one with \`openssl rand -hex 32\``,
      }),
    /** Editors allowed to moderate, as `name:token` pairs separated by commas. No editors = admin API closed. */
    WARTA_EDITORS: editors,
    /**
     * The ONE request header that carries the client IP, set by the proxy/CDN in front of the
     * function (e.g. `cf-connecting-ip`, `x-forwarded-for`, `x-real-ip`). Unset = socket address.
     */
    WARTA_TRUSTED_PROXY_HEADER: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]+$/i, { message: 'must be a header name such as cf-connecting-ip' })
      .transform((h) => h.toLowerCase())
      .optional(),
    /**
     * Peers whose forwarded headers are believed (X-Forwarded-Proto/-Host for the public
     * origin, WARTA_TRUSTED_PROXY_HEADER for the client IP): addresses or CIDR ranges,
     * comma-separated. Default: loopback, where a reverse proxy on the same machine connects from.
     */
    WARTA_TRUSTED_PROXIES: z
      .string()
      .default('127.0.0.0/8,::1')
      .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(ipOrRange)),
    /** Origins (besides the API's own) allowed to POST and to read cross-origin, comma-separated. */
    WARTA_ALLOWED_ORIGINS: list.pipe(z.array(origin)),
    /** Public site URL, e.g. https://liputanabn.com; sent to Akismet and used for absolute links. */
    WARTA_SITE_URL: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')).optional(),
    /** JSON file listing published articles `[{ id, title, url }]`, written by the build. */
    WARTA_ARTICLES_FILE: z.string().trim().min(1).default('dist/client/warta-articles.json'),
    /** Same list fetched over HTTP instead of a file (serverless platforms); wins over the file when set. */
    WARTA_ARTICLES_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** `none`: every comment is moderated; `returning`: commenters with an approved comment skip the queue; `all`. */
    WARTA_AUTO_APPROVE: z.enum(['none', 'returning', 'all']).default('none'),
    /** Seconds a reader must spend between loading the form and sending it (signed token). */
    WARTA_COMMENT_MIN_SECONDS: int(0, 600, 3),
    /** Longest comment, in characters. */
    WARTA_COMMENT_MAX_LENGTH: int(50, 20_000, 4000),
    /** Most links allowed in one comment. */
    WARTA_COMMENT_MAX_LINKS: int(0, 50, 2),
    /** Comments one IP may post per window. */
    WARTA_COMMENT_RATE_MAX: int(1, 10_000, 5),
    /** Length of the rate-limit window, in seconds. */
    WARTA_COMMENT_RATE_WINDOW: int(10, 86_400, 600),
    /**
     * `1`: a first comment from an email this browser has not confirmed is held until the reader
     * opens a one-time link mailed to that address (needs WARTA_SMTP_URL). `0` (default): off.
     */
    WARTA_COMMENT_VERIFY_EMAIL: z.enum(['0', '1'], { message: 'must be 1 (require a confirmed email before a first comment) or 0' }).default('0'),
    /** Hours the mailed confirmation link stays valid. */
    WARTA_COMMENT_VERIFY_HOURS: int(1, 720, 24),
    /** Largest request body, in bytes; bigger bodies get 413. */
    WARTA_BODY_LIMIT: int(1024, 1_048_576, 16_384),
    /** Seconds a client has to send the whole request body; slower uploads get 408. */
    WARTA_BODY_TIMEOUT: int(1, 600, 30),
    /** Seconds any one database call may take (connect, query, statement) before the request gets 503. */
    WARTA_DB_TIMEOUT: int(1, 60, 5),
    /** Akismet API key; when set, every new comment is checked. */
    WARTA_AKISMET_KEY: optionalString,
    /** Akismet comment-check endpoint (tests point it at a local stub). */
    WARTA_AKISMET_ENDPOINT: z.url({ protocol: /^https?$/ }).default('https://rest.akismet.com/1.1/comment-check'),
    /** URL that receives a JSON POST for every new comment (Slack/Discord bridges, n8n…). */
    WARTA_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** SMTP server for new-comment mail, `smtp://user:pass@host:587` or `smtps://…:465`. */
    WARTA_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    /** Sender of notification mail. */
    WARTA_SMTP_FROM: z.email().optional(),
    /** Recipients of notification mail, comma-separated. */
    WARTA_SMTP_TO: list.pipe(z.array(z.email())),
    /** Author name shown on newsroom replies. */
    WARTA_NEWSROOM_NAME: z.string().trim().min(1).max(80).default('Redaksi'),
    /** Zone whose midnight starts a new counting day (dedupe, popular). */
    WARTA_TIME_ZONE: TimeZoneSchema,
    /** Language of the plain HTML comment page and redirect messages. */
    WARTA_LOCALE: z.enum(['id', 'en']).default('id'),
    /** Client id of the newsroom's GitHub OAuth app, for the browser editor's sign-in (docs/editor.md). */
    WARTA_GITHUB_CLIENT_ID: optionalString,
    /** Its client secret; set both or neither. */
    WARTA_GITHUB_CLIENT_SECRET: optionalString,
    /** GitHub's web address (GitHub Enterprise, or a local stub in tests). */
    WARTA_GITHUB_URL: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')).default('https://github.com'),
    /** Address the standalone Node server binds to. */
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    /** Port of the standalone Node server. */
    PORT: int(0, 65_535, 8787),
  })
  .superRefine((env, ctx) => {
    if (!env.WARTA_GITHUB_CLIENT_ID !== !env.WARTA_GITHUB_CLIENT_SECRET) {
      const missing = env.WARTA_GITHUB_CLIENT_ID ? 'WARTA_GITHUB_CLIENT_SECRET' : 'WARTA_GITHUB_CLIENT_ID';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'required with the other WARTA_GITHUB_CLIENT_* setting: set both (the OAuth app\'s client id and secret) or neither' });
    }
    if (env.WARTA_SMTP_URL && (!env.WARTA_SMTP_FROM || env.WARTA_SMTP_TO.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['WARTA_SMTP_URL'], message: 'needs WARTA_SMTP_FROM and WARTA_SMTP_TO as well' });
    }
    if (env.WARTA_COMMENT_VERIFY_EMAIL === '1' && !env.WARTA_SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['WARTA_COMMENT_VERIFY_EMAIL'], message: 'needs WARTA_SMTP_URL (with WARTA_SMTP_FROM and WARTA_SMTP_TO) to mail the confirmation links' });
    }
  })
  .transform((env) => ({
    databaseUrl: env.DATABASE_URL,
    dbPath: env.WARTA_DB_PATH,
    secret: env.WARTA_SECRET,
    editors: env.WARTA_EDITORS,
    trustedProxyHeader: env.WARTA_TRUSTED_PROXY_HEADER,
    trustedProxies: env.WARTA_TRUSTED_PROXIES,
    allowedOrigins: env.WARTA_ALLOWED_ORIGINS,
    siteUrl: env.WARTA_SITE_URL,
    articlesFile: env.WARTA_ARTICLES_FILE,
    articlesUrl: env.WARTA_ARTICLES_URL,
    autoApprove: env.WARTA_AUTO_APPROVE,
    comments: {
      minSeconds: env.WARTA_COMMENT_MIN_SECONDS,
      maxLength: env.WARTA_COMMENT_MAX_LENGTH,
      maxLinks: env.WARTA_COMMENT_MAX_LINKS,
      rateMax: env.WARTA_COMMENT_RATE_MAX,
      rateWindowSeconds: env.WARTA_COMMENT_RATE_WINDOW,
      verifyEmail: env.WARTA_COMMENT_VERIFY_EMAIL === '1',
      verifyLinkHours: env.WARTA_COMMENT_VERIFY_HOURS,
    },
    bodyLimit: env.WARTA_BODY_LIMIT,
    bodyTimeoutMs: env.WARTA_BODY_TIMEOUT * 1000,
    dbTimeoutMs: env.WARTA_DB_TIMEOUT * 1000,
    akismet: env.WARTA_AKISMET_KEY ? { key: env.WARTA_AKISMET_KEY, endpoint: env.WARTA_AKISMET_ENDPOINT } : undefined,
    webhookUrl: env.WARTA_WEBHOOK_URL,
    smtp: env.WARTA_SMTP_URL
      ? { url: env.WARTA_SMTP_URL, from: env.WARTA_SMTP_FROM as string, to: env.WARTA_SMTP_TO }
      : undefined,
    newsroomName: env.WARTA_NEWSROOM_NAME,
    timeZone: env.WARTA_TIME_ZONE,
    locale: env.WARTA_LOCALE,
    host: env.HOST,
    port: env.PORT,
    githubAuth: env.WARTA_GITHUB_CLIENT_ID && env.WARTA_GITHUB_CLIENT_SECRET
      ? { clientId: env.WARTA_GITHUB_CLIENT_ID, clientSecret: env.WARTA_GITHUB_CLIENT_SECRET, url: env.WARTA_GITHUB_URL }
      : undefined,
  }));

/** The env var names this schema knows, for "did you mean" hints on typos. */
export const SERVER_SETTING_NAMES = Object.keys(ServerSettingsSchema.in.shape);

export type ServerSettingsInput = z.input<typeof ServerSettingsSchema>;
export type ServerSettings = z.output<typeof ServerSettingsSchema>;
