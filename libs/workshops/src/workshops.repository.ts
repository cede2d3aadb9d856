import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page } from '@sheber/common';
import { Workshop } from './entities/workshop.entity';

/** The only code that names `workshops`. */
@Injectable()
export class WorkshopsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertWorkshop(
    manager: EntityManager,
    workshop: Pick<Workshop, 'name' | 'craft' | 'workplaces'>,
  ): Promise<Workshop> {
    return manager.save(manager.create(Workshop, workshop));
  }

  /** By name in Kazakh order (the column's kk_kz collation). */
  async listWorkshops(filter: {
    craft?: string;
    active?: boolean;
    limit: number;
    offset: number;
  }): Promise<Page<Workshop>> {
    const [items, total] = await this.dataSource.getRepository(Workshop).findAndCount({
      where: {
        ...(filter.craft ? { craft: filter.craft } : {}),
        ...(filter.active !== undefined ? { active: filter.active } : {}),
      },
      order: { name: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }

  async findWorkshop(id: string): Promise<Workshop | null> {
    return this.dataSource.getRepository(Workshop).findOneBy({ id });
  }

  /** A workshop's name, read in the caller's transaction (for its audit rows); null if none. */
  async workshopName(manager: EntityManager, id: string): Promise<string | null> {
    const workshop = await manager.findOne(Workshop, { where: { id }, select: { name: true } });
    return workshop?.name ?? null;
  }

  /**
   * The workshop, its row locked for the caller's transaction. Whoever puts a group into a
   * workshop, changes the times of a group held there or changes the workshop itself takes this
   * lock first, so two of them never both pass the check against the groups already there.
   */
  async lockWorkshop(manager: EntityManager, id: string): Promise<Workshop | null> {
    return manager.findOne(Workshop, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveWorkshop(manager: EntityManager, workshop: Workshop): Promise<Workshop> {
    return manager.save(workshop);
  }
}
