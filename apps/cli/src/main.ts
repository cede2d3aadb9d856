import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { loadEnvironmentOrExit } from '@sheber/config';
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
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  });
}

void main();
