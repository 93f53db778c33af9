/**
 * Every environment variable the portal, its scripts and its database read, validated in one
 * schema. scripts/serve.ts reads it at start (`lesMiljoe`), so a bad value stops the server
 * with a `konfiguration` log line that names the variable; the rest of the code asks `miljoe()`.
 * The README's "Konfiguration" lists the same variables.
 */
import { availableParallelism } from 'node:os';
import { z } from 'astro/zod';

export const DEFAULT_DATABASE_URL = 'file:data/mit-forloeb.db';

// An empty variable (FOO=) counts as not set, as `??` treated it before.
const tom = (v: unknown) => (v === '' ? undefined : v);

/** A whole number from `min` up, with a message that names the variable. */
const heltal = (navn: string, standard: number, min = 1, max = Number.MAX_SAFE_INTEGER) => {
  const besked = `${navn} skal være et helt tal${min === 0 ? '' : ` større end ${min - 1}`}${max < Number.MAX_SAFE_INTEGER ? ` og højst ${max}` : ''}.`;
  return z.preprocess(
    tom,
    z.coerce.number({ error: besked }).int(besked).min(min, besked).max(max, besked).default(standard),
  );
};

/** A switch: "1" is on; unset or "0" is off. */
const kontakt = (navn: string) =>
  z
    .preprocess(tom, z.enum(['0', '1'], { error: `${navn} skal være 1 (til) eller 0 (fra).` }).optional())
    .transform((v) => v === '1');

const tekst = () => z.preprocess(tom, z.string().optional());
const tekstMedStandard = (standard: string) => z.preprocess(tom, z.string().default(standard));

const adresse = (navn: string) =>
  z.preprocess(tom, z.url({ error: `${navn} skal være en hel adresse, fx https://mitforloeb.kommune.dk.` }).optional());

const MAKS_WORKERS = 64;
/** How many processes serve requests: a whole number, or `auto` for one per CPU core. */
const workers = () => {
  const besked = `WORKERS skal være et helt tal fra 1 til ${MAKS_WORKERS} eller auto (én pr. CPU-kerne).`;
  return z
    .preprocess(tom, z.string().default('1'))
    .refine((v) => v === 'auto' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAKS_WORKERS), besked)
    .transform((v) => (v === 'auto' ? Math.min(availableParallelism(), MAKS_WORKERS) : Number(v)));
};

export const MiljoeSchema = z
  .object({
    NODE_ENV: tekst(),
    PORT: heltal('PORT', 4321, 1, 65_535),
    HOST: tekstMedStandard('localhost'),
    PUBLIC_URL: adresse('PUBLIC_URL'),
    DATABASE_URL: z.preprocess(
      tom,
      z
        .string()
        .refine(
          (v) => v.startsWith('file:') || v === ':memory:' || /^postgres(ql)?:\/\/./.test(v),
          'DATABASE_URL skal være en file:-sti til SQLite (fx file:data/mit-forloeb.db) eller en postgres://-adresse.',
        )
        .default(DEFAULT_DATABASE_URL),
    ),
    /** PostgreSQL: connections per process (each instance, each worker). */
    DATABASE_POOL: heltal('DATABASE_POOL', 10, 1, 200),
    RESET_DATABASE: kontakt('RESET_DATABASE'),
    TRUST_PROXY: kontakt('TRUST_PROXY'),
    OIDC_ISSUER: adresse('OIDC_ISSUER'),
    OIDC_CLIENT_ID: tekst(),
    OIDC_CLIENT_SECRET: tekst(),
    OIDC_REDIRECT_URI: adresse('OIDC_REDIRECT_URI'),
    OIDC_CLAIM_CPR: tekstMedStandard('cpr'),
    OIDC_CLAIM_LOA: tekstMedStandard('loa'),
    OIDC_ACCEPTED_LOA: tekst(),
    STAFF_OIDC_ISSUER: adresse('STAFF_OIDC_ISSUER'),
    STAFF_OIDC_CLIENT_ID: tekst(),
    STAFF_OIDC_CLIENT_SECRET: tekst(),
    STAFF_OIDC_REDIRECT_URI: adresse('STAFF_OIDC_REDIRECT_URI'),
    RATE_LIMIT_LOGIN: heltal('RATE_LIMIT_LOGIN', 60),
    RATE_LIMIT_POST: heltal('RATE_LIMIT_POST', 120),
    BILAG_DIR: tekstMedStandard('data/bilag'),
    OPBEVARING_KLADDE_DAGE: heltal('OPBEVARING_KLADDE_DAGE', 30),
    OPBEVARING_LOG_DAGE: heltal('OPBEVARING_LOG_DAGE', 5 * 365 + 1),
    SHUTDOWN_TIMEOUT_MS: heltal('SHUTDOWN_TIMEOUT_MS', 10_000, 0),
    WORKERS: workers(),
    /** 1: an editor publishes alone (a small municipality); otherwise a second editor approves. */
    REDAKTION_UDEN_GODKENDELSE: kontakt('REDAKTION_UDEN_GODKENDELSE'),
    /** Notices by e-mail: the SMTP server (none: the portal offers no e-mail notices). */
    SMTP_HOST: tekst(),
    SMTP_PORT: heltal('SMTP_PORT', 587, 1, 65_535),
    /** 1: TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
    SMTP_TLS: kontakt('SMTP_TLS'),
    SMTP_USER: tekst(),
    SMTP_PASS: tekst(),
    SMTP_FRA: tekstMedStandard('Mit Forløb <ikke-svar@mitforloeb.invalid>'),
    /** Notices by SMS: the gateway's HTTP address, which takes a POST of {til, tekst} (none: no SMS). */
    SMS_GATEWAY_URL: adresse('SMS_GATEWAY_URL'),
    SMS_GATEWAY_NOEGLE: tekst(),
    /** The demo's own SMTP server and SMS gateway on loopback, with the test mailbox page. */
    TEST_POSTKASSE: kontakt('TEST_POSTKASSE'),
    DEMO_DATA: kontakt('DEMO_DATA'),
    TEST_MITID: kontakt('TEST_MITID'),
    TEST_CLOCK: kontakt('TEST_CLOCK'),
    TEST_NOW: z.preprocess(
      tom,
      z.iso.datetime({ offset: true, error: 'TEST_NOW skal være et tidspunkt, fx 2026-12-02T10:00:00Z.' }).optional(),
    ),
  })
  .superRefine((m, ctx) => {
    if (m.TEST_NOW && !m.TEST_CLOCK) {
      ctx.addIssue({ code: 'custom', path: ['TEST_NOW'], message: 'TEST_NOW virker kun sammen med TEST_CLOCK=1.' });
    }
  });
export type Miljoe = z.output<typeof MiljoeSchema>;

/** A configuration the portal cannot start with; the message names each variable to fix. */
export class KonfigurationsFejl extends Error {}

function fortolk(env: Record<string, string | undefined>): Miljoe {
  const r = MiljoeSchema.safeParse(env);
  if (!r.success) throw new KonfigurationsFejl(r.error.issues.map((i) => i.message).join(' '));
  return r.data;
}

/** What a server in production (NODE_ENV=production) must have and must not have. */
function driftsfejl(m: Miljoe): string[] {
  if (m.NODE_ENV !== 'production') return [];
  const fejl = m.PUBLIC_URL ? [] : ['PUBLIC_URL skal sættes i drift (NODE_ENV=production): portalens adresse udefra.'];
  for (const navn of ['TEST_CLOCK', 'TEST_MITID', 'TEST_POSTKASSE'] as const)
    if (m[navn]) fejl.push(`${navn} må ikke bruges i drift (NODE_ENV=production).`);
  return fejl;
}

/**
 * Reads and checks the environment a server starts with; throws KonfigurationsFejl with one
 * Danish sentence per bad variable. The production rules are checked here only: Astro's build
 * also runs with NODE_ENV=production, and it has no PUBLIC_URL.
 */
export function lesMiljoe(env: Record<string, string | undefined> = process.env): Miljoe {
  const m = fortolk(env);
  const fejl = driftsfejl(m);
  if (fejl.length > 0) throw new KonfigurationsFejl(fejl.join(' '));
  return m;
}

/** The login variables an operator must set when the stand-in MitID is not used. */
const LOGIN_VARIABLER = [
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'STAFF_OIDC_ISSUER',
  'STAFF_OIDC_CLIENT_ID',
  'STAFF_OIDC_CLIENT_SECRET',
] as const;

/** The login variables that are missing, by name (none when the stand-in MitID sets them). */
export function manglendeLogin(m: Miljoe): string[] {
  return m.TEST_MITID ? [] : LOGIN_VARIABLER.filter((navn) => !m[navn]);
}

let gemt: Miljoe | undefined;

/** The validated environment, read once on first use (the server has checked it all with lesMiljoe at start). */
export function miljoe(): Miljoe {
  gemt ??= fortolk(process.env);
  return gemt;
}

/** Reads the environment again on the next `miljoe()`: for tests that change process.env. */
export function glemMiljoe(): void {
  gemt = undefined;
}
