import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AnyUser, CurrentActor, Roles } from '@sheber/auth';
import {
  type Actor,
  ApiPageResponse,
  type Page,
  PageQueryDto,
  preferredLanguage,
} from '@sheber/common';
import {
  type AttendanceSheet,
  attendanceSheetCsv,
  AttendanceSheetQueryDto,
  AttendanceSheetView,
  CompleteEnrollmentDto,
  CreateHolidayDto,
  HolidayDateParamDto,
  HolidayQueryDto,
  HolidaysService,
  HolidayView,
  LessonsService,
  LessonView,
  MarkAttendanceDto,
  MyLessonsQueryDto,
  MyLessonsView,
} from '@sheber/lessons';
import { DocumentsService, DocumentView } from '@sheber/documents';
import { EnrollmentClosingService } from '@sheber/training';
import { uuidParam } from '../common/uuid-param';
import { sendPrinted } from '../documents/documents.controller';

@ApiTags('lessons')
@ApiBearerAuth()
@Controller()
export class LessonsController {
  constructor(
    private readonly lessons: LessonsService,
    private readonly closing: EnrollmentClosingService,
    private readonly documents: DocumentsService,
  ) {}

  /**
   * The caller's lessons from `from` to `to` (default: the last and the coming week), across the
   * caller's unfinished groups, each with its group, the last day it may be marked and, when it
   * may not be marked now, why; with today's date in the centre's time zone.
   */
  @Roles('master')
  @Get('lessons/mine')
  @ApiOkResponse({ type: MyLessonsView })
  listMyLessons(
    @CurrentActor() actor: Actor,
    @Query() query: MyLessonsQueryDto,
  ): Promise<MyLessonsView> {
    return this.lessons.listMyLessons(actor, query);
  }

  /** The group's lessons in date order, each saying whether attendance is marked. */
  @Roles('staff', 'master')
  @Get('groups/:id/lessons')
  @ApiPageResponse(LessonView)
  listGroupLessons(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<LessonView>> {
    return this.lessons.listGroupLessons(actor, id, query);
  }

  /**
   * Marks a lesson: one mark per active trainee (present, late, absent, excused). The group's
   * master, from the lesson's start to the end of the 7th day after it; staff and admin with a
   * reason. Sending the marks again replaces them.
   */
  @Roles('staff', 'master')
  @Put('lessons/:id/attendance')
  markAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: MarkAttendanceDto,
  ): ReturnType<LessonsService['markAttendance']> {
    return this.lessons.markAttendance(actor, id, input);
  }

  /**
   * The attendance sheet: trainees × lessons, as JSON, as CSV (UTF-8 with BOM) for Excel, or as
   * the printed journal (`format=pdf`: A4 landscape, Kazakh and Russian headings, IINs masked,
   * a letter per mark, totals, signature lines; lesson columns continue on further pages).
   * A journal of more than 60 lessons is prepared by the worker: 202 with the document to ask
   * for at `/api/documents/:id` (see Location), or the PDF when one of the same data is ready.
   */
  @Roles('staff', 'master')
  @Get('groups/:id/attendance')
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiOkResponse({ type: AttendanceSheetView })
  @ApiAcceptedResponse({ type: DocumentView, description: 'A large journal being prepared' })
  async attendanceSheet(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: AttendanceSheetQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttendanceSheet | string | Buffer | DocumentView> {
    if (query.format === 'pdf') {
      return sendPrinted(reply, await this.documents.attendanceJournal(actor, id));
    }
    const sheet = await this.lessons.attendanceSheet(actor, id);
    if (query.format !== 'csv') return sheet;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="attendance-${sheet.group.code}.csv"`);
    return attendanceSheetCsv(
      sheet,
      query.lang ?? preferredLanguage(acceptLanguage, 'ru'),
      query.delimiter,
    );
  }

  /**
   * Completes an active enrollment when attendance reaches the course's threshold, else 422 with
   * the rate and the threshold. `override` (admin, with a reason) completes it anyway.
   */
  @Roles('staff')
  @Post('enrollments/:id/complete')
  @HttpCode(200)
  completeEnrollment(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: CompleteEnrollmentDto,
  ): ReturnType<EnrollmentClosingService['completeEnrollment']> {
    return this.closing.completeEnrollment(actor, id, input);
  }
}

@ApiTags('lessons')
@ApiBearerAuth()
@Controller('holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  /** The centre's holidays (no lessons on them), optionally of one year. */
  @AnyUser()
  @Get()
  listHolidays(@Query() query: HolidayQueryDto): Promise<HolidayView[]> {
    return this.holidays.listHolidays(query.year);
  }

  /** Adds a holiday; future unmarked lessons on that day disappear. */
  @Roles('staff')
  @Post()
  addHoliday(@CurrentActor() actor: Actor, @Body() input: CreateHolidayDto): Promise<HolidayView> {
    return this.holidays.addHoliday(actor, input);
  }

  /** Removes a holiday; the lessons of that day come back for groups still to hold them. */
  @Roles('staff')
  @Delete(':date')
  @HttpCode(204)
  async removeHoliday(
    @CurrentActor() actor: Actor,
    @Param() params: HolidayDateParamDto,
  ): Promise<void> {
    await this.holidays.removeHoliday(actor, params.date);
  }
}
