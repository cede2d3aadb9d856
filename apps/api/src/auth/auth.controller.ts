import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  AnyUser,
  type AuthenticatedRequest,
  AuthService,
  clearedSessionCookies,
  LoginDto,
  LoginResultView,
  newCsrfToken,
  Public,
  RateLimit,
  sessionCookies,
  SessionUserView,
  SessionView,
  toSessionUser,
} from '@sheber/auth';
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
   * Signs in with email and password and returns a bearer token. After 10 failed attempts within a
   * minute for one account or from one address, further attempts get 429 until the minute ends.
   */
  @Public()
  @RateLimit({ limit: 120, windowSeconds: 60 })
  @Post('login')
  @HttpCode(200)
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or the account is inactive' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts' })
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

  /** Signs a browser out: clears the session and CSRF cookies. */
  @Public()
  @Delete('session')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The cookies are cleared' })
  endSession(@Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.header('set-cookie', clearedSessionCookies(this.secureCookies));
  }

  /** The signed-in user. */
  @AnyUser()
  @ApiBearerAuth()
  @Get('me')
  me(@Req() request: AuthenticatedRequest): SessionUserView {
    // The guard has put the user on the request: this route is never public.
    return toSessionUser(request.user!);
  }
}
