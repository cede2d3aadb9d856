import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { Environment } from '@sheber/config';
import { UsersModule } from '@sheber/users';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginAttemptsService } from './login-attempts.service';
import { RateLimitGuard } from './rate-limit.guard';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        secret: env.JWT_SECRET,
        signOptions: { algorithm: 'HS256', issuer: 'sheber' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'sheber' },
      }),
    }),
  ],
  providers: [AuthService, AuthGuard, RateLimitGuard, LoginAttemptsService],
  exports: [AuthService, AuthGuard, RateLimitGuard],
})
export class AuthModule {}
