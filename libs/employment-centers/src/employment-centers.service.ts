import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@sheber/audit';
import { Actor, Page } from '@sheber/common';
import { CreateEmploymentCenterDto } from './dto/create-employment-center.dto';
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

  async listEmploymentCenters(limit: number, offset: number): Promise<Page<EmploymentCenter>> {
    return this.repository.listEmploymentCenters(limit, offset);
  }
}
