import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '@sheber/audit';
import { Actor, InvalidInputError, NotFoundError, Page } from '@sheber/common';
import { CraftsRepository } from '@sheber/crafts';
import { CoursesRepository } from './courses.repository';
import { CourseQueryDto, CreateCourseDto, UpdateCourseDto } from './dto/course.dto';
import type { Course } from './entities/course.entity';

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
    private readonly repository: CoursesRepository,
    private readonly crafts: CraftsRepository,
  ) {}

  async createCourse(actor: Actor, input: CreateCourseDto): Promise<Course> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertCraftExists(manager, input.craft);
      const course = await this.repository.insertCourse(manager, {
        craft: input.craft,
        title: input.title,
        description: input.description ?? null,
        hours: input.hours,
        minAttendancePercent: input.minAttendancePercent ?? 80,
      });
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
    return this.repository.listCourses(query);
  }

  async getCourse(id: string): Promise<Course> {
    const course = await this.repository.findCourse(id);
    if (!course) throw new NotFoundError('Course', id);
    return course;
  }

  async updateCourse(actor: Actor, id: string, input: UpdateCourseDto): Promise<Course> {
    return this.dataSource.transaction(async (manager) => {
      const course = await this.repository.findCourseForUpdate(manager, id);
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
      const saved = await this.repository.saveCourse(manager, course);
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
    if (!(await this.crafts.craftExists(manager, craft))) {
      throw new InvalidInputError('craft', 'course.unknown_craft', { craft });
    }
  }
}
