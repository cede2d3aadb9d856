import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { tableRowCount } from '@sheber/database/row-count';
import { sqlRows } from '@sheber/database/sql';
import { Trainee } from './entities/trainee.entity';
import type { IinFacts } from './iin';
import type { ReferredPerson } from './trainees.service';

const TRAINEE_LIST_COLUMNS = `t.id, t.iin, t.last_name, t.first_name, t.patronymic,
  to_char(t.birth_date, 'YYYY-MM-DD') AS birth_date`;

/** A name search counts its matches up to this many ("10 000 or more"); narrow it to see the rest. */
export const SEARCH_COUNT_LIMIT = 10_000;

/** A trainee as a list shows one, IIN still whole. */
export interface TraineeListRow {
  id: string;
  iin: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: string;
}

/** What a new trainee is given; the rest takes the column defaults. */
export type NewTrainee = Omit<Trainee, 'id' | 'createdAt' | 'updatedAt'>;

/** The only code that names `trainees`. */
@Injectable()
export class TraineesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertTrainee(manager: EntityManager, trainee: NewTrainee): Promise<Trainee> {
    return manager.save(manager.create(Trainee, trainee));
  }

  /** The id of the trainee with this IIN, its row locked for the caller's transaction. */
  async findTraineeIdByIinForUpdate(manager: EntityManager, iin: string): Promise<string | null> {
    const [existing] = await manager.query<{ id: string }[]>(
      'SELECT id FROM trainees WHERE iin = $1 FOR UPDATE',
      [iin],
    );
    return existing?.id ?? null;
  }

  /**
   * Registers a referred person with their consent given now; null when a trainee of this IIN
   * exists already.
   */
  async insertReferredTrainee(
    manager: EntityManager,
    person: ReferredPerson,
    searchName: string,
    facts: IinFacts,
  ): Promise<string | null> {
    // ON CONFLICT: a trainee registered with this IIN a moment ago is found, not duplicated.
    const [created] = await manager.query<{ id: string }[]>(
      `INSERT INTO trainees (iin, last_name, first_name, patronymic, search_name, birth_date, sex,
                             phone, categories, consent, consent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, now())
       ON CONFLICT ON CONSTRAINT uq_trainee_iin DO NOTHING
       RETURNING id`,
      [
        person.iin,
        person.lastName,
        person.firstName,
        person.patronymic,
        searchName,
        facts.birthDate,
        facts.sex,
        person.phone,
        person.categories,
      ],
    );
    return created?.id ?? null;
  }

  /**
   * Name search is case-insensitive in any script (a trigram index serves fragments); digits find
   * the IINs that begin with them, all 12 the one IIN.
   */
  async listTrainees(query: {
    search?: string;
    limit: number;
    offset: number;
  }): Promise<{ rows: TraineeListRow[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const search = query.search?.trim();
    let fragments = false;
    if (search && /^\d{12}$/.test(search)) {
      where.push(`t.iin = $${params.push(search)}`);
    } else if (search && /^\d{1,11}$/.test(search)) {
      // The first digits of an IIN (the birth date first): a range of the unique index.
      const low = params.push(search.padEnd(12, '0'));
      where.push(`t.iin BETWEEN $${low} AND $${params.push(search.padEnd(12, '9'))}`);
    } else if (search) {
      const words = search.toLowerCase().split(/\s+/).slice(0, 5);
      for (const word of words) {
        const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where.push(`t.search_name LIKE $${params.push(like)} ESCAPE '\\'`);
      }
      fragments = words.every((word) => word.length >= 3);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = params.length + 1;
    const page = `ORDER BY t.last_name, t.first_name, t.id LIMIT $${limit} OFFSET $${limit + 1}`;
    const paging = [...params, query.limit, query.offset];
    if (fragments) {
      // The trigram index finds the matches; up to SEARCH_COUNT_LIMIT of them are sorted here, by
      // the few columns of the order, and only the page is read whole.
      // Left to itself the planner walks the name order filtering by LIKE, slow for a name that
      // sorts late (docs/decisions/0008-read-paths-at-national-scale.md).
      const rows = await this.dataSource.query<(TraineeListRow & { hits: number })[]>(
        `WITH hits AS MATERIALIZED (
           SELECT t.id, t.last_name, t.first_name FROM trainees t ${filter}
            LIMIT ${SEARCH_COUNT_LIMIT + 1}),
         page AS (SELECT * FROM hits t ${page})
         SELECT ${TRAINEE_LIST_COLUMNS}, (SELECT count(*)::int FROM hits) AS hits
           FROM page JOIN trainees t ON t.id = page.id
          ORDER BY t.last_name, t.first_name, t.id`,
        paging,
      );
      const hits = rows[0]?.hits ?? (query.offset > 0 ? await this.countUpTo(filter, params) : 0);
      if (hits <= SEARCH_COUNT_LIMIT) return { rows, total: hits };
      // A fragment as common as "иван": the name order finds the page at once.
      const common = await this.dataSource.query<TraineeListRow[]>(
        `SELECT ${TRAINEE_LIST_COLUMNS} FROM trainees t ${filter} ${page}`,
        paging,
      );
      return { rows: common, total: SEARCH_COUNT_LIMIT };
    }
    const [rows, total] = await Promise.all([
      this.dataSource.query<TraineeListRow[]>(
        `SELECT ${TRAINEE_LIST_COLUMNS} FROM trainees t ${filter} ${page}`,
        paging,
      ),
      search ? this.countUpTo(filter, params) : tableRowCount(this.dataSource, 'trainees'),
    ]);
    return { rows, total };
  }

  /** Matches of a search, counted up to SEARCH_COUNT_LIMIT. */
  private async countUpTo(filter: string, params: unknown[]): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM trainees t ${filter}
         LIMIT ${SEARCH_COUNT_LIMIT}) x`,
      params,
    );
    return row?.n ?? 0;
  }

  async findTrainee(manager: EntityManager, id: string): Promise<Trainee | null> {
    return manager.findOneBy(Trainee, { id });
  }

  /** The trainee, its row locked for the caller's transaction. */
  async findTraineeForUpdate(manager: EntityManager, id: string): Promise<Trainee | null> {
    return manager.findOne(Trainee, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveTrainee(manager: EntityManager, trainee: Trainee): Promise<Trainee> {
    return manager.save(trainee);
  }

  // For GroupsService (changing a group's timetable): its active trainees are locked first, in id
  // order, as enrollment locks a trainee before a group.
  /** Locks these trainees' rows until commit, in id order. */
  async lockTrainees(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await sqlRows(
      manager,
      'SELECT id FROM trainees WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [ids],
    );
  }
}
