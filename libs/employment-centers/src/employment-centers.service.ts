import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, diffFields } from '@sheber/audit';
import { Actor, NotFoundError, Page } from '@sheber/common';
import {
  CreateEmploymentCenterDto,
  UpdateEmploymentCenterDto,
} from './dto/create-employment-center.dto';
import { EmploymentCentersRepository } from './employment-centers.repository';
import type { EmploymentCenter } from './entities/employment-center.entity';

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
  ): Promise<EmploymentCenter> {
    return this.dataSource.transaction(async (manager) => {
      const center = await this.repository.insertEmploymentCenter(manager, input);
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'employment_center',
        entityId: center.id,
        changes: { name: center.name, region: center.region },
      });
      return center;
    });
  }

  /** Renames a centre or changes its region; the audit row holds the old and the new value. */
  async updateEmploymentCenter(
    actor: Actor,
    id: string,
    input: UpdateEmploymentCenterDto,
  ): Promise<EmploymentCenter> {
    return this.dataSource.transaction(async (manager) => {
      const center = await this.repository.findEmploymentCenterForUpdate(manager, id);
      if (!center) throw new NotFoundError('Employment centre', id);
      const before = { name: center.name, region: center.region };
      if (input.name !== undefined) center.name = input.name;
      if (input.region !== undefined) center.region = input.region;
      const saved = await this.repository.saveEmploymentCenter(manager, center);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'employment_center',
        entityId: id,
        changes: diffFields(before, { name: saved.name, region: saved.region }),
      });
      return saved;
    });
  }

  async listEmploymentCenters(limit: number, offset: number): Promise<Page<EmploymentCenter>> {
    return this.repository.listEmploymentCenters(limit, offset);
  }
}
