import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { Environment } from '@sheber/config';
import { UsersModule } from '@sheber/users';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService, TOKEN_ALGORITHM, TOKEN_ISSUER } from './auth.service';
import { LoginAttemptsService } from './login-attempts.service';
import { RateLimitGuard } from './rate-limit.guard';
import { RevokedTokens } from './revoked-tokens';
import { TokenSubjectCache } from './token-subject-cache';
import { UserAccountsService } from './user-accounts.service';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [Environment],
      useFactory: (env: Environment) => {
        // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to read it
        // as a public key on every verification, which costs more than the rest of a request.
        const key = createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8'));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: TOKEN_ALGORITHM, issuer: TOKEN_ISSUER },
          verifyOptions: { algorithms: [TOKEN_ALGORITHM], issuer: TOKEN_ISSUER },
        };
      },
    }),
  ],
  providers: [
    AuthRepository,
    AuthService,
    AuthGuard,
    RateLimitGuard,
    LoginAttemptsService,
    TokenSubjectCache,
    RevokedTokens,
    UserAccountsService,
  ],
  exports: [AuthService, AuthGuard, RateLimitGuard, AuthRepository, UserAccountsService],
})
export class AuthModule {}
