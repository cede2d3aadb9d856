import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page } from '@sheber/common';
import { EmploymentCenter } from './entities/employment-center.entity';

/** The only code that names `employment_centers`. */
@Injectable()
export class EmploymentCentersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertEmploymentCenter(
    manager: EntityManager,
    center: Pick<EmploymentCenter, 'name' | 'nameKk' | 'nameRu' | 'nameEn' | 'region'>,
  ): Promise<EmploymentCenter> {
    return manager.save(manager.create(EmploymentCenter, center));
  }

  async listEmploymentCenters(limit: number, offset: number): Promise<Page<EmploymentCenter>> {
    const [items, total] = await this.dataSource
      .getRepository(EmploymentCenter)
      .findAndCount({ order: { name: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }

  /** Whether the centre exists, read inside the caller's transaction. */
  async employmentCenterExists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.existsBy(EmploymentCenter, { id });
  }

  /** The centre, its row locked for the caller's transaction. */
  async findEmploymentCenterForUpdate(
    manager: EntityManager,
    id: string,
  ): Promise<EmploymentCenter | null> {
    return manager.findOne(EmploymentCenter, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async saveEmploymentCenter(
    manager: EntityManager,
    center: EmploymentCenter,
  ): Promise<EmploymentCenter> {
    return manager.save(center);
  }
}
