import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CONSTRAINT_CODES, errorText } from '@sheber/common';
import { loadEnvironmentOrExit } from '@sheber/config';
import { postgresErrorInfo } from '@sheber/database';
import { CliModule } from './cli.module';

/** The command line: `npm run cli -- <command> [options]`; `npm run cli -- --help` lists them. */
async function main(): Promise<void> {
  loadEnvironmentOrExit();
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
    serviceErrorHandler: (error) => {
      // A violated named constraint reads as the API would say it, e.g. a duplicate email.
      const constraint = postgresErrorInfo(error)?.constraint;
      const code = constraint ? CONSTRAINT_CODES[constraint] : undefined;
      const known = code ? errorText(code, 'en') : undefined;
      process.stderr.write(`${known ?? error.message}\n`);
      process.exit(1);
    },
  });
}

void main();
