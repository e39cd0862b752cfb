// Configuration comes only from the environment, checked once at start. Each key, its
// default and meaning is in .env.example; a bad value stops the server naming the variable.
import { resolve } from 'node:path';

export interface RateLimit { limit: number; windowMs: number }

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  regionCode: string;
  mongodbUri: string | null;
  /** MONGODB_TRANSACTIONS=off runs MongoDB without transactions (standalone server); see README.md, section MongoDB. */
  mongodbTransactions: boolean;
  /** SQLITE_WORKER=off runs the SQLite store on the main thread (for debugging); see README.md, section SQLite on a worker thread. */
  sqliteWorker: boolean;
  /** With sqliteWorker: reader threads for lists and aggregates beside the writer thread (0: the writer does all). */
  sqliteReaders: number;
  trustProxy: boolean | number | string;
  publicUrl: string | null;
  logLevel: string;
  maxBodyBytes: number;
  maxPhotos: number;
  maxPhotoBytes: number;
  maxPhotoPixels: number;
  photoConcurrency: number;
  rateLimitSubmit: RateLimit;
  rateLimitLookup: RateLimit;
  rateLimitLogin: RateLimit;
  adminPassword: string | null;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  mapTileUrl: string;
  mapTileAttribution: string;
  shutdownGraceMs: number;
  overdueSweepMs: number;
  /** Server processes on this machine (node:cluster); more than one needs redisUrl. */
  workers: number;
  /** Shared Socket.IO fan-out and rate-limit counters for several processes or machines. */
  redisUrl: string | null;
  /** A public report of the same category this close (and in the last 30 days) is suggested instead of a new one. */
  duplicateRadiusM: number;
  /** Reports read per store page by the streamed exports (open data, the desk's CSV): bounds their memory. */
  exportPageSize: number;
  /** How long the public statistics are kept between report changes on this process (0: computed per request). */
  publicStatsCacheSeconds: number;
  /** Requests lean on a settings check begun this many ms ago (0: every request checks). */
  settingsRecheckMs: number;
  /** Signs the device cookie that counts a "dukung" once per phone; null: one is made and kept in the store. */
  deviceSecret: string | null;
  /** Set when WHATSAPP_VERIFY_TOKEN, _APP_SECRET, _ACCESS_TOKEN and _PHONE_NUMBER_ID are all set. */
  whatsapp: WhatsAppConfig | null;
  /** SMS_SYNC_SECRET: the SMSSync gateway is on when set. */
  smsSyncSecret: string | null;
  /** Largest webhook body (WhatsApp batches several messages in one POST). */
  webhookMaxBodyBytes: number;
  /** Open311 GeoReport v2 (server/open311/); see README.md, section Open311. */
  open311: Open311Config;
  /** Status messages to reporters (server/notify/). */
  notify: NotifyConfig;
}

export interface NotifyConfig {
  /** NOTIFY_SECRET: seals the tracking codes kept for the sender; null: a key kept in the store. */
  secret: string | null;
  /** Messages sent at the same time by one process. */
  concurrency: number;
  /** How long a sender holds a claimed message before another process may take it. */
  leaseMs: number;
  /** Tries before a message is marked failed (a timeout or a 5xx is tried again). */
  maxAttempts: number;
  /** The wait after the first failed try; doubled after each further one. */
  backoffMs: number;
  /** How often the sender looks for due messages besides being woken by a commit. */
  pollMs: number;
  /** How long one send may take before it counts as a timeout. */
  sendTimeoutMs: number;
  /** WHATSAPP_TEMPLATE_STATUS: the approved template sent outside the 24-hour window; null: none (such messages fail). */
  templateStatus: string | null;
  templateLang: string;
}

export interface Open311Config {
  /** The jurisdiction_id served: the regency's web domain, as the spec suggests. */
  jurisdiction: string;
  /** Requests per API key (POST requests, and GETs that name a key). */
  rateLimit: RateLimit;
  /** How partners reach the operators and get a key (discovery's contact and key_service). */
  contact: string;
}

export interface WhatsAppConfig {
  verifyToken: string;
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  /** Graph API base including its version, without a trailing slash. */
  apiBase: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function read(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

function int(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = read(env, name, String(fallback));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} harus bilangan bulat ${min}–${max} (sekarang "${raw}")`);
  return n;
}

function bytes(env: Env, name: string, fallback: string): number {
  const raw = read(env, name, fallback);
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw);
  if (!match) throw new ConfigError(`${name} harus ukuran seperti 512kb atau 10mb (sekarang "${raw}")`);
  const unit = (match[2] ?? 'b').toLowerCase();
  return Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}

/** "10/15m" → 10 requests per 15 minutes. */
export function parseRate(name: string, raw: string): RateLimit {
  const match = /^(\d+)\s*\/\s*(\d*)\s*([smhd])$/.exec(raw.trim());
  if (!match || Number(match[1]) < 1) throw new ConfigError(`${name} harus seperti 10/15m (jumlah/waktu), sekarang "${raw}"`);
  return { limit: Number(match[1]), windowMs: Number(match[2] || 1) * UNITS[match[3]] };
}

function trustProxy(raw: string): boolean | number | string {
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw; // an address list, as Express takes it
}

function deviceSecret(raw: string): string | null {
  if (raw && raw.length < 32) throw new ConfigError('DEVICE_SECRET minimal 32 karakter (acak), atau kosongkan agar dibuat otomatis');
  return raw || null;
}

const WHATSAPP_KEYS = ['WHATSAPP_VERIFY_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID'] as const;

/** All four set: the channel is on; none: off; some: refused, since a half-configured channel fails only when a citizen writes. */
function whatsapp(env: Env): WhatsAppConfig | null {
  const [verifyToken, appSecret, accessToken, phoneNumberId] = WHATSAPP_KEYS.map((key) => read(env, key, ''));
  const missing = WHATSAPP_KEYS.filter((key) => !read(env, key, ''));
  if (missing.length === WHATSAPP_KEYS.length) return null;
  if (missing.length > 0) throw new ConfigError(`WhatsApp belum lengkap: ${missing.join(', ')} kosong (isi keempatnya, atau kosongkan semua)`);
  const apiBase = read(env, 'WHATSAPP_API_BASE', 'https://graph.facebook.com/v26.0').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(apiBase)) throw new ConfigError(`WHATSAPP_API_BASE harus URL http(s) (sekarang "${apiBase}")`);
  if (!/^\d+$/.test(phoneNumberId)) throw new ConfigError(`WHATSAPP_PHONE_NUMBER_ID harus angka (sekarang "${phoneNumberId}")`);
  return { verifyToken, appSecret, accessToken, phoneNumberId, apiBase };
}

function notify(env: Env): NotifyConfig {
  const secret = read(env, 'NOTIFY_SECRET', '');
  if (secret && secret.length < 32) throw new ConfigError('NOTIFY_SECRET minimal 32 karakter (acak), atau kosongkan agar dibuat otomatis');
  const templateStatus = read(env, 'WHATSAPP_TEMPLATE_STATUS', '');
  if (templateStatus && !/^[a-z0-9_]{1,512}$/.test(templateStatus)) throw new ConfigError(`WHATSAPP_TEMPLATE_STATUS harus nama template Meta (huruf kecil, angka, _), sekarang "${templateStatus}"`);
  const templateLang = read(env, 'WHATSAPP_TEMPLATE_LANG', 'id');
  if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(templateLang)) throw new ConfigError(`WHATSAPP_TEMPLATE_LANG harus kode bahasa seperti id atau en_US (sekarang "${templateLang}")`);
  const leaseMs = int(env, 'NOTIFY_LEASE_SECONDS', 60, 1, 3600) * 1000;
  const sendTimeoutMs = int(env, 'NOTIFY_SEND_TIMEOUT_SECONDS', 15, 1, 300) * 1000;
  // A lease that ends while its send still waits on the Graph API lets another process claim
  // and send the same message: a live sender would make the reporter read it twice.
  if (leaseMs <= sendTimeoutMs) {
    throw new ConfigError(`NOTIFY_LEASE_SECONDS (${leaseMs / 1000}) harus lebih lama dari NOTIFY_SEND_TIMEOUT_SECONDS (${sendTimeoutMs / 1000}), agar pesan yang sedang dikirim tidak diambil proses lain`);
  }
  return {
    secret: secret || null,
    concurrency: int(env, 'NOTIFY_CONCURRENCY', 16, 1, 256),
    leaseMs,
    maxAttempts: int(env, 'NOTIFY_MAX_ATTEMPTS', 6, 1, 100),
    backoffMs: int(env, 'NOTIFY_BACKOFF_SECONDS', 30, 0, 86_400) * 1000,
    pollMs: int(env, 'NOTIFY_POLL_SECONDS', 10, 1, 3600) * 1000,
    sendTimeoutMs,
    templateStatus: templateStatus || null,
    templateLang,
  };
}

function open311(env: Env): Open311Config {
  const jurisdiction = read(env, 'OPEN311_JURISDICTION', 'blorakab.go.id');
  if (!/^[a-z0-9.-]{1,100}$/i.test(jurisdiction)) throw new ConfigError(`OPEN311_JURISDICTION harus nama domain seperti blorakab.go.id (sekarang "${jurisdiction}")`);
  return {
    jurisdiction: jurisdiction.toLowerCase(),
    rateLimit: parseRate('OPEN311_RATE_LIMIT', read(env, 'OPEN311_RATE_LIMIT', '600/1h')),
    contact: read(env, 'OPEN311_CONTACT', 'Dinkominfo Kabupaten Blora: minta kunci API kepada admin Suara Warga.'),
  };
}

function smsSyncSecret(raw: string): string | null {
  if (raw && raw.length < 16) throw new ConfigError('SMS_SYNC_SECRET minimal 16 karakter (acak), atau kosongkan untuk mematikan gerbang SMS');
  return raw || null;
}

export function loadConfig(env: Env = process.env): Config {
  const regionCode = read(env, 'REGION_CODE', '33.16');
  if (!/^\d{2}\.\d{2}$/.test(regionCode)) throw new ConfigError(`REGION_CODE harus kode kabupaten Kemendagri seperti 33.16 (sekarang "${regionCode}")`);
  const publicUrl = read(env, 'PUBLIC_URL', '');
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL harus URL http(s) (sekarang "${publicUrl}")`);
  const logLevel = read(env, 'LOG_LEVEL', 'info');
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL harus salah satu dari ${LOG_LEVELS.join(', ')} (sekarang "${logLevel}")`);
  const mongodbUri = read(env, 'MONGODB_URI', '');
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) throw new ConfigError('MONGODB_URI harus diawali mongodb:// atau mongodb+srv://');
  const mongodbTransactions = read(env, 'MONGODB_TRANSACTIONS', 'on');
  if (mongodbTransactions !== 'on' && mongodbTransactions !== 'off') throw new ConfigError(`MONGODB_TRANSACTIONS harus on atau off (sekarang "${mongodbTransactions}")`);
  const sqliteWorker = read(env, 'SQLITE_WORKER', 'on');
  if (sqliteWorker !== 'on' && sqliteWorker !== 'off') throw new ConfigError(`SQLITE_WORKER harus on atau off (sekarang "${sqliteWorker}")`);
  const redisUrl = read(env, 'REDIS_URL', '');
  if (redisUrl && !/^rediss?:\/\/[^/]/.test(redisUrl)) throw new ConfigError('REDIS_URL harus diawali redis:// atau rediss://');
  const workers = int(env, 'WORKERS', 1, 1, 64);
  // Processes that do not share Redis would each count rate limits on their own (n times the
  // limit) and each reach only their own desk sockets; see README.md, section Several processes.
  if (workers > 1 && !redisUrl) throw new ConfigError(`WORKERS=${workers} perlu REDIS_URL (penghitung batas dan siaran ke meja dibagi lewat Redis)`);
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: read(env, 'HOST', '0.0.0.0'),
    dataDir: resolve(read(env, 'DATA_DIR', './data')),
    regionCode,
    mongodbUri: mongodbUri || null,
    mongodbTransactions: mongodbTransactions === 'on',
    sqliteWorker: sqliteWorker === 'on',
    sqliteReaders: int(env, 'SQLITE_READERS', 1, 0, 8),
    trustProxy: trustProxy(read(env, 'TRUST_PROXY', 'false')),
    publicUrl: publicUrl ? publicUrl.replace(/\/$/, '') : null,
    logLevel,
    maxBodyBytes: bytes(env, 'MAX_BODY_SIZE', '64kb'),
    maxPhotos: int(env, 'MAX_PHOTOS', 5, 0, 20),
    maxPhotoBytes: bytes(env, 'MAX_PHOTO_SIZE', '10mb'),
    maxPhotoPixels: int(env, 'MAX_PHOTO_PIXELS', 40_000_000, 1),
    photoConcurrency: int(env, 'PHOTO_CONCURRENCY', 2, 1, 64),
    rateLimitSubmit: parseRate('RATE_LIMIT_SUBMIT', read(env, 'RATE_LIMIT_SUBMIT', '10/10m')),
    rateLimitLookup: parseRate('RATE_LIMIT_LOOKUP', read(env, 'RATE_LIMIT_LOOKUP', '60/1m')),
    rateLimitLogin: parseRate('RATE_LIMIT_LOGIN', read(env, 'RATE_LIMIT_LOGIN', '10/15m')),
    adminPassword: read(env, 'ADMIN_PASSWORD', '') || null,
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 120, 1),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 12, 1),
    mapTileUrl: read(env, 'MAP_TILE_URL', 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    mapTileAttribution: read(env, 'MAP_TILE_ATTRIBUTION', '© OpenStreetMap contributors'),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10_000, 0),
    overdueSweepMs: int(env, 'OVERDUE_SWEEP_SECONDS', 300, 0) * 1000,
    workers,
    redisUrl: redisUrl || null,
    duplicateRadiusM: int(env, 'DUPLICATE_RADIUS_M', 500, 1, 50_000),
    exportPageSize: int(env, 'EXPORT_PAGE_SIZE', 500, 1, 10_000),
    publicStatsCacheSeconds: int(env, 'PUBLIC_STATS_CACHE_SECONDS', 30, 0, 3600),
    settingsRecheckMs: int(env, 'SETTINGS_RECHECK_MS', 1000, 0, 60_000),
    deviceSecret: deviceSecret(read(env, 'DEVICE_SECRET', '')),
    whatsapp: whatsapp(env),
    smsSyncSecret: smsSyncSecret(read(env, 'SMS_SYNC_SECRET', '')),
    webhookMaxBodyBytes: bytes(env, 'WEBHOOK_MAX_BODY_SIZE', '1mb'),
    open311: open311(env),
    notify: notify(env),
  };
}
