import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '@sheber/audit';
import { AuthGuard, AuthModule, RateLimitGuard } from '@sheber/auth';
import { ConfigModule } from '@sheber/config';
import { CraftsModule } from '@sheber/crafts';
import { DatabaseModule } from '@sheber/database';
import { EmploymentCentersModule } from '@sheber/employment-centers';
import { RedisModule } from '@sheber/redis';
import { UsersModule } from '@sheber/users';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { CraftsController } from './crafts/crafts.controller';
import { EmploymentCentersController } from './employment-centers/employment-centers.controller';
import { HealthModule } from './health/health.module';
import { ApiLifecycle } from './lifecycle';
import { UsersController } from './users/users.controller';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    AuditModule,
    AuthModule,
    UsersModule,
    CraftsModule,
    EmploymentCentersModule,
    HealthModule,
  ],
  controllers: [
    AuthController,
    UsersController,
    CraftsController,
    EmploymentCentersController,
    AuditController,
  ],
  // Rate limits run before sign-in, so that a flood is refused before any password is checked.
  providers: [
    ApiLifecycle,
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AppModule {}
