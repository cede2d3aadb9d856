import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@sheber/audit';
import { Actor, NotFoundError } from '@sheber/common';
import { CreateHolidayDto } from './dto/lesson.dto';
import { Holiday } from './entities/holiday.entity';
import { LessonsRepository } from './lessons.repository';
import { LessonsService } from './lessons.service';

/** The centre's holidays; adding or removing one regenerates the lessons of the groups it touches. */
@Injectable()
export class HolidaysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: LessonsRepository,
    private readonly lessons: LessonsService,
  ) {}

  async listHolidays(year?: number): Promise<Holiday[]> {
    return this.repository.listHolidays(year);
  }

  async addHoliday(actor: Actor, input: CreateHolidayDto): Promise<Holiday> {
    return this.dataSource.transaction(async (manager) => {
      const holiday = await this.repository.insertHoliday(manager, input);
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
      if (!(await this.repository.deleteHoliday(manager, date)))
        throw new NotFoundError('Holiday', date);
      await this.lessons.holidaysChanged(manager, date);
      await this.audit.record(manager, actor, {
        action: 'delete',
        entity: 'holiday',
        entityId: date,
      });
    });
  }
}
