import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '@sheber/audit';
import { Actor, InvalidInputError, NotFoundError, Page, RuleViolationError } from '@sheber/common';
import { Environment } from '@sheber/config';
import {
  CreateTraineeDto,
  TraineeListItemView,
  TraineeIinView,
  TraineeQueryDto,
  TraineeView,
  UpdateTraineeDto,
} from './dto/trainee.dto';
import type { Trainee } from './entities/trainee.entity';
import { ageOn, checkIin, maskIin } from './iin';
import { type TraineeListRow, TraineesRepository } from './trainees.repository';

export function searchNameOf(t: {
  lastName: string;
  firstName: string;
  patronymic?: string | null;
}): string {
  return [t.lastName, t.firstName, t.patronymic].filter(Boolean).join(' ').toLowerCase();
}

/** The IIN is whole only where the caller has just typed it (registering). */
function toView(trainee: Trainee, iin: 'whole' | 'masked'): TraineeView {
  return {
    id: trainee.id,
    iin: iin === 'whole' ? trainee.iin : maskIin(trainee.iin),
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
    private readonly repository: TraineesRepository,
  ) {}

  async createTrainee(actor: Actor, input: CreateTraineeDto): Promise<TraineeView> {
    const timeZone = this.env.CENTRE_TIMEZONE;
    const iin = checkIin(input.iin);
    if (!iin.ok) throw new InvalidInputError('iin', `iin.${iin.problem}`);
    const { birthDate, sex } = iin.facts;
    if (birthDate > today(timeZone)) throw new InvalidInputError('iin', 'iin.birth_date_in_future');
    this.checkGuardian(
      birthDate,
      input.guardianName ?? null,
      input.guardianPhone ?? null,
      timeZone,
    );
    return this.dataSource.transaction(async (manager) => {
      const trainee = await this.repository.insertTrainee(manager, {
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
      });
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'trainee',
        entityId: trainee.id,
        changes: { ...auditSnapshot(trainee), consent: true },
      });
      return toView(trainee, 'whole');
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
    const existing = await this.repository.findTraineeIdByIinForUpdate(manager, person.iin);
    if (existing) return { id: existing, registered: false };
    const iin = checkIin(person.iin);
    if (!iin.ok) throw new InvalidInputError('person.iin', `iin.${iin.problem}`);
    if (ageOn(iin.facts.birthDate, today(this.env.CENTRE_TIMEZONE)) < 18) {
      throw new RuleViolationError('trainee.guardian_required');
    }
    // A trainee registered with this IIN a moment ago is found, not duplicated.
    const created = await this.repository.insertReferredTrainee(
      manager,
      person,
      searchNameOf(person),
      iin.facts,
    );
    if (!created) return this.findOrRegisterReferredWithin(manager, actor, person);
    await this.audit.record(manager, actor, {
      action: 'create',
      entity: 'trainee',
      entityId: created,
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
    return { id: created, registered: true };
  }

  /**
   * Name search is case-insensitive in any script; digits find the IINs that begin with them, all
   * 12 the one IIN. IINs are masked in the list.
   */
  async listTrainees(query: TraineeQueryDto): Promise<Page<TraineeListItemView>> {
    const { rows, total } = await this.repository.listTrainees(query);
    return { items: rows.map(toListItem), total };
  }

  /** The record with the IIN masked; the whole IIN is `revealIin`, which is audited. */
  async viewTrainee(id: string): Promise<TraineeView> {
    const trainee = await this.repository.findTrainee(this.dataSource.manager, id);
    if (!trainee) throw new NotFoundError('Trainee', id);
    return toView(trainee, 'masked');
  }

  /** The whole IIN, shown on request; who asked and when is written to the audit log. */
  async revealIin(actor: Actor, id: string): Promise<TraineeIinView> {
    return this.dataSource.transaction(async (manager) => {
      const trainee = await this.repository.findTrainee(manager, id);
      if (!trainee) throw new NotFoundError('Trainee', id);
      await this.audit.record(manager, actor, {
        action: 'view_iin',
        entity: 'trainee',
        entityId: id,
      });
      return { iin: trainee.iin };
    });
  }

  async updateTrainee(actor: Actor, id: string, input: UpdateTraineeDto): Promise<TraineeView> {
    return this.dataSource.transaction(async (manager) => {
      const trainee = await this.repository.findTraineeForUpdate(manager, id);
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
        ...(input.consent === true && { consentAt: new Date() }),
      });
      this.checkGuardian(
        trainee.birthDate,
        trainee.guardianName,
        trainee.guardianPhone,
        this.env.CENTRE_TIMEZONE,
      );
      trainee.searchName = searchNameOf(trainee);
      const saved = await this.repository.saveTrainee(manager, trainee);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'trainee',
        entityId: id,
        changes: {
          ...diffFields(before, auditSnapshot(saved)),
          // Consent given again: the audit row says so, the view shows its new date.
          ...(input.consent === true && { consent: true }),
        },
      });
      return toView(saved, 'masked');
    });
  }

  private checkGuardian(
    birthDate: string,
    name: string | null,
    phone: string | null,
    timeZone: string,
  ): void {
    if (ageOn(birthDate, today(timeZone)) >= 18) return;
    if (!name) throw new InvalidInputError('guardianName', 'trainee.guardian_field_required');
    if (!phone) throw new InvalidInputError('guardianPhone', 'trainee.guardian_field_required');
  }
}
