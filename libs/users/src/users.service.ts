import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '@sheber/audit';
import {
  Actor,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  Page,
  type Role,
  RuleViolationError,
} from '@sheber/common';
import { type Craft, CraftsRepository } from '@sheber/crafts';
import { EmploymentCentersRepository } from '@sheber/employment-centers';
import {
  CreateUserDto,
  CreatedUserView,
  TemporaryPasswordView,
  UpdateUserDto,
  UserView,
} from './dto/user.dto';
import type { User } from './entities/user.entity';
import { hashPassword, spendVerificationTime, verifyPassword } from './password';
import { type UserListFilter, UsersRepository } from './users.repository';

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    active: user.active,
    crafts: (user.crafts ?? []).map((craft) => craft.code).sort(),
    employmentCenterId: user.employmentCenterId,
    createdAt: user.createdAt,
  };
}

function toTokenSubject(user: User): TokenSubject {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    active: user.active,
    tokenVersion: user.tokenVersion,
    employmentCenterId: user.employmentCenterId,
    passwordChangeRequired: user.passwordChangeRequired,
  };
}

/** What the token check needs to know about a user, read on every request. */
export interface TokenSubject {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
  tokenVersion: number;
  employmentCenterId: string | null;
  passwordChangeRequired: boolean;
}

function auditSnapshot(user: UserView): Record<string, unknown> {
  return {
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    active: user.active,
    crafts: user.crafts,
    employmentCenterId: user.employmentCenterId,
  };
}

/** A password an admin hands over once; the user must replace it at the next sign-in. */
function newTemporaryPassword(): string {
  return randomBytes(12).toString('base64url');
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: UsersRepository,
    private readonly crafts: CraftsRepository,
    private readonly employmentCenters: EmploymentCentersRepository,
  ) {}

  /**
   * A new account. Without a password it gets a temporary one, returned once: the admin hands it
   * over and the user must choose their own at the first sign-in.
   */
  async createUser(actor: Actor, input: CreateUserDto): Promise<CreatedUserView> {
    const temporaryPassword = input.password === undefined ? newTemporaryPassword() : undefined;
    const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
    const view = await this.dataSource.transaction(async (manager) => {
      const role = input.role;
      await this.checkRoleFields(manager, role, input.crafts, input.employmentCenterId ?? null);
      const saved = await this.repository.insertUser(manager, {
        email: input.email,
        fullName: input.fullName,
        role,
        passwordHash,
        employmentCenterId: role === 'officer' ? (input.employmentCenterId ?? null) : null,
        crafts: role === 'master' ? await this.findCrafts(manager, input.crafts ?? []) : [],
        passwordChangeRequired: temporaryPassword !== undefined,
      });
      const created = toUserView(saved);
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'user',
        entityId: saved.id,
        changes: auditSnapshot(created),
      });
      return created;
    });
    return temporaryPassword === undefined ? view : { ...view, temporaryPassword };
  }

  async listUsers(filter: UserListFilter): Promise<Page<UserView>> {
    const { items, total } = await this.repository.listUsers(filter);
    return { items: items.map(toUserView), total };
  }

  async getUser(id: string): Promise<UserView> {
    const user = await this.repository.findUserWithCrafts(id);
    if (!user) throw new NotFoundError('User', id);
    return toUserView(user);
  }

  async updateUser(actor: Actor, id: string, input: UpdateUserDto): Promise<UserView> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await this.repository.findUserForUpdate(manager, id);
      if (!user) throw new NotFoundError('User', id);
      const before = toUserView(user);

      const role = input.role ?? user.role;
      const crafts =
        input.crafts ?? (role === 'master' ? (user.crafts ?? []).map((c) => c.code) : undefined);
      // An officer keeps their centre unless a new one is given; other roles have none.
      const employmentCenterId =
        role === 'officer'
          ? (input.employmentCenterId ?? user.employmentCenterId)
          : (input.employmentCenterId ?? null);
      await this.checkRoleFields(manager, role, input.crafts, employmentCenterId);

      const revokeTokens =
        passwordHash !== undefined ||
        (input.active === false && user.active) ||
        (input.role !== undefined && input.role !== user.role);
      if (input.fullName !== undefined) user.fullName = input.fullName;
      if (input.active !== undefined) user.active = input.active;
      user.role = role;
      user.employmentCenterId = role === 'officer' ? employmentCenterId : null;
      user.crafts = role === 'master' ? await this.findCrafts(manager, crafts ?? []) : [];
      if (passwordHash !== undefined) user.passwordHash = passwordHash;
      if (revokeTokens) user.tokenVersion += 1;
      const saved = await this.repository.saveUser(manager, user);

      const after = toUserView(saved);
      const changes: Record<string, unknown> = diffFields(
        auditSnapshot(before),
        auditSnapshot(after),
      );
      if (passwordHash !== undefined) changes.password = 'changed';
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'user',
        entityId: id,
        changes,
      });
      return after;
    });
    return updated;
  }

  /**
   * The user behind a token, or null: read on every authenticated request, so it is one plain
   * primary-key query without the query builder.
   */
  async findTokenSubject(id: string): Promise<TokenSubject | null> {
    return this.repository.findTokenSubject(id);
  }

  /**
   * The user's own password change: the current password must match and the new one differ.
   * Ends every token of the user (token version) and lifts the change an admin's reset asked for.
   */
  async changeOwnPassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
  ): Promise<TokenSubject> {
    const userId = actor.id;
    const stored = await this.repository.findUserWithPasswordHash(userId);
    if (!stored) throw new NotFoundError('User', userId);
    if (!(await verifyPassword(stored.passwordHash, currentPassword))) {
      throw new RuleViolationError('password.current_wrong');
    }
    if (currentPassword === newPassword) {
      throw new RuleViolationError('password.unchanged');
    }
    const passwordHash = await hashPassword(newPassword);
    const changed = await this.dataSource.transaction(async (manager) => {
      // Only if nobody changed the password meanwhile (an admin's reset, another session).
      const tokenVersion = await this.repository.changeOwnPassword(
        manager,
        userId,
        passwordHash,
        stored.passwordHash,
      );
      if (tokenVersion === null) {
        throw new ConflictError('password.changed_meanwhile');
      }
      await this.audit.record(manager, actor, {
        action: 'change_password',
        entity: 'user',
        entityId: userId,
        changes: { password: 'changed' },
      });
      return tokenVersion;
    });
    return { ...toTokenSubject(stored), tokenVersion: changed, passwordChangeRequired: false };
  }

  /**
   * An admin's reset: a random temporary password, returned once, that the user must replace
   * before anything else. Every token of the user stops working.
   */
  async resetPassword(actor: Actor, id: string): Promise<TemporaryPasswordView> {
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.dataSource.transaction(async (manager) => {
      const found = await this.repository.resetPassword(manager, id, passwordHash);
      if (!found) throw new NotFoundError('User', id);
      await this.audit.record(manager, actor, {
        action: 'reset_password',
        entity: 'user',
        entityId: id,
        changes: { password: 'reset' },
      });
    });
    return { temporaryPassword };
  }

  /** The active user with this email and password, or null. Takes the same time either way. */
  async verifyCredentials(email: string, password: string): Promise<TokenSubject | null> {
    const user = await this.repository.findUserByEmailWithPasswordHash(email.trim().toLowerCase());
    if (!user) {
      await spendVerificationTime(password);
      return null;
    }
    const matches = await verifyPassword(user.passwordHash, password);
    return matches && user.active ? toTokenSubject(user) : null;
  }

  async countUsers(): Promise<number> {
    return this.repository.countUsers();
  }

  private async checkRoleFields(
    manager: EntityManager,
    role: Role,
    crafts: string[] | undefined,
    employmentCenterId: string | null,
  ): Promise<void> {
    if (crafts !== undefined && crafts.length > 0 && role !== 'master') {
      throw new InvalidInputError('crafts', 'user.crafts_master_only');
    }
    if (employmentCenterId && role !== 'officer') {
      throw new InvalidInputError('employmentCenterId', 'user.center_officer_only');
    }
    if (role === 'officer') {
      if (!employmentCenterId) {
        throw new InvalidInputError('employmentCenterId', 'user.officer_needs_center');
      }
      const exists = await this.employmentCenters.employmentCenterExists(
        manager,
        employmentCenterId,
      );
      if (!exists) {
        throw new InvalidInputError('employmentCenterId', 'employment_center.not_found', {
          id: employmentCenterId,
        });
      }
    }
  }

  private async findCrafts(manager: EntityManager, codes: string[]): Promise<Craft[]> {
    if (codes.length === 0) return [];
    const crafts = await this.crafts.findCrafts(manager, codes);
    const unknown = codes.filter((code) => !crafts.some((craft) => craft.code === code));
    if (unknown.length > 0) {
      throw new InvalidInputError('crafts', 'user.unknown_crafts', { crafts: unknown.join(', ') });
    }
    return crafts;
  }
}
