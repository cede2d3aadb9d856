import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, type Role } from '@sheber/common';
import { sqlRows } from '@sheber/database/sql';
import { User } from './entities/user.entity';
import type { TokenSubject } from './users.service';

/** What a new user is given; the rest takes the column defaults. */
export type NewUser = Pick<
  User,
  | 'email'
  | 'fullName'
  | 'role'
  | 'passwordHash'
  | 'employmentCenterId'
  | 'crafts'
  | 'passwordChangeRequired'
>;

/** What the account list may be narrowed by. */
export interface UserListFilter {
  role?: Role;
  active?: boolean;
  search?: string;
  limit: number;
  offset: number;
}

/** The only code that names `users` and `master_crafts` (through the user's crafts). */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the user and, through its `crafts` relation, its rows of `master_crafts`. */
  async insertUser(manager: EntityManager, user: NewUser): Promise<User> {
    return manager.save(manager.create(User, user));
  }

  async listUsers(filter: UserListFilter): Promise<Page<User>> {
    const query = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.crafts', 'craft')
      .orderBy('u.fullName', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined)
      query.andWhere('u.active = :active', { active: filter.active });
    const search = filter.search?.trim();
    if (search) {
      // The fragment is literal text: % and _ typed by the admin match themselves.
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(u.fullName ILIKE :pattern OR u.email ILIKE :pattern)', { pattern });
    }
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  async findUserWithCrafts(id: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .findOne({ where: { id }, relations: { crafts: true } });
  }

  /** The user with their crafts, the user's row locked for the caller's transaction. */
  async findUserForUpdate(manager: EntityManager, id: string): Promise<User | null> {
    return manager.findOne(User, {
      where: { id },
      relations: { crafts: true },
      lock: { mode: 'pessimistic_write', tables: ['users'] },
    });
  }

  /** Saves the user and replaces its rows of `master_crafts` by its `crafts`. */
  async saveUser(manager: EntityManager, user: User): Promise<User> {
    return manager.save(user);
  }

  /**
   * The user behind a token, or null: read on every authenticated request, so it is one plain
   * primary-key query without the query builder.
   */
  async findTokenSubject(id: string): Promise<TokenSubject | null> {
    const rows = await this.dataSource.query<
      {
        id: string;
        email: string;
        full_name: string;
        role: Role;
        active: boolean;
        token_version: number;
        employment_center_id: string | null;
        password_change_required: boolean;
      }[]
    >(
      `SELECT id, email, full_name, role, active, token_version, employment_center_id,
              password_change_required
         FROM users WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      fullName: row.full_name,
      role: row.role,
      active: row.active,
      tokenVersion: row.token_version,
      employmentCenterId: row.employment_center_id,
      passwordChangeRequired: row.password_change_required,
    };
  }

  /** The user with the password hash, which other reads leave out. */
  async findUserWithPasswordHash(id: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne();
  }

  /** The user of this (already normalised) email with the password hash. */
  async findUserByEmailWithPasswordHash(email: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  }

  /**
   * Sets the user's own new password and ends their tokens, only if the password is still
   * `currentHash` and the user active; the new token version, or null when it was not.
   */
  async changeOwnPassword(
    manager: EntityManager,
    userId: string,
    passwordHash: string,
    currentHash: string,
  ): Promise<number | null> {
    const rows = await sqlRows<{ token_version: number }>(
      manager,
      `UPDATE users SET password_hash = $2, password_change_required = false,
                        token_version = token_version + 1, updated_at = now()
        WHERE id = $1 AND password_hash = $3 AND active
        RETURNING token_version`,
      [userId, passwordHash, currentHash],
    );
    return rows[0]?.token_version ?? null;
  }

  /**
   * Sets a temporary password that must be changed, and ends the user's tokens; false when
   * there is no such user.
   */
  async resetPassword(manager: EntityManager, id: string, passwordHash: string): Promise<boolean> {
    const rows = await sqlRows<{ id: string }>(
      manager,
      `UPDATE users SET password_hash = $2, password_change_required = true,
                        token_version = token_version + 1, updated_at = now()
        WHERE id = $1 RETURNING id`,
      [id, passwordHash],
    );
    return rows.length > 0;
  }

  async countUsers(): Promise<number> {
    return this.dataSource.getRepository(User).count();
  }

  // For GroupsService (assigning a master, changing a group's timetable): the master's row is
  // locked before the group's, so two transactions on one master run one after the other.
  /** The user's row with what a master's assignment checks, locked until commit. */
  async lockUser(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; full_name: string; role: Role; active: boolean } | null> {
    const [user] = await sqlRows<{ id: string; full_name: string; role: Role; active: boolean }>(
      manager,
      'SELECT id, full_name, role, active FROM users WHERE id = $1 FOR UPDATE',
      [id],
    );
    return user ?? null;
  }
}
