import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
  ValidationError,
} from 'class-validator';

/** The development secret; a production process refuses to start with it. */
export const DEVELOPMENT_JWT_SECRET = 'sheber-development-secret-change-me-in-production';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (word === 'true' || word === '1') return true;
  if (word === 'false' || word === '0') return false;
  return value;
};

/**
 * Every environment variable the processes read, with its local default. The README lists the
 * same names; keep the two together.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * Which reverse proxies' `X-Forwarded-For` and `X-Forwarded-Proto` the API believes: empty for
   * none (the API faces clients itself), `true` for any, or a comma list of the proxies'
   * addresses, CIDR ranges or `loopback`. Behind a proxy without it, every client has the proxy's
   * address and the per-address limits (sign-in, public verification) fall on all users together.
   */
  @Matches(
    /^(|true|(loopback|[0-9a-fA-F:.]+(\/\d{1,3})?)(\s*,\s*(loopback|[0-9a-fA-F:.]+(\/\d{1,3})?))*)$/,
    { message: 'must be empty, true, or a comma list of addresses, CIDR ranges or loopback' },
  )
  TRUST_PROXY = '';

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/sheber';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  /**
   * Read-only streaming replicas of DATABASE_URL, a comma list of postgres:// URLs; empty for
   * none. When set, the referral period report reads from them (docs/OPERATIONS.md); every other
   * query goes to DATABASE_URL as before.
   */
  @Matches(/^(|postgres(ql)?:\/\/[^\s,]+(\s*,\s*postgres(ql)?:\/\/[^\s,]+)*)$/, {
    message: 'must be empty or a comma list of postgres:// URLs',
  })
  DATABASE_REPLICA_URLS = '';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * Put before every Redis key. In braces (`{sheber}`) it is a hash tag: every key of the
   * installation then lies in one Redis Cluster slot, as BullMQ's scripts require there.
   */
  @Matches(/^(\{[a-zA-Z0-9_-]{1,38}\}|[a-zA-Z0-9_-]{1,40})$/, {
    message: 'must be 1-40 letters, digits, - or _, or up to 38 of them in braces',
  })
  REDIS_PREFIX = 'sheber';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  @IsString()
  @MinLength(32)
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(60 * 60 * 24 * 30)
  JWT_TTL_SECONDS = 60 * 60 * 12;

  /**
   * How long an API process may reuse a token's checked signature (never past its expiry) and the
   * user behind it without reading it again; changes of a user reach every process at once through
   * Redis, so this only bounds a lost message. 0 checks both on every request.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  TOKEN_CACHE_SECONDS = 5;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  @MaxLength(64)
  CENTRE_TIMEZONE = 'Asia/Almaty';

  /**
   * Failed sign-ins of one account from one address before that pair is blocked until its window
   * ends; from LOGIN_SLOWDOWN_AFTER on, each failure makes the pair wait 1, 2, 4 … seconds.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_SLOWDOWN_AFTER = 3;

  /** A pair's failures are forgotten this long after its last one; also the length of a block. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** Failed sign-ins from one address, whatever the accounts, within LOGIN_ADDRESS_WINDOW_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  LOGIN_ADDRESS_MAX_FAILURES = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_ADDRESS_WINDOW_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /**
   * Where issued certificate PDFs are stored: `local`, the directory CERTIFICATE_STORAGE_DIR of
   * this machine, or `s3`, a bucket that every API and worker machine shares (S3_*).
   */
  @IsIn(['local', 's3'])
  CERTIFICATE_STORAGE: 'local' | 's3' = 'local';

  /** The directory of the `local` storage. */
  @IsString()
  @MinLength(1)
  CERTIFICATE_STORAGE_DIR = 'var/certificates';

  /** The S3-compatible store's address; empty for AWS itself. */
  @ValidateIf((env: Environment) => env.S3_ENDPOINT !== '')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  S3_ENDPOINT = '';

  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'must be a region name such as us-east-1' })
  S3_REGION = 'us-east-1';

  /** Required with CERTIFICATE_STORAGE=s3 (checked in validateEnvironment). */
  @ValidateIf((env: Environment) => env.S3_BUCKET !== '')
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'must be a bucket name: 3-63 lower-case letters, digits, dots or hyphens',
  })
  S3_BUCKET = '';

  /** Put before every object key, e.g. `sheber/`; the slash at the end is added when missing. */
  @Matches(/^(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]*$/, {
    message: 'must be path segments of letters, digits, _ . - separated by /',
  })
  S3_PREFIX = '';

  /** Both empty: the SDK's own credential chain (AWS_* variables, a profile, an instance role). */
  @IsString()
  S3_ACCESS_KEY_ID = '';

  @IsString()
  S3_SECRET_ACCESS_KEY = '';

  /** `true` for MinIO and most self-hosted stores: the bucket in the path, not in the host name. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  S3_FORCE_PATH_STYLE = false;

  /** A certificate still pending after this many seconds is queued again by the worker's sweeper. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  CERTIFICATE_REQUEUE_AFTER_SECONDS = 60;

  /** How often the sweeper looks for such certificates. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  CERTIFICATE_SWEEP_INTERVAL_SECONDS = 30;
}

export class ConfigurationError extends Error {}

function firstMessage(error: ValidationError): string {
  const constraint = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
  // class-validator starts each message with the property name; keep one clear sentence.
  const message = constraint.startsWith(error.property)
    ? constraint.slice(error.property.length).trim()
    : constraint;
  return `${error.property} ${message} (got ${JSON.stringify(error.value)})`;
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads and checks the environment. Empty values count as unset, so the default applies.
 * Throws a ConfigurationError whose message is one line naming the first bad variable.
 */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => key in new Environment() && value !== ''),
  );
  const env = plainToInstance(Environment, present);
  const errors = validateSync(env, { skipMissingProperties: false });
  const first = errors[0];
  if (first) {
    throw new ConfigurationError(`Invalid configuration: ${firstMessage(first)}`);
  }
  if (!isValidTimeZone(env.CENTRE_TIMEZONE)) {
    throw new ConfigurationError(
      `Invalid configuration: CENTRE_TIMEZONE is not a known IANA time zone (got "${env.CENTRE_TIMEZONE}")`,
    );
  }
  if (env.CERTIFICATE_STORAGE === 's3' && env.S3_BUCKET === '') {
    throw new ConfigurationError(
      'Invalid configuration: S3_BUCKET must be set when CERTIFICATE_STORAGE is s3',
    );
  }
  if ((env.S3_ACCESS_KEY_ID === '') !== (env.S3_SECRET_ACCESS_KEY === '')) {
    throw new ConfigurationError(
      'Invalid configuration: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together',
    );
  }
  if (env.S3_PREFIX.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new ConfigurationError(
      `Invalid configuration: S3_PREFIX must not hold . or .. segments (got "${env.S3_PREFIX}")`,
    );
  }
  if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    throw new ConfigurationError(
      'Invalid configuration: JWT_SECRET must be set to a secret of your own in production',
    );
  }
  return env;
}

/** TRUST_PROXY as Fastify's `trustProxy` option. */
export function trustProxyOption(env: Environment): boolean | string[] {
  if (env.TRUST_PROXY === '') return false;
  if (env.TRUST_PROXY === 'true') return true;
  return env.TRUST_PROXY.split(',').map((entry) => entry.trim());
}

/** Validates process.env, or prints the one-line reason and exits: for the process entry points. */
export function loadEnvironmentOrExit(): Environment {
  try {
    return validateEnvironment(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
