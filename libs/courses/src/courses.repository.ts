import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page } from '@sheber/common';
import { Course } from './entities/course.entity';

/** What a new course is given; the rest takes the column defaults. */
export type NewCourse = Pick<
  Course,
  'craft' | 'title' | 'description' | 'hours' | 'minAttendancePercent'
>;

/** The only code that names `courses`. */
@Injectable()
export class CoursesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertCourse(manager: EntityManager, course: NewCourse): Promise<Course> {
    return manager.save(manager.create(Course, course));
  }

  async listCourses(filter: {
    craft?: string;
    active?: boolean;
    limit: number;
    offset: number;
  }): Promise<Page<Course>> {
    const [items, total] = await this.dataSource.getRepository(Course).findAndCount({
      where: {
        ...(filter.craft ? { craft: filter.craft } : {}),
        ...(filter.active !== undefined ? { active: filter.active } : {}),
      },
      order: { title: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }

  async findCourse(id: string): Promise<Course | null> {
    return this.dataSource.getRepository(Course).findOneBy({ id });
  }

  /** The course, its row locked for the caller's transaction. */
  async findCourseForUpdate(manager: EntityManager, id: string): Promise<Course | null> {
    return manager.findOne(Course, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveCourse(manager: EntityManager, course: Course): Promise<Course> {
    return manager.save(course);
  }
}
