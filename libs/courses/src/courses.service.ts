import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '@sheber/audit';
import { Actor, InvalidInputError, NotFoundError, Page } from '@sheber/common';
import { Craft } from '@sheber/crafts';
import { CourseQueryDto, CreateCourseDto, UpdateCourseDto } from './dto/course.dto';
import { Course } from './entities/course.entity';

function snapshot(course: Course): Record<string, unknown> {
  return {
    craft: course.craft,
    title: course.title,
    description: course.description,
    hours: course.hours,
    minAttendancePercent: course.minAttendancePercent,
    active: course.active,
  };
}

@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async createCourse(actor: Actor, input: CreateCourseDto): Promise<Course> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertCraftExists(manager, input.craft);
      const course = await manager.save(
        manager.create(Course, {
          craft: input.craft,
          title: input.title,
          description: input.description ?? null,
          hours: input.hours,
          minAttendancePercent: input.minAttendancePercent ?? 80,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'course',
        entityId: course.id,
        changes: snapshot(course),
      });
      return course;
    });
  }

  async listCourses(query: CourseQueryDto): Promise<Page<Course>> {
    const [items, total] = await this.dataSource.getRepository(Course).findAndCount({
      where: {
        ...(query.craft ? { craft: query.craft } : {}),
        ...(query.active !== undefined ? { active: query.active } : {}),
      },
      order: { title: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async getCourse(id: string): Promise<Course> {
    const course = await this.dataSource.getRepository(Course).findOneBy({ id });
    if (!course) throw new NotFoundError('Course', id);
    return course;
  }

  async updateCourse(actor: Actor, id: string, input: UpdateCourseDto): Promise<Course> {
    return this.dataSource.transaction(async (manager) => {
      const course = await manager.findOne(Course, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!course) throw new NotFoundError('Course', id);
      const before = snapshot(course);
      if (input.craft !== undefined && input.craft !== course.craft) {
        await this.assertCraftExists(manager, input.craft);
      }
      Object.assign(course, {
        ...(input.craft !== undefined && { craft: input.craft }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.hours !== undefined && { hours: input.hours }),
        ...(input.minAttendancePercent !== undefined && {
          minAttendancePercent: input.minAttendancePercent,
        }),
        ...(input.active !== undefined && { active: input.active }),
      });
      const saved = await manager.save(course);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'course',
        entityId: id,
        changes: diffFields(before, snapshot(saved)),
      });
      return saved;
    });
  }

  private async assertCraftExists(manager: EntityManager, craft: string): Promise<void> {
    if (!(await manager.existsBy(Craft, { code: craft }))) {
      throw new InvalidInputError('craft', `unknown craft ${craft}`);
    }
  }
}
