import { Injectable } from '@nestjs/common';
import type { Actor } from '@sheber/common';
import { TemporaryPasswordView, UpdateUserDto, UsersService, UserView } from '@sheber/users';
import { TokenSubjectCache } from './token-subject-cache';

/**
 * An admin's changes of an account that its sign-in depends on (role, activity, password): the
 * change commits, then every API process forgets the user it remembered for the token check.
 */
@Injectable()
export class UserAccountsService {
  constructor(
    private readonly users: UsersService,
    private readonly subjects: TokenSubjectCache,
  ) {}

  async updateUser(actor: Actor, id: string, input: UpdateUserDto): Promise<UserView> {
    const updated = await this.users.updateUser(actor, id, input);
    await this.subjects.userChanged(id);
    return updated;
  }

  /** A temporary password, returned once; every token of the user stops working. */
  async resetPassword(actor: Actor, id: string): Promise<TemporaryPasswordView> {
    const reset = await this.users.resetPassword(actor, id);
    await this.subjects.userChanged(id);
    return reset;
  }
}
