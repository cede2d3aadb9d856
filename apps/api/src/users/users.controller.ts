import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, UserAccountsService } from '@sheber/auth';
import { type Actor, ApiPageResponse, type Page } from '@sheber/common';
import {
  CreatedUserView,
  CreateUserDto,
  TemporaryPasswordView,
  UpdateUserDto,
  UserListQueryDto,
  UsersService,
  UserView,
} from '@sheber/users';

/** Accounts; admin only (no @Roles: the guard's default). */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: UserAccountsService,
  ) {}

  /**
   * Creates an account. Officers need an employment centre; masters may list crafts. Without a
   * password the account gets a temporary one, returned once as `temporaryPassword`.
   */
  @Post()
  @ApiConflictResponse({ description: 'A user with this email already exists' })
  createUser(@CurrentActor() actor: Actor, @Body() input: CreateUserDto): Promise<CreatedUserView> {
    return this.users.createUser(actor, input);
  }

  /** Lists accounts, optionally of one role. */
  @Get()
  @ApiPageResponse(UserView)
  listUsers(@Query() query: UserListQueryDto): Promise<Page<UserView>> {
    return this.users.listUsers(query);
  }

  /** One account. */
  @Get(':id')
  getUser(@Param('id', new ParseUUIDPipe({ version: 'all' })) id: string): Promise<UserView> {
    return this.users.getUser(id);
  }

  /**
   * Changes an account. `active: false` deactivates it; a new password, a new role or a
   * deactivation makes every token issued before it fail at once.
   */
  @Patch(':id')
  updateUser(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ version: 'all' })) id: string,
    @Body() input: UpdateUserDto,
  ): Promise<UserView> {
    return this.accounts.updateUser(actor, id, input);
  }

  /**
   * Resets an account's password to a random temporary one, shown in this answer only. Every
   * session of the user ends; until the user sets a new password (PUT /api/auth/password), every
   * other route answers them 403 `password.change_required`.
   */
  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOkResponse({ type: TemporaryPasswordView })
  resetPassword(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ version: 'all' })) id: string,
  ): Promise<TemporaryPasswordView> {
    return this.accounts.resetPassword(actor, id);
  }
}
