import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@sheber/audit';
import { Actor, NotFoundError } from '@sheber/common';
import { CreateHolidayDto } from './dto/lesson.dto';
import { Holiday } from './entities/holiday.entity';
import { LessonsService } from './lessons.service';

/** The centre's holidays; adding or removing one regenerates the lessons of the groups it touches. */
@Injectable()
export class HolidaysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly lessons: LessonsService,
  ) {}

  async listHolidays(year?: number): Promise<Holiday[]> {
    const query = this.dataSource
      .getRepository(Holiday)
      .createQueryBuilder('h')
      .orderBy('h.date', 'ASC');
    if (year)
      query.where('h.date BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` });
    return query.getMany();
  }

  async addHoliday(actor: Actor, input: CreateHolidayDto): Promise<Holiday> {
    return this.dataSource.transaction(async (manager) => {
      // insert, not save: save would quietly overwrite an existing holiday of that date.
      await manager.insert(Holiday, { ...input });
      const holiday = manager.create(Holiday, input);
      await this.lessons.holidaysChanged(manager, input.date);
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'holiday',
        entityId: input.date,
        changes: { ...input },
      });
      return holiday;
    });
  }

  async removeHoliday(actor: Actor, date: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(Holiday, { date });
      if (!result.affected) throw new NotFoundError('Holiday', date);
      await this.lessons.holidaysChanged(manager, date);
      await this.audit.record(manager, actor, {
        action: 'delete',
        entity: 'holiday',
        entityId: date,
      });
    });
  }
}
