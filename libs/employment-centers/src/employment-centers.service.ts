import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, diffFields } from '@sheber/audit';
import { Actor, NotFoundError, Page } from '@sheber/common';
import {
  CreateEmploymentCenterDto,
  employmentCenterView,
  type EmploymentCenterView,
  UpdateEmploymentCenterDto,
} from './dto/create-employment-center.dto';
import { EmploymentCentersRepository } from './employment-centers.repository';
import type { EmploymentCenter } from './entities/employment-center.entity';

/** What the audit log keeps of a centre. */
function audited(center: EmploymentCenter): Record<string, unknown> {
  return {
    name: center.name,
    nameKk: center.nameKk,
    nameRu: center.nameRu,
    nameEn: center.nameEn,
    region: center.region,
  };
}

/** An empty name in a language is no name: `name` stands in for it. */
const given = (value: string | null | undefined): string | null => value || null;

@Injectable()
export class EmploymentCentersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: EmploymentCentersRepository,
  ) {}

  async createEmploymentCenter(
    actor: Actor,
    input: CreateEmploymentCenterDto,
  ): Promise<EmploymentCenterView> {
    return this.dataSource.transaction(async (manager) => {
      const center = await this.repository.insertEmploymentCenter(manager, {
        name: input.name,
        nameKk: given(input.nameKk),
        nameRu: given(input.nameRu),
        nameEn: given(input.nameEn),
        region: input.region,
      });
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'employment_center',
        entityId: center.id,
        changes: audited(center),
      });
      return employmentCenterView(center);
    });
  }

  /** Renames a centre or changes its region; the audit row holds the old and the new value. */
  async updateEmploymentCenter(
    actor: Actor,
    id: string,
    input: UpdateEmploymentCenterDto,
  ): Promise<EmploymentCenterView> {
    return this.dataSource.transaction(async (manager) => {
      const center = await this.repository.findEmploymentCenterForUpdate(manager, id);
      if (!center) throw new NotFoundError('Employment centre', id);
      const before = audited(center);
      if (input.name !== undefined) center.name = input.name;
      if (input.nameKk !== undefined) center.nameKk = given(input.nameKk);
      if (input.nameRu !== undefined) center.nameRu = given(input.nameRu);
      if (input.nameEn !== undefined) center.nameEn = given(input.nameEn);
      if (input.region !== undefined) center.region = input.region;
      const saved = await this.repository.saveEmploymentCenter(manager, center);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'employment_center',
        entityId: id,
        changes: diffFields(before, audited(saved)),
      });
      return employmentCenterView(saved);
    });
  }

  async listEmploymentCenters(limit: number, offset: number): Promise<Page<EmploymentCenterView>> {
    const page = await this.repository.listEmploymentCenters(limit, offset);
    return { items: page.items.map(employmentCenterView), total: page.total };
  }
}
