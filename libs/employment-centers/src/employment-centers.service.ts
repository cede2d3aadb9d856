import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@sheber/audit';
import { Actor, Page } from '@sheber/common';
import { CreateEmploymentCenterDto } from './dto/create-employment-center.dto';
import { EmploymentCenter } from './entities/employment-center.entity';

@Injectable()
export class EmploymentCentersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async createEmploymentCenter(
    actor: Actor,
    input: CreateEmploymentCenterDto,
  ): Promise<EmploymentCenter> {
    return this.dataSource.transaction(async (manager) => {
      const center = await manager.save(manager.create(EmploymentCenter, input));
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
    const [items, total] = await this.dataSource
      .getRepository(EmploymentCenter)
      .findAndCount({ order: { name: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }
}
