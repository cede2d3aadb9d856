import { Body, Controller, Delete, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AllowedBeforePasswordChange,
  AnyUser,
  type AuthenticatedRequest,
  AuthService,
  ChangePasswordDto,
  clearedSessionCookies,
  CurrentActor,
  LoginDto,
  LoginResultView,
  newCsrfToken,
  PasswordChangedView,
  Public,
  RateLimit,
  sentToken,
  sessionCookies,
  SessionUserView,
  SessionView,
  toSessionUser,
} from '@sheber/auth';
import type { Actor } from '@sheber/common';
import { Environment } from '@sheber/config';
import type { FastifyReply } from 'fastify';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly secureCookies: boolean;

  constructor(
    private readonly auth: AuthService,
    env: Environment,
  ) {
    this.secureCookies = env.PUBLIC_BASE_URL.startsWith('https:');
  }

  /**
   * Signs in with email and password and returns a bearer token. Failed attempts of one account
   * from one address slow down (from the 3rd failure the pair waits 1, 2, 4 … seconds) and the
   * 10th blocks the pair for 15 minutes: 429 with `Retry-After` and the wait in the message. The
   * right password from another address still works. One address alone may fail 100 times a
   * minute whatever the accounts (an office behind one address). Limits: see the README.
   */
  @Public()
  @RateLimit({ limit: 120, windowSeconds: 60 })
  @Post('login')
  @HttpCode(200)
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or the account is inactive' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed attempts (`auth.too_many_attempts`); see `Retry-After`',
  })
  login(@Body() input: LoginDto, @Req() request: AuthenticatedRequest): Promise<LoginResultView> {
    return this.auth.login(input.email, input.password, request.ip);
  }

  /**
   * Signs in a browser: the token goes into an httpOnly, SameSite=Strict cookie for `/api` that
   * page scripts cannot read, and a readable `sheber_csrf` cookie holds the value that changes
   * made with the cookie must send in `X-CSRF-Token`. The body has the user, never the token.
   * Same limits as `POST /api/auth/login`.
   */
  @Public()
  @RateLimit({ limit: 120, windowSeconds: 60 })
  @Post('session')
  @HttpCode(200)
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or the account is inactive' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts' })
  async startSession(
    @Body() input: LoginDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    const { accessToken, expiresIn, user } = await this.auth.login(
      input.email,
      input.password,
      request.ip,
    );
    void reply.header(
      'set-cookie',
      sessionCookies(accessToken, newCsrfToken(), {
        maxAgeSeconds: expiresIn,
        secure: this.secureCookies,
      }),
    );
    return { expiresIn, user };
  }

  /**
   * Signs out: the token sent (as a bearer token, or else in the session cookie) stops working
   * for good, in every API process, and the session and CSRF cookies are cleared. Without a
   * valid token it only clears the cookies.
   */
  @Public()
  @Delete('session')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiNoContentResponse({ description: 'The token is revoked and the cookies are cleared' })
  async endSession(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    // No CSRF check: another site cannot send the SameSite=Strict cookie, and ending a session
    // is what its holder may always do.
    const sent = sentToken(request);
    if (sent) await this.auth.signOut(sent.token);
    void reply.header('set-cookie', clearedSessionCookies(this.secureCookies));
  }

  /**
   * Changes the own password (also the way out of an admin's reset). Every session of the user
   * ends, this one included; this session goes on with the fresh token of the answer, or, signed
   * in with the cookie, with renewed cookies. 422 `password.current_wrong` or `password.unchanged`.
   */
  @AnyUser()
  @AllowedBeforePasswordChange()
  @RateLimit({ limit: 10, windowSeconds: 60 })
  @Put('password')
  @ApiBearerAuth()
  @ApiUnprocessableEntityResponse({
    description: 'The current password is wrong, or the new one is the same',
  })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() input: ChangePasswordDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PasswordChangedView> {
    const { accessToken, expiresIn, user } = await this.auth.changePassword(
      actor,
      input.currentPassword,
      input.newPassword,
    );
    if (request.session?.carrier !== 'cookie') return { accessToken, expiresIn, user };
    void reply.header(
      'set-cookie',
      sessionCookies(accessToken, newCsrfToken(), {
        maxAgeSeconds: expiresIn,
        secure: this.secureCookies,
      }),
    );
    return { expiresIn, user };
  }

  /** The signed-in user (also while a new password is required). */
  @AnyUser()
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @Get('me')
  me(@Req() request: AuthenticatedRequest): SessionUserView {
    // The guard has put the user on the request: this route is never public.
    return toSessionUser(request.user!);
  }
}
