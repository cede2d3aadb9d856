import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { Environment, validateEnvironment } from './environment';

/**
 * Validates the environment once at start and provides it as the typed `Environment`.
 * The env file is ignored on purpose: the processes take their settings from the environment.
 */
@Global()
@Module({
  imports: [
    NestConfigModule.forRoot({ ignoreEnvFile: true, cache: true, validate: validateEnvironment }),
  ],
  providers: [{ provide: Environment, useFactory: () => validateEnvironment(process.env) }],
  exports: [Environment],
})
export class ConfigModule {}
