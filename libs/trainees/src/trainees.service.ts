import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '@sheber/audit';
import { Actor, InvalidInputError, NotFoundError, Page, RuleViolationError } from '@sheber/common';
import { Environment } from '@sheber/config';
import { tableRowCount } from '@sheber/database/row-count';
import {
  CreateTraineeDto,
  TraineeListItemView,
  TraineeQueryDto,
  TraineeView,
  UpdateTraineeDto,
} from './dto/trainee.dto';
import { Trainee } from './entities/trainee.entity';
import { ageOn, checkIin, maskIin } from './iin';

export function searchNameOf(t: {
  lastName: string;
  firstName: string;
  patronymic?: string | null;
}): string {
  return [t.lastName, t.firstName, t.patronymic].filter(Boolean).join(' ').toLowerCase();
}

function toView(trainee: Trainee): TraineeView {
  return {
    id: trainee.id,
    iin: trainee.iin,
    lastName: trainee.lastName,
    firstName: trainee.firstName,
    patronymic: trainee.patronymic,
    birthDate: trainee.birthDate,
    sex: trainee.sex,
    phone: trainee.phone,
    email: trainee.email,
    categories: trainee.categories,
    consent: trainee.consent,
    consentAt: trainee.consentAt,
    guardianName: trainee.guardianName,
    guardianPhone: trainee.guardianPhone,
    createdAt: trainee.createdAt,
  };
}

const TRAINEE_LIST_COLUMNS = `t.id, t.iin, t.last_name, t.first_name, t.patronymic,
  to_char(t.birth_date, 'YYYY-MM-DD') AS birth_date`;

/** A name search counts its matches up to this many ("10 000 or more"); narrow it to see the rest. */
export const SEARCH_COUNT_LIMIT = 10_000;

interface TraineeListRow {
  id: string;
  iin: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: string;
}

function toListItem(row: TraineeListRow): TraineeListItemView {
  return {
    id: row.id,
    iin: maskIin(row.iin),
    lastName: row.last_name,
    firstName: row.first_name,
    patronymic: row.patronymic,
    birthDate: row.birth_date,
  };
}

/** A person as an employment centre refers them: enough to register a trainee. */
export interface ReferredPerson {
  iin: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  phone: string | null;
  categories: string[];
}

/** What the audit log keeps of a trainee: never the IIN or contact details themselves. */
function auditSnapshot(t: Trainee): Record<string, unknown> {
  return {
    lastName: t.lastName,
    firstName: t.firstName,
    patronymic: t.patronymic,
    categories: t.categories,
    phone: t.phone ? 'set' : null,
    email: t.email ? 'set' : null,
    guardianName: t.guardianName,
    guardianPhone: t.guardianPhone ? 'set' : null,
  };
}

function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

@Injectable()
export class TraineesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly env: Environment,
  ) {}

  async createTrainee(actor: Actor, input: CreateTraineeDto): Promise<TraineeView> {
    const timeZone = this.env.CENTRE_TIMEZONE;
    const iin = checkIin(input.iin);
    if (!iin.ok) throw new InvalidInputError('iin', 'is invalid');
    const { birthDate, sex } = iin.facts;
    if (birthDate > today(timeZone))
      throw new InvalidInputError('iin', 'gives a birth date in the future');
    this.checkGuardian(
      birthDate,
      input.guardianName ?? null,
      input.guardianPhone ?? null,
      timeZone,
    );
    return this.dataSource.transaction(async (manager) => {
      const trainee = await manager.save(
        manager.create(Trainee, {
          iin: input.iin,
          lastName: input.lastName,
          firstName: input.firstName,
          patronymic: input.patronymic ?? null,
          searchName: searchNameOf(input),
          birthDate,
          sex,
          phone: input.phone ?? null,
          email: input.email ?? null,
          categories: input.categories ?? [],
          consent: true,
          consentAt: new Date(),
          guardianName: input.guardianName ?? null,
          guardianPhone: input.guardianPhone ?? null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'trainee',
        entityId: trainee.id,
        changes: { ...auditSnapshot(trainee), consent: true },
      });
      return toView(trainee);
    });
  }

  /**
   * The trainee with the person's IIN, locked for the caller's transaction; or, when there is none,
   * a new trainee registered from the referral. The employment centre obtains the person's consent
   * with the referral, so the consent is recorded at intake. A person under 18 needs a guardian,
   * which a referral does not carry: staff register such a trainee first.
   */
  async findOrRegisterReferredWithin(
    manager: EntityManager,
    actor: Actor,
    person: ReferredPerson,
  ): Promise<{ id: string; registered: boolean }> {
    const [existing] = await manager.query<{ id: string }[]>(
      'SELECT id FROM trainees WHERE iin = $1 FOR UPDATE',
      [person.iin],
    );
    if (existing) return { id: existing.id, registered: false };
    const iin = checkIin(person.iin);
    if (!iin.ok) throw new InvalidInputError('person.iin', 'is invalid');
    const { birthDate, sex } = iin.facts;
    if (ageOn(birthDate, today(this.env.CENTRE_TIMEZONE)) < 18) {
      throw new RuleViolationError(
        'guardian_required',
        'The referred person is under 18: register the trainee with a guardian first, then accept the referral',
      );
    }
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
        searchNameOf(person),
        birthDate,
        sex,
        person.phone,
        person.categories,
      ],
    );
    if (!created) return this.findOrRegisterReferredWithin(manager, actor, person);
    await this.audit.record(manager, actor, {
      action: 'create',
      entity: 'trainee',
      entityId: created.id,
      changes: {
        lastName: person.lastName,
        firstName: person.firstName,
        patronymic: person.patronymic,
        categories: person.categories,
        phone: person.phone ? 'set' : null,
        consent: true,
        source: 'referral',
      },
    });
    return { id: created.id, registered: true };
  }

  /**
   * Name search is case-insensitive in any script (a trigram index serves fragments); digits find
   * the IINs that begin with them, all 12 the one IIN.
   */
  async listTrainees(query: TraineeQueryDto): Promise<Page<TraineeListItemView>> {
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
      // sorts late (docs/PERFORMANCE.md).
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
      if (hits <= SEARCH_COUNT_LIMIT) return { items: rows.map(toListItem), total: hits };
      // A fragment as common as "иван": the name order finds the page at once.
      const common = await this.dataSource.query<TraineeListRow[]>(
        `SELECT ${TRAINEE_LIST_COLUMNS} FROM trainees t ${filter} ${page}`,
        paging,
      );
      return { items: common.map(toListItem), total: SEARCH_COUNT_LIMIT };
    }
    const [rows, total] = await Promise.all([
      this.dataSource.query<TraineeListRow[]>(
        `SELECT ${TRAINEE_LIST_COLUMNS} FROM trainees t ${filter} ${page}`,
        paging,
      ),
      search ? this.countUpTo(filter, params) : tableRowCount(this.dataSource, 'trainees'),
    ]);
    return { items: rows.map(toListItem), total };
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

  /** The whole record, IIN included; every such view is written to the audit log. */
  async viewTrainee(actor: Actor, id: string): Promise<TraineeView> {
    return this.dataSource.transaction(async (manager) => {
      const trainee = await manager.findOneBy(Trainee, { id });
      if (!trainee) throw new NotFoundError('Trainee', id);
      await this.audit.record(manager, actor, { action: 'view', entity: 'trainee', entityId: id });
      return toView(trainee);
    });
  }

  async updateTrainee(actor: Actor, id: string, input: UpdateTraineeDto): Promise<TraineeView> {
    return this.dataSource.transaction(async (manager) => {
      const trainee = await manager.findOne(Trainee, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!trainee) throw new NotFoundError('Trainee', id);
      const before = auditSnapshot(trainee);
      Object.assign(trainee, {
        ...(input.lastName !== undefined && { lastName: input.lastName }),
        ...(input.firstName !== undefined && { firstName: input.firstName }),
        ...(input.patronymic !== undefined && { patronymic: input.patronymic }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.categories !== undefined && { categories: input.categories }),
        ...(input.guardianName !== undefined && { guardianName: input.guardianName }),
        ...(input.guardianPhone !== undefined && { guardianPhone: input.guardianPhone }),
      });
      this.checkGuardian(
        trainee.birthDate,
        trainee.guardianName,
        trainee.guardianPhone,
        this.env.CENTRE_TIMEZONE,
      );
      trainee.searchName = searchNameOf(trainee);
      const saved = await manager.save(trainee);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'trainee',
        entityId: id,
        changes: diffFields(before, auditSnapshot(saved)),
      });
      return toView(saved);
    });
  }

  private checkGuardian(
    birthDate: string,
    name: string | null,
    phone: string | null,
    timeZone: string,
  ): void {
    if (ageOn(birthDate, today(timeZone)) >= 18) return;
    if (!name) throw new InvalidInputError('guardianName', 'is required for a trainee under 18');
    if (!phone) throw new InvalidInputError('guardianPhone', 'is required for a trainee under 18');
  }
}
