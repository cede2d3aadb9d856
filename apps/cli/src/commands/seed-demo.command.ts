import { Command, CommandRunner, Option } from 'nest-commander';
import { type Actor, SYSTEM_ACTOR, todayIn } from '@sheber/common';
import { Environment } from '@sheber/config';
import { CoursesService } from '@sheber/courses';
import { EmploymentCentersService } from '@sheber/employment-centers';
import { EnrollmentsService } from '@sheber/enrollments';
import { GroupsService, type GroupTransition } from '@sheber/groups';
import { LessonsService } from '@sheber/lessons';
import { ReferralsService } from '@sheber/referrals';
import { makeIin, TraineesService } from '@sheber/trainees';
import { EnrollmentClosingService, GroupLifeCycleService } from '@sheber/training';
import { UsersService } from '@sheber/users';
import { WorkshopsService } from '@sheber/workshops';
import {
  DEMO_ACCOUNTS,
  DEMO_CENTERS,
  DEMO_COURSES,
  DEMO_GROUPS,
  DEMO_PASSWORD,
  DEMO_REFERRALS,
  DEMO_TRAINEES,
  DEMO_WORKSHOPS,
} from '../demo-data';

const STEPS: Record<string, GroupTransition[]> = {
  planned: [],
  open: ['open'],
  in_progress: ['open', 'start'],
  completed: ['open', 'start', 'complete'],
  cancelled: ['open', 'cancel'],
};

interface SeedOptions {
  ifEmpty?: boolean;
}

/** `npm run cli -- seed-demo [--if-empty]`: demo accounts of every role and two centres. */
@Command({
  name: 'seed-demo',
  description: 'Load demo data (accounts of every role, employment centres)',
})
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly users: UsersService,
    private readonly centers: EmploymentCentersService,
    private readonly courses: CoursesService,
    private readonly workshops: WorkshopsService,
    private readonly groups: GroupsService,
    private readonly lifeCycle: GroupLifeCycleService,
    private readonly closing: EnrollmentClosingService,
    private readonly trainees: TraineesService,
    private readonly enrollments: EnrollmentsService,
    private readonly lessons: LessonsService,
    private readonly referrals: ReferralsService,
    private readonly env: Environment,
  ) {
    super();
  }

  async run(_: string[], options: SeedOptions): Promise<void> {
    if ((await this.users.countUsers()) > 0) {
      if (options.ifEmpty) {
        process.stdout.write('The database already has users: demo data not loaded\n');
        return;
      }
      throw new Error('The database already has users; demo data goes only into an empty database');
    }
    const centerIds: Record<string, string> = {};
    for (const [key, center] of Object.entries(DEMO_CENTERS)) {
      centerIds[key] = (await this.centers.createEmploymentCenter(SYSTEM_ACTOR, { ...center })).id;
    }
    const userIds: Record<string, string> = {};
    const officers: Record<string, Actor> = {};
    for (const account of DEMO_ACCOUNTS) {
      const user = await this.users.createUser(SYSTEM_ACTOR, {
        email: account.email,
        password: DEMO_PASSWORD,
        fullName: account.fullName,
        role: account.role,
        crafts: account.crafts,
        employmentCenterId: account.center ? centerIds[account.center] : undefined,
      });
      userIds[account.email] = user.id;
      if (account.center) {
        officers[account.center] = {
          id: user.id,
          role: 'officer',
          employmentCenterId: centerIds[account.center]!,
        };
      }
    }
    const courseIds: Record<string, string> = {};
    for (const course of DEMO_COURSES) {
      const { key, ...input } = course;
      courseIds[key] = (await this.courses.createCourse(SYSTEM_ACTOR, input)).id;
    }
    const workshopIds: Record<string, string> = {};
    for (const workshop of DEMO_WORKSHOPS) {
      workshopIds[workshop.name] = (await this.workshops.createWorkshop(SYSTEM_ACTOR, workshop)).id;
    }
    const traineeIds: string[] = [];
    for (const [index, trainee] of DEMO_TRAINEES.entries()) {
      const created = await this.trainees.createTrainee(SYSTEM_ACTOR, {
        iin: makeIin(trainee.birthDate, trainee.sex, 1000 + index * 13),
        lastName: trainee.lastName,
        firstName: trainee.firstName,
        phone: trainee.phone,
        categories: trainee.categories as never,
        consent: true,
      });
      traineeIds.push(created.id);
    }
    // Officers refer job seekers before the groups open; intake happens as each group opens.
    const referralIds = new Map<string, string>();
    for (const [index, demo] of DEMO_REFERRALS.entries()) {
      const { person } = demo;
      const referral = await this.referrals.createReferral(officers[demo.center]!, {
        number: demo.number,
        person: {
          iin: makeIin(person.birthDate, person.sex, 5000 + index * 17),
          lastName: person.lastName,
          firstName: person.firstName,
          patronymic: person.patronymic ?? null,
          categories: person.categories as never,
        },
        craft: demo.craft,
        note: demo.note ?? null,
      });
      referralIds.set(demo.number, referral.id);
    }
    const acceptInto = async (code: string, groupId: string) => {
      for (const demo of DEMO_REFERRALS.filter((r) => r.intoGroup === code)) {
        await this.referrals.acceptReferral(SYSTEM_ACTOR, referralIds.get(demo.number)!, {
          groupId,
        });
      }
    };

    // Groups go through their real life: plan, assign, open, enroll, start, complete or cancel.
    let next = 0;
    for (const demo of DEMO_GROUPS) {
      const group = await this.lifeCycle.createGroup(SYSTEM_ACTOR, {
        courseId: courseIds[demo.course]!,
        code: demo.code,
        workshopId: workshopIds[demo.workshop]!,
        startDate: demo.startDate,
        endDate: demo.endDate,
        schedule: demo.schedule,
        capacity: demo.capacity,
      });
      if (demo.master) {
        await this.groups.assignMaster(SYSTEM_ACTOR, group.id, { masterId: userIds[demo.master]! });
      }
      for (const step of STEPS[demo.status]!) {
        await this.lifeCycle.transitionGroup(SYSTEM_ACTOR, group.id, step);
        if (step === 'start') await this.markPastLessons(group.id);
        if (step !== 'open') continue;
        for (let i = 0; i < demo.trainees; i += 1) {
          await this.enrollments.enrollTrainee(
            SYSTEM_ACTOR,
            group.id,
            traineeIds[next % traineeIds.length]!,
          );
          next += 1;
        }
        await acceptInto(demo.code, group.id);
      }
    }
    await this.finishDemoReferrals(referralIds, officers);
    process.stdout.write(
      `Loaded demo data: ${DEMO_ACCOUNTS.length} accounts, ${Object.keys(DEMO_CENTERS).length} employment centres, ` +
        `${DEMO_COURSES.length} courses, ${DEMO_GROUPS.length} groups, ${DEMO_TRAINEES.length} trainees, ` +
        `${DEMO_REFERRALS.length} referrals\n`,
    );
  }

  /** Intake without a group, rejections, cancellations, withdrawals, then the outcomes. */
  private async finishDemoReferrals(
    ids: Map<string, string>,
    officers: Record<string, Actor>,
  ): Promise<void> {
    for (const demo of DEMO_REFERRALS) {
      const id = ids.get(demo.number)!;
      if (demo.intoGroup === null) await this.referrals.acceptReferral(SYSTEM_ACTOR, id, {});
      if (demo.rejected)
        await this.referrals.rejectReferral(SYSTEM_ACTOR, id, { reason: demo.rejected });
      if (demo.cancelled)
        await this.referrals.cancelReferral(officers[demo.center]!, id, {
          reason: demo.cancelled,
        });
      if (demo.withdrawn) {
        const referral = await this.referrals.viewReferral(SYSTEM_ACTOR, id);
        await this.closing.withdrawEnrollment(
          SYSTEM_ACTOR,
          referral.enrollment!.id,
          demo.withdrawn,
        );
      }
      if (demo.outcome) {
        await this.referrals.recordOutcome(officers[demo.center]!, id, {
          outcome: demo.outcome,
          date: todayIn(this.env.CENTRE_TIMEZONE),
        });
      }
    }
  }

  /** Marks every lesson held so far, mostly present, so rates and completion have data. */
  private async markPastLessons(groupId: string): Promise<void> {
    const actor = { ...SYSTEM_ACTOR };
    const roster = await this.enrollments.listGroupEnrollments(actor, groupId, {
      limit: 100,
      offset: 0,
    });
    const active = roster.items.filter((e) => e.status === 'active');
    const lessons = await this.lessons.listGroupLessons(actor, groupId, { limit: 100, offset: 0 });
    const now = Date.now();
    for (const [index, lesson] of lessons.items.entries()) {
      if (lesson.startsAt.getTime() > now || active.length === 0) continue;
      await this.lessons.markAttendance(actor, lesson.id, {
        reason: 'demo data from the paper register',
        marks: active.map((e, i) => ({
          enrollmentId: e.id,
          // The last trainee misses often; the others are mostly present, sometimes late.
          status:
            i === active.length - 1 && index % 3 !== 0
              ? 'absent'
              : (index + i) % 11 === 0
                ? 'late'
                : (index + i) % 13 === 0
                  ? 'excused'
                  : 'present',
        })),
      });
    }
  }

  @Option({ flags: '--if-empty', description: 'do nothing when the database already has users' })
  parseIfEmpty(): boolean {
    return true;
  }
}
