import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyUser, CurrentActor, Roles } from '@sheber/auth';
import { type Actor, ApiPageResponse, type Page } from '@sheber/common';
import {
  Course,
  CourseQueryDto,
  CoursesService,
  CourseView,
  CreateCourseDto,
  UpdateCourseDto,
} from '@sheber/courses';
import { uuidParam } from '../common/uuid-param';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  /** Adds a course to the catalogue. */
  @Roles('staff')
  @Post()
  @ApiCreatedResponse({ type: CourseView })
  createCourse(@CurrentActor() actor: Actor, @Body() input: CreateCourseDto): Promise<Course> {
    return this.courses.createCourse(actor, input);
  }

  /** The catalogue, optionally of one craft or only active courses. */
  @AnyUser()
  @Get()
  @ApiPageResponse(CourseView)
  listCourses(@Query() query: CourseQueryDto): Promise<Page<Course>> {
    return this.courses.listCourses(query);
  }

  /** One course. */
  @AnyUser()
  @Get(':id')
  @ApiOkResponse({ type: CourseView })
  getCourse(@Param('id', uuidParam()) id: string): Promise<Course> {
    return this.courses.getCourse(id);
  }

  /** Changes a course; `active: false` retires it. */
  @Roles('staff')
  @Patch(':id')
  @ApiOkResponse({ type: CourseView })
  updateCourse(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: UpdateCourseDto,
  ): Promise<Course> {
    return this.courses.updateCourse(actor, id, input);
  }
}
