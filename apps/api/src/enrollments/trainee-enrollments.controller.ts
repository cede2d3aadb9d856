import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@sheber/auth';
import { EnrollmentsService, TraineeEnrollmentView } from '@sheber/enrollments';
import { uuidParam } from '../common/uuid-param';

@ApiTags('enrollments')
@ApiBearerAuth()
@Controller('trainees/:id/enrollments')
export class TraineeEnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  /** The trainee's enrollments in every group, with status and attendance rate. */
  @Roles('staff')
  @Get()
  listTraineeEnrollments(@Param('id', uuidParam()) id: string): Promise<TraineeEnrollmentView[]> {
    return this.enrollments.listTraineeEnrollments(id);
  }
}
