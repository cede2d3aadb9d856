import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  AnyUser,
  type AuthenticatedRequest,
  AuthService,
  LoginDto,
  LoginResultView,
  Public,
  RateLimit,
  SessionUserView,
  toSessionUser,
} from '@sheber/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

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

  /** The signed-in user. */
  @AnyUser()
  @ApiBearerAuth()
  @Get('me')
  me(@Req() request: AuthenticatedRequest): SessionUserView {
    // The guard has put the user on the request: this route is never public.
    return toSessionUser(request.user!);
  }
}
