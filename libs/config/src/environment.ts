import { plainToInstance, Transform } from 'class-transformer';
import {
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
  ValidationError,
} from 'class-validator';

/** The development secret; a production process refuses to start with it. */
export const DEVELOPMENT_JWT_SECRET = 'sheber-development-secret-change-me-in-production';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

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

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/sheber';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[a-zA-Z0-9_-]{1,40}$/, { message: 'must be 1-40 letters, digits, - or _' })
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

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For):
   * empty for none, else addresses, CIDR ranges or `loopback`, comma-separated. The sign-in limits
   * count per address, so behind a reverse proxy this must name it.
   */
  @Matches(/^[\w.:/, -]{0,500}$/, { message: 'must be addresses, ranges or loopback' })
  TRUST_PROXY = '';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Where issued certificate PDFs are stored (a local directory). */
  @IsString()
  @MinLength(1)
  CERTIFICATE_STORAGE_DIR = 'var/certificates';

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
  if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    throw new ConfigurationError(
      'Invalid configuration: JWT_SECRET must be set to a secret of your own in production',
    );
  }
  return env;
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
