import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '@sheber/audit';
import { Actor, ConflictError, InvalidInputError, NotFoundError, Page } from '@sheber/common';
import { CraftsRepository } from '@sheber/crafts';
import {
  CreateWorkshopDto,
  UpdateWorkshopDto,
  WorkshopQueryDto,
  workshopView,
  type WorkshopView,
} from './dto/workshop.dto';
import type { Workshop } from './entities/workshop.entity';
import { unfinishedGroupsIn } from './workshop-groups.queries';
import { WorkshopsRepository } from './workshops.repository';

/** What the audit log keeps of a workshop. */
function snapshot(workshop: Workshop): Record<string, unknown> {
  return {
    name: workshop.name,
    craft: workshop.craft,
    workplaces: workshop.workplaces,
    active: workshop.active,
  };
}

/** The centre's workshops: the rooms groups are held in, each for one craft. */
@Injectable()
export class WorkshopsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: WorkshopsRepository,
    private readonly crafts: CraftsRepository,
  ) {}

  async createWorkshop(actor: Actor, input: CreateWorkshopDto): Promise<WorkshopView> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertCraftExists(manager, input.craft);
      const workshop = await this.repository.insertWorkshop(manager, {
        name: input.name,
        craft: input.craft,
        workplaces: input.workplaces,
      });
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'workshop',
        entityId: workshop.id,
        changes: snapshot(workshop),
      });
      return workshopView(workshop);
    });
  }

  async listWorkshops(query: WorkshopQueryDto): Promise<Page<WorkshopView>> {
    const page = await this.repository.listWorkshops(query);
    return { items: page.items.map(workshopView), total: page.total };
  }

  async getWorkshop(id: string): Promise<WorkshopView> {
    const workshop = await this.repository.findWorkshop(id);
    if (!workshop) throw new NotFoundError('Workshop', id);
    return workshopView(workshop);
  }

  /**
   * Renames, re-counts, retires or brings back a workshop. Its groups that have not finished must
   * still fit: fewer workplaces than the largest of them, or another craft than theirs, is 409
   * naming the group. Retiring keeps its groups there; it is only chosen for no new one.
   */
  async updateWorkshop(actor: Actor, id: string, input: UpdateWorkshopDto): Promise<WorkshopView> {
    return this.dataSource.transaction(async (manager) => {
      const workshop = await this.repository.lockWorkshop(manager, id);
      if (!workshop) throw new NotFoundError('Workshop', id);
      const before = snapshot(workshop);
      const craftChanged = input.craft !== undefined && input.craft !== workshop.craft;
      if (craftChanged) await this.assertCraftExists(manager, input.craft!);
      if (craftChanged || input.workplaces !== undefined) {
        const groups = await unfinishedGroupsIn(manager, id);
        const otherCraft = craftChanged && groups.find((g) => g.craft !== input.craft);
        if (otherCraft) {
          throw new ConflictError('workshop.craft_in_use', {
            workshop: workshop.name,
            group: otherCraft.code,
          });
        }
        const tooLarge = groups.find((g) => g.capacity > (input.workplaces ?? Infinity));
        if (tooLarge) {
          throw new ConflictError('workshop.too_few_workplaces', {
            workshop: workshop.name,
            workplaces: input.workplaces!,
            capacity: tooLarge.capacity,
            group: tooLarge.code,
          });
        }
      }
      Object.assign(workshop, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.craft !== undefined && { craft: input.craft }),
        ...(input.workplaces !== undefined && { workplaces: input.workplaces }),
        ...(input.active !== undefined && { active: input.active }),
      });
      const saved = await this.repository.saveWorkshop(manager, workshop);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'workshop',
        entityId: id,
        changes: diffFields(before, snapshot(saved)),
      });
      return workshopView(saved);
    });
  }

  private async assertCraftExists(manager: EntityManager, craft: string): Promise<void> {
    if (!(await this.crafts.craftExists(manager, craft))) {
      throw new InvalidInputError('craft', 'course.unknown_craft', { craft });
    }
  }
}
