// Generated from the API's OpenAPI document by `npm run openapi:types`: do not edit by hand.
// test/e2e/processes.test.ts fails when it differs from what the built API serves.
export interface paths {
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Signs in with email and password and returns a bearer token. Failed attempts of one account
     *     from one address slow down (from the 3rd failure the pair waits 1, 2, 4 … seconds) and the
     *     10th blocks the pair for 15 minutes: 429 with `Retry-After` and the wait in the message. The
     *     right password from another address still works. One address alone may fail 100 times a
     *     minute whatever the accounts (an office behind one address). Limits: see the README.
     */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Signs in a browser: the token goes into an httpOnly, SameSite=Strict cookie for `/api` that
     *     page scripts cannot read, and a readable `sheber_csrf` cookie holds the value that changes
     *     made with the cookie must send in `X-CSRF-Token`. The body has the user, never the token.
     *     Same limits as `POST /api/auth/login`.
     */
    post: operations['AuthController_startSession'];
    /**
     * Signs out: the token sent (as a bearer token, or else in the session cookie) stops working
     *     for good, in every API process, and the session and CSRF cookies are cleared. Without a
     *     valid token it only clears the cookies.
     */
    delete: operations['AuthController_endSession'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Changes the own password (also the way out of an admin's reset). Every session of the user
     *     ends, this one included; this session goes on with the fresh token of the answer, or, signed
     *     in with the cookie, with renewed cookies. 422 `password.current_wrong` or `password.unchanged`.
     */
    put: operations['AuthController_changePassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user (also while a new password is required). */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists accounts, optionally of one role. */
    get: operations['UsersController_listUsers'];
    put?: never;
    /**
     * Creates an account. Officers need an employment centre; masters may list crafts. Without a
     *     password the account gets a temporary one, returned once as `temporaryPassword`.
     */
    post: operations['UsersController_createUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One account. */
    get: operations['UsersController_getUser'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Changes an account. `active: false` deactivates it; a new password, a new role or a
     *     deactivation makes every token issued before it fail at once.
     */
    patch: operations['UsersController_updateUser'];
    trace?: never;
  };
  '/api/users/{id}/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resets an account's password to a random temporary one, shown in this answer only. Every
     *     session of the user ends; until the user sets a new password (PUT /api/auth/password), every
     *     other route answers them 403 `password.change_required`.
     */
    post: operations['UsersController_resetPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/crafts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The crafts the centre teaches, with names in Kazakh, Russian and English. */
    get: operations['CraftsController_listCrafts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/employment-centers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists employment centres (staff and admin). */
    get: operations['EmploymentCentersController_listEmploymentCenters'];
    put?: never;
    /** Registers an employment centre (admin). */
    post: operations['EmploymentCentersController_createEmploymentCenter'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/employment-centers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Renames an employment centre or changes its region (admin). */
    patch: operations['EmploymentCentersController_updateEmploymentCenter'];
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Audit entries, newest first, each with the name of who made it; optionally of one record,
     *     one user, one action, or a period of the centre's days.
     */
    get: operations['AuditController_listAuditEntries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/courses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The catalogue, optionally of one craft or only active courses. */
    get: operations['CoursesController_listCourses'];
    put?: never;
    /** Adds a course to the catalogue. */
    post: operations['CoursesController_createCourse'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/courses/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One course. */
    get: operations['CoursesController_getCourse'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Changes a course; `active: false` retires it. */
    patch: operations['CoursesController_updateCourse'];
    trace?: never;
  };
  '/api/workshops': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workshops by name (Kazakh order), optionally of one craft or only active ones. */
    get: operations['WorkshopsController_listWorkshops'];
    put?: never;
    /** Adds a workshop: a room for one craft with its number of workplaces. */
    post: operations['WorkshopsController_createWorkshop'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workshops/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One workshop. */
    get: operations['WorkshopsController_getWorkshop'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Renames a workshop, changes its craft or workplaces; `active: false` retires it. */
    patch: operations['WorkshopsController_updateWorkshop'];
    trace?: never;
  };
  '/api/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Groups, newest first; a master sees only their own. */
    get: operations['GroupsController_listGroups'];
    put?: never;
    /** Plans a group of a course with its weekly timetable (status `planned`). */
    post: operations['GroupsController_createGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One group with its seats `{capacity, active, waitlisted}` and its certificates
     *     `{issued, pending, failed, revoked}`; a master sees only their own.
     */
    get: operations['GroupsController_getGroup'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Changes code, room, dates, timetable or capacity of a group that has not finished. */
    patch: operations['GroupsController_updateGroup'];
    trace?: never;
  };
  '/api/groups/{id}/master': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Assigns the master; 409 when not qualified for the craft or busy in an overlapping group. */
    put: operations['GroupsController_assignMaster'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/open': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** planned → open: enrollment begins. */
    post: operations['GroupsController_openGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * open → in_progress; needs a master. More than 7 days before the start date it is 422
     *     `group.start_too_early` (`details`: startDate, earliestStart), unless an admin overrides with
     *     `{override: true, reason}` (audited).
     */
    post: operations['GroupsController_startGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * in_progress → completed: completes the trainees whose attendance reaches the course's
     *     threshold, fails the other active ones, withdraws the waitlist, writes the certificates for the worker. Before
     *     the last planned lesson has taken place it is 422 `group.completion_too_early`, while a lesson
     *     that took place is unmarked 422 `group.lessons_unmarked` (`details`: planned, held, unmarked,
     *     lastLessonDate); an admin may override with `{override: true, reason}` (audited).
     */
    post: operations['GroupsController_completeGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/completion-preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What completing the group would do, for the confirmation before it: lessons planned, held
     *     and unmarked, the refusal completion would answer now (if any), and the active trainees whose
     *     attendance is below the course's threshold (they would fail).
     */
    get: operations['GroupsController_previewCompletion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Undoes a completion (admin, within 24 hours of it, with a reason): the group is in progress
     *     again, its completed and failed trainees active again, its certificates revoked with the
     *     reason (their numbers are never reused; completing again issues new ones). After 24 hours it
     *     is 422 `group.reopen_window_passed`.
     */
    post: operations['GroupsController_reopenGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/certificates/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revokes every certificate of the group that is not revoked yet (admin), with one reason. */
    post: operations['GroupsController_revokeGroupCertificates'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/certificates/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every issued (not revoked) certificate of the group in one PDF, one page each, to print at
     *     once; 409 when there is none. Up to 8 drawn inline; more are prepared by the worker: 202
     *     with the document to ask for at `/api/documents/:id`, or the PDF when one is ready.
     */
    get: operations['GroupsController_groupCertificatesPdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Queues every missing or failed certificate of the group: a completed trainee without a
     *     certificate gets one (pending, the next number), failed ones are retried. Returns the counts;
     *     the group's `certificates` show the progress.
     */
    post: operations['GroupsController_queueGroupCertificates'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Any unfinished status → cancelled; its trainees are withdrawn. */
    post: operations['GroupsController_cancelGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/enrollments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The roster: active trainees, then the waitlist in order, then the others. */
    get: operations['GroupsController_listGroupEnrollments'];
    put?: never;
    /**
     * Enrolls a trainee: `active` while seats remain, else `waitlisted` with a position. Never more
     *     active trainees than the capacity, whatever the concurrency.
     */
    post: operations['GroupsController_enrollTrainee'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active masters with their crafts and unfinished groups, optionally of one craft. */
    get: operations['MastersController_listMasters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainees': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Finds trainees by part of a name or by IIN; IINs are masked in the list. */
    get: operations['TraineesController_listTrainees'];
    put?: never;
    /** Registers a trainee; birth date and sex come from the IIN; `consent: true` is required. */
    post: operations['TraineesController_createTrainee'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainees/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One trainee, the IIN masked (`POST /api/trainees/:id/iin` shows it whole). */
    get: operations['TraineesController_viewTrainee'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Changes names, contacts, categories or guardian, or records consent again (the IIN never changes). */
    patch: operations['TraineesController_updateTrainee'];
    trace?: never;
  };
  '/api/trainees/{id}/iin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The whole IIN, for staff who need it; each request is written to the audit log. */
    post: operations['TraineesController_revealIin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrollments/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraws an active or waitlisted trainee; the first on the waitlist takes a freed seat, and
     *     the answer names who moved up, with the phones to call.
     */
    post: operations['EnrollmentsController_withdrawEnrollment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainees/{id}/enrollments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The trainee's enrollments in every group, with status and attendance rate. */
    get: operations['TraineeEnrollmentsController_listTraineeEnrollments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/waitlist-promotions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Trainees moved up from a waitlist whom nobody has yet confirmed calling, oldest first. */
    get: operations['WaitlistPromotionsController_listUnacknowledgedPromotions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/waitlist-promotions/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The trainee was called: the promotion leaves the list, with who did it (audited). */
    post: operations['WaitlistPromotionsController_acknowledgePromotion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/lessons/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's lessons from `from` to `to` (default: the last and the coming week), across the
     *     caller's unfinished groups, each with its group, the last day it may be marked and, when it
     *     may not be marked now, why; with today's date in the centre's time zone.
     */
    get: operations['LessonsController_listMyLessons'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/lessons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The group's lessons in date order, each saying whether attendance is marked. */
    get: operations['LessonsController_listGroupLessons'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/lessons/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Marks a lesson: one mark per active trainee (present, late, absent, excused). The group's
     *     master, from the lesson's start to the end of the 7th day after it; staff and admin with a
     *     reason. Sending the marks again replaces them.
     */
    put: operations['LessonsController_markAttendance'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The attendance sheet: trainees × lessons, as JSON, as CSV (UTF-8 with BOM) for Excel, or as
     *     the printed journal (`format=pdf`: A4 landscape, Kazakh and Russian headings, IINs masked,
     *     a letter per mark, totals, signature lines; lesson columns continue on further pages).
     *     A journal of more than 60 lessons is prepared by the worker: 202 with the document to ask
     *     for at `/api/documents/:id` (see Location), or the PDF when one of the same data is ready.
     */
    get: operations['LessonsController_attendanceSheet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrollments/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Completes an active enrollment when attendance reaches the course's threshold, else 422 with
     *     the rate and the threshold. `override` (admin, with a reason) completes it anyway.
     */
    post: operations['LessonsController_completeEnrollment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/holidays': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The centre's holidays (no lessons on them), optionally of one year. */
    get: operations['HolidaysController_listHolidays'];
    put?: never;
    /** Adds a holiday; future unmarked lessons on that day disappear. */
    post: operations['HolidaysController_addHoliday'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/holidays/{date}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Removes a holiday; the lessons of that day come back for groups still to hold them. */
    delete: operations['HolidaysController_removeHoliday'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Certificates, newest number first, optionally of one group, trainee or status. */
    get: operations['CertificatesController_listCertificates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One certificate. */
    get: operations['CertificatesController_getCertificate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The certificate's PDF, named after its number (staff; the officer whose centre referred the
     *     holder). A revoked certificate comes with a large diagonal stamp "REVOKED · КҮШІ ЖОЙЫЛДЫ ·
     *     АННУЛИРОВАН" over the page; the header `x-certificate-status` names the status.
     */
    get: operations['CertificatesController_downloadCertificatePdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revokes a certificate (admin, with a reason); verification then says it is not valid. */
    post: operations['CertificatesController_revokeCertificate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}/reissue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reissues a certificate (admin, with a reason): the old one is revoked and names its
     *     replacement (`replacedBy`, also in the public check); the replacement takes the next number
     *     and is rendered from the current data by the worker. Returns the replacement.
     */
    post: operations['CertificatesController_reissueCertificate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/certificates/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Verifies a certificate by the code of its QR code, without signing in: the holder's name and
     *     the certificate's facts, `valid: false` with the status for revoked, pending or unknown codes.
     */
    get: operations['PublicCertificatesController_verifyCertificate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A document the worker prepares (a large journal or set of certificates): the PDF when ready,
     *     202 with its state while pending, 409 `document.failed` when it failed (ask the group's route
     *     again). A master sees only the journal of a group they teach.
     */
    get: operations['DocumentsController_readDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/referrals/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What changed in the own centre's referrals since the officer last looked: accepted,
     *     enrolled, rejected, dropped, completed, certificate issued.
     */
    get: operations['ReferralChangesController_changesSinceLastLook'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/referrals/changes/seen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** The officer has seen the changes (up to `until`, the moment the list was read). */
    put: operations['ReferralChangesController_recordLook'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/referrals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Referrals with their enrollment, attendance, certificate and outcome; IINs masked. */
    get: operations['ReferralsController_listReferrals'];
    put?: never;
    /** Refers a job seeker to a craft (officer); the person's IIN is checked as for trainees. */
    post: operations['ReferralsController_createReferral'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/referrals/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Counts by status, craft and outcome, the completion and employment rates, and the rows of a
     *     period, as JSON, CSV (UTF-8 with BOM) or XLSX; the files' headers are in `lang` or the
     *     request's language. Each format is written as its rows are read, so a failure after the
     *     first bytes ends the download unfinished instead of answering with an error.
     */
    get: operations['ReferralsController_referralReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/referrals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One referral with the whole IIN; every view is audited. */
    get: operations['ReferralsController_viewReferral'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/referrals/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Intake (staff): finds or registers the trainee by IIN and, with `groupId`, enrolls into that
     *     group of the referred craft (a waitlisted place counts as enrolled).
     */
    post: operations['ReferralsController_acceptReferral'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/referrals/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refuses a referral that is not enrolled yet (staff, with a reason). */
    post: operations['ReferralsController_rejectReferral'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/referrals/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The officer withdraws the referral before the person is enrolled. */
    post: operations['ReferralsController_cancelReferral'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/referrals/{id}/outcome': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** What became of the person after training completed or was dropped. */
    put: operations['ReferralsController_recordOutcome'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 200 with the state of PostgreSQL and Redis, or 503 with the same body when either is down.
     *     A Redis that may evict keys is up but not ok: 200 with `degraded: true` (README, Health), so
     *     that a load balancer keeps the API in service while monitoring raises it.
     */
    get: operations['HealthController_checkHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    LoginDto: {
      email: string;
      password: string;
    };
    SessionUserView: {
      id: string;
      email: string;
      fullName: string;
      /** @enum {string} */
      role: 'master' | 'admin' | 'staff' | 'officer';
      employmentCenterId: string | null;
      /** @description After an admin's reset: until the user sets a new password, other routes answer 403. */
      passwordChangeRequired: boolean;
    };
    LoginResultView: {
      /** @description Send as `Authorization: Bearer <accessToken>`. */
      accessToken: string;
      /** @description Seconds until the token expires. */
      expiresIn: number;
      user: components['schemas']['SessionUserView'];
    };
    SessionView: {
      /** @description Seconds until the session ends. */
      expiresIn: number;
      user: components['schemas']['SessionUserView'];
    };
    ChangePasswordDto: {
      currentPassword: string;
      /** @description At least 10 characters, and not the current password. */
      newPassword: string;
    };
    PasswordChangedView: {
      /**
       * @description The fresh bearer token of this session: the old one, and every other of the user, has
       *     stopped working. Absent when the request came with the session cookie, which is renewed.
       */
      accessToken?: string;
      /** @description Seconds until the new token expires. */
      expiresIn: number;
      user: components['schemas']['SessionUserView'];
    };
    CreateUserDto: {
      /**
       * Format: email
       * @description Sign-in email; compared without regard to case.
       */
      email: string;
      /**
       * @description At least 10 characters. Left out, the account gets a temporary password, returned once as
       *     `temporaryPassword`, that the user must replace at the first sign-in.
       */
      password?: string;
      /** @description The person's full name as it appears on documents. */
      fullName: string;
      /** @enum {string} */
      role: 'admin' | 'staff' | 'master' | 'officer';
      /** @description For masters: the crafts they are qualified to teach (craft codes). */
      crafts?: string[];
      /**
       * Format: uuid
       * @description For officers: the employment centre they work for.
       */
      employmentCenterId?: string;
    };
    CreatedUserView: {
      /** @description Shown once: give it to the user, who must replace it at the first sign-in. */
      temporaryPassword?: string;
      id: string;
      email: string;
      fullName: string;
      /** @enum {string} */
      role: 'master' | 'admin' | 'staff' | 'officer';
      active: boolean;
      /** @description Craft codes, for masters. */
      crafts: string[];
      employmentCenterId: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    UserView: {
      id: string;
      email: string;
      fullName: string;
      /** @enum {string} */
      role: 'master' | 'admin' | 'staff' | 'officer';
      active: boolean;
      /** @description Craft codes, for masters. */
      crafts: string[];
      employmentCenterId: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    UpdateUserDto: {
      /**
       * @description At least 10 characters. Left out, the account gets a temporary password, returned once as
       *     `temporaryPassword`, that the user must replace at the first sign-in.
       */
      password?: string;
      /** @description The person's full name as it appears on documents. */
      fullName?: string;
      /** @enum {string} */
      role?: 'admin' | 'staff' | 'master' | 'officer';
      /** @description For masters: the crafts they are qualified to teach (craft codes). */
      crafts?: string[];
      /**
       * Format: uuid
       * @description For officers: the employment centre they work for.
       */
      employmentCenterId?: string;
      /** @description `false` deactivates the account: its tokens stop working at once. */
      active?: boolean;
    };
    TemporaryPasswordView: {
      /** @description Shown once: give it to the user, who must replace it at the next sign-in. */
      temporaryPassword: string;
    };
    CraftNamesView: {
      kk: string;
      ru: string;
      en: string;
    };
    CraftView: {
      code: string;
      name: components['schemas']['CraftNamesView'];
    };
    CreateEmploymentCenterDto: {
      /**
       * @description The centre's name, e.g. "Қарағанды қаласының жұмыспен қамту орталығы"; shown in every
       *     language whose own name (nameKk, nameRu, nameEn) is not given.
       */
      name: string;
      /** @description The name in Kazakh; null or left out: `name`. */
      nameKk?: string | null;
      /** @description The name in Russian; null or left out: `name`. */
      nameRu?: string | null;
      /** @description The name in English; null or left out: `name`. */
      nameEn?: string | null;
      /** @description The region it serves, e.g. "Karaganda region". */
      region: string;
    };
    EmploymentCenterNamesView: {
      kk: string;
      ru: string;
      en: string;
    };
    EmploymentCenterView: {
      id: string;
      name: components['schemas']['EmploymentCenterNamesView'];
      names: {
        given: string;
        kk: string | null;
        ru: string | null;
        en: string | null;
      };
      region: string;
      /** Format: date-time */
      createdAt: string;
    };
    UpdateEmploymentCenterDto: {
      /**
       * @description The centre's name, e.g. "Қарағанды қаласының жұмыспен қамту орталығы"; shown in every
       *     language whose own name (nameKk, nameRu, nameEn) is not given.
       */
      name?: string;
      /** @description The name in Kazakh; null or left out: `name`. */
      nameKk?: string | null;
      /** @description The name in Russian; null or left out: `name`. */
      nameRu?: string | null;
      /** @description The name in English; null or left out: `name`. */
      nameEn?: string | null;
      /** @description The region it serves, e.g. "Karaganda region". */
      region?: string;
    };
    AuditEntryView: {
      /** @description The changed fields, as `{ field: value }` or `{ field: { from, to } }`; never a secret. */
      changes: {
        [key: string]: unknown;
      };
      id: string;
      /** Format: date-time */
      at: string;
      /** @description The user who made the change; null for the system (migrations, seed, command line). */
      actorId: string | null;
      /** @description That user's name, while the account exists. */
      actorName: string | null;
      actorRole: string;
      /** @description What was done: create, update, delete, view, or a domain verb such as enroll. */
      action: string;
      /** @description The kind of record, e.g. `user`, `group`, `enrollment`. */
      entity: string;
      entityId: string;
      requestId: string | null;
    };
    CreateCourseDto: {
      /** @description Craft code, e.g. `pottery` (see GET /api/crafts). */
      craft: string;
      /** @description Title in Kazakh or Russian, stored as given. */
      title: string;
      description?: string | null;
      /** @description Total hours of the course. */
      hours: number;
      /** @description Attendance needed to complete, in percent (default 80). */
      minAttendancePercent?: number;
    };
    CourseView: {
      id: string;
      /** @description Craft code. */
      craft: string;
      title: string;
      description: string | null;
      hours: number;
      minAttendancePercent: number;
      /** @description `false` when retired. */
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    UpdateCourseDto: {
      /** @description Craft code, e.g. `pottery` (see GET /api/crafts). */
      craft?: string;
      /** @description Title in Kazakh or Russian, stored as given. */
      title?: string;
      description?: string | null;
      /** @description Total hours of the course. */
      hours?: number;
      /** @description Attendance needed to complete, in percent (default 80). */
      minAttendancePercent?: number;
      /** @description `false` retires the course: no new groups. */
      active?: boolean;
    };
    CreateWorkshopDto: {
      /** @description As the centre calls it, e.g. "Зергерлік шеберхана №1"; unique whatever the letters' case. */
      name: string;
      /** @description The craft taught there (see GET /api/crafts): only groups of its courses are held in it. */
      craft: string;
      /** @description How many trainees can work there at once (1–30): no group held there is larger. */
      workplaces: number;
    };
    WorkshopView: {
      id: string;
      name: string;
      /** @description Craft code. */
      craft: string;
      workplaces: number;
      /** @description `false` when retired. */
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    UpdateWorkshopDto: {
      /** @description As the centre calls it, e.g. "Зергерлік шеберхана №1"; unique whatever the letters' case. */
      name?: string;
      /** @description The craft taught there (see GET /api/crafts): only groups of its courses are held in it. */
      craft?: string;
      /** @description How many trainees can work there at once (1–30): no group held there is larger. */
      workplaces?: number;
      /** @description `false` retires the workshop: chosen for no new group; `true` brings it back. */
      active?: boolean;
    };
    ScheduleSlotDto: {
      /** @description ISO weekday: Monday = 1 … Sunday = 7. */
      weekday: number;
      /** @description Local time of the centre, `HH:mm`. */
      startTime: string;
      /** @description Local time of the centre, `HH:mm`, later than startTime. */
      endTime: string;
    };
    CreateGroupDto: {
      /** Format: uuid */
      courseId: string;
      /** @description Unique code, e.g. `JW-2026-03` (letters, digits and dashes; stored upper-case). */
      code: string;
      /**
       * Format: uuid
       * @description The workshop it is held in (GET /api/workshops): active, of the course's craft, with a
       *     workplace for each seat and free at the group's times; null or left out: none yet.
       */
      workshopId?: string | null;
      startDate: string;
      /** @description On or after startDate. */
      endDate: string;
      /** @description The weekly lessons, 1 to 14 slots. */
      schedule: components['schemas']['ScheduleSlotDto'][];
      /** @description 1 to 8 trainees (default 8). */
      capacity?: number;
    };
    GroupMasterView: {
      id: string;
      fullName: string;
    };
    GroupWorkshopView: {
      id: string;
      name: string;
      workplaces: number;
    };
    SeatsView: {
      capacity: number;
      active: number;
      waitlisted: number;
    };
    GroupView: {
      id: string;
      code: string;
      courseId: string;
      course: {
        id: string;
        title: string;
        craft: string;
        hours: number;
      };
      masterId: string | null;
      master: components['schemas']['GroupMasterView'] | null;
      /** @description Where it is held, or null. */
      workshop: components['schemas']['GroupWorkshopView'] | null;
      startDate: string;
      endDate: string;
      schedule: components['schemas']['ScheduleSlotDto'][];
      capacity: number;
      /** @enum {string} */
      status: 'planned' | 'open' | 'in_progress' | 'completed' | 'cancelled';
      seats: components['schemas']['SeatsView'];
      /**
       * Format: date-time
       * @description When it last moved to `completed` (an admin may reopen it within 24 hours); else null.
       */
      completedAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    GroupCertificateCounts: {
      issued: number;
      pending: number;
      failed: number;
      revoked: number;
    };
    GroupDetailView: {
      id: string;
      code: string;
      courseId: string;
      course: {
        id: string;
        title: string;
        craft: string;
        hours: number;
      };
      masterId: string | null;
      master: components['schemas']['GroupMasterView'] | null;
      /** @description Where it is held, or null. */
      workshop: components['schemas']['GroupWorkshopView'] | null;
      startDate: string;
      endDate: string;
      schedule: components['schemas']['ScheduleSlotDto'][];
      capacity: number;
      /** @enum {string} */
      status: 'planned' | 'open' | 'in_progress' | 'completed' | 'cancelled';
      seats: components['schemas']['SeatsView'];
      /**
       * Format: date-time
       * @description When it last moved to `completed` (an admin may reopen it within 24 hours); else null.
       */
      completedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      certificates: components['schemas']['GroupCertificateCounts'];
    };
    UpdateGroupDto: {
      code?: string;
      /**
       * Format: uuid
       * @description The workshop it is held in (GET /api/workshops): active, of the course's craft, with a
       *     workplace for each seat and free at the group's times; null or left out: none yet.
       */
      workshopId?: string | null;
      startDate?: string;
      endDate?: string;
      schedule?: components['schemas']['ScheduleSlotDto'][];
      /** @description 1 to 8; raising it moves trainees up from the waitlist. */
      capacity?: number;
    };
    AssignMasterDto: {
      /** Format: uuid */
      masterId: string;
    };
    GroupTransitionDto: {
      /** @description Admin only: start more than a week early, or complete before the training is over. */
      override?: boolean;
      /** @description Required with `override`; kept in the audit log. */
      reason?: string;
    };
    BelowThresholdView: {
      enrollmentId: string;
      trainee: {
        lastName: string;
        firstName: string;
        patronymic: string | null;
      };
      /** @description 0–1; null when no lesson counts yet. */
      attendanceRate: number | null;
    };
    CompletionPreviewView: {
      endDate: string;
      /**
       * @description The code completion would answer 422 with (an admin may override), or null.
       * @enum {string|null}
       */
      refusal: 'group.completion_too_early' | 'group.lessons_unmarked' | null;
      /** @description The course's minimum attendance, percent; null when the group has no trainees. */
      thresholdPercent: number | null;
      /** @description Active trainees. */
      active: number;
      /** @description Active trainees who would complete. */
      eligible: number;
      /** @description Active trainees who would fail: attendance below the course's threshold. */
      belowThreshold: components['schemas']['BelowThresholdView'][];
      /** @description Lessons of the timetable. */
      planned: number;
      /** @description Lessons that have taken place (started), marked or not. */
      held: number;
      /** @description Lessons that have taken place without any attendance mark. */
      unmarked: number;
      /** @description The date of the last planned lesson; null when the group has none. */
      lastLessonDate: string | null;
    };
    ReopenGroupDto: {
      reason: string;
    };
    RevokeCertificateDto: {
      reason: string;
    };
    GroupCertificatesRevokedView: {
      /** @description Numbers of the certificates revoked now. */
      revoked: string[];
      certificates: components['schemas']['GroupCertificateCounts'];
    };
    DocumentView: {
      id: string;
      /** @enum {string} */
      kind: 'attendance_journal' | 'group_certificates';
      groupId: string;
      /** @enum {string} */
      status: 'ready' | 'failed' | 'pending';
      /** @description Why the last attempt failed; null unless `failed`. */
      failureReason: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      finishedAt: string | null;
    };
    GroupCertificatesQueuedView: {
      /** @description Completed enrollments that had no certificate and now have one, pending. */
      created: number;
      /** @description Failed certificates put back to pending. */
      retried: number;
      /** @description Pending certificates queued for the worker (the two above included). */
      queued: number;
      /** @description False when Redis could not be reached: the worker's sweeper queues them later. */
      queuedNow: boolean;
      certificates: components['schemas']['GroupCertificateCounts'];
    };
    EnrollTraineeDto: {
      /** Format: uuid */
      traineeId: string;
    };
    EnrollmentResultView: {
      id: string;
      /** @enum {string} */
      status: 'active' | 'completed' | 'waitlisted' | 'withdrawn' | 'failed';
      /** @description 1, 2, 3 … when waitlisted; null when active. */
      waitlistPosition: number | null;
    };
    RosterEntryView: {
      id: string;
      traineeId: string;
      trainee: {
        lastName: string;
        firstName: string;
        patronymic: string | null;
      };
      /** @enum {string} */
      status: 'active' | 'completed' | 'waitlisted' | 'withdrawn' | 'failed';
      waitlistPosition: number | null;
      /** @description (present + late) / (lessons held − excused), 0–1; null before any lesson is marked. */
      attendanceRate: number | null;
      /** Format: date-time */
      statusChangedAt: string;
    };
    MasterView: {
      id: string;
      fullName: string;
      email: string;
      crafts: string[];
      currentGroups: {
        id: string;
        code: string;
        /** @enum {string} */
        status: 'planned' | 'open' | 'in_progress' | 'completed' | 'cancelled';
        startDate: string;
        endDate: string;
      }[];
    };
    CreateTraineeDto: {
      /** @description Individual identification number; birth date and sex are read from it. */
      iin: string;
      lastName: string;
      firstName: string;
      patronymic?: string | null;
      phone?: string | null;
      /** Format: email */
      email?: string | null;
      categories?: ('job_seeker' | 'disability' | 'orphan' | 'pensioner' | 'youth')[];
      /** @description Consent to the processing of personal data: must be true; its date is recorded. */
      consent: boolean;
      /** @description Required for a trainee under 18. */
      guardianName?: string | null;
      /** @description Required for a trainee under 18. */
      guardianPhone?: string | null;
    };
    TraineeView: {
      id: string;
      /** @description Masked (`********1234`) except in the answer to registering; `POST /api/trainees/:id/iin` shows it whole. */
      iin: string;
      lastName: string;
      firstName: string;
      patronymic: string | null;
      birthDate: string;
      /** @enum {string} */
      sex: 'male' | 'female';
      phone: string | null;
      email: string | null;
      categories: string[];
      consent: boolean;
      /** Format: date-time */
      consentAt: string;
      guardianName: string | null;
      guardianPhone: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    TraineeListItemView: {
      id: string;
      /** @description Masked: `********1234`. */
      iin: string;
      lastName: string;
      firstName: string;
      patronymic: string | null;
      birthDate: string;
    };
    TraineeIinView: {
      iin: string;
    };
    UpdateTraineeDto: {
      lastName?: string;
      firstName?: string;
      patronymic?: string | null;
      phone?: string | null;
      /** Format: email */
      email?: string | null;
      categories?: ('job_seeker' | 'disability' | 'orphan' | 'pensioner' | 'youth')[];
      /** @description Required for a trainee under 18. */
      guardianName?: string | null;
      /** @description Required for a trainee under 18. */
      guardianPhone?: string | null;
      /** @description `true` records consent given again (a newly signed form): its date becomes now. */
      consent?: boolean;
    };
    WithdrawEnrollmentDto: {
      /** @description Why the trainee leaves, for the record. */
      reason: string;
    };
    PromotedTraineeView: {
      id: string;
      lastName: string;
      firstName: string;
      patronymic: string | null;
      phone: string | null;
      guardianName: string | null;
      guardianPhone: string | null;
    };
    PromotionGroupView: {
      id: string;
      code: string;
    };
    WaitlistPromotionView: {
      /**
       * @description The enrollment's status now (it may have been withdrawn since).
       * @enum {string}
       */
      enrollmentStatus: 'active' | 'waitlisted' | 'withdrawn' | 'completed' | 'failed';
      id: string;
      /** Format: date-time */
      promotedAt: string;
      enrollmentId: string;
      trainee: components['schemas']['PromotedTraineeView'];
      group: components['schemas']['PromotionGroupView'];
      /** Format: date-time */
      acknowledgedAt: string | null;
      /** @description The full name of who acknowledged it. */
      acknowledgedBy: string | null;
    };
    WithdrawalView: {
      id: string;
      /** @enum {string} */
      status: 'active' | 'completed' | 'waitlisted' | 'withdrawn' | 'failed';
      /** @description 1, 2, 3 … when waitlisted; null when active. */
      waitlistPosition: number | null;
      promoted: components['schemas']['WaitlistPromotionView'][];
    };
    TraineeEnrollmentView: {
      id: string;
      group: {
        id: string;
        code: string;
        startDate: string;
        endDate: string;
      };
      course: {
        title: string;
        craft: string;
      };
      /** @enum {string} */
      status: 'active' | 'completed' | 'waitlisted' | 'withdrawn' | 'failed';
      waitlistPosition: number | null;
      /** @description (present + late) / (lessons held − excused), 0–1; null before any lesson is marked. */
      attendanceRate: number | null;
      /** Format: date-time */
      statusChangedAt: string;
    };
    MyLessonView: {
      /**
       * @description Whether the master may mark it now: `not_started`, `open` (up to 7 days after) or `closed`.
       * @enum {string}
       */
      markingWindow: 'not_started' | 'open' | 'closed';
      /**
       * @description Why the master may not mark it now, as the code `PUT /api/lessons/:id/attendance` would
       *     refuse with (a group not yet opened, for one); null when the master may.
       * @enum {string|null}
       */
      refusal: 'lesson.not_started' | 'lesson.marking_window_closed' | 'group.not_running' | null;
      /** @description The last day (the centre's calendar) on which the master may mark or correct it. */
      markableUntil: string;
      group: {
        id: string;
        code: string;
        status: string;
        workshop: string | null;
        course: {
          title?: string;
          craft?: string;
        };
      };
      id: string;
      date: string;
      startTime: string;
      endTime: string;
      /** Format: date-time */
      startsAt: string;
      /** Format: date-time */
      endsAt: string;
      /** @description Whether attendance has been marked. */
      marked: boolean;
    };
    MyLessonsView: {
      items: components['schemas']['MyLessonView'][];
      total: number;
      /** @description Today in the centre's time zone, so that a phone elsewhere groups the days as the centre does. */
      today: string;
      /** @description The first and last day covered (the defaults filled in). */
      from: string;
      to: string;
    };
    LessonView: {
      id: string;
      date: string;
      startTime: string;
      endTime: string;
      /** Format: date-time */
      startsAt: string;
      /** Format: date-time */
      endsAt: string;
      /** @description Whether attendance has been marked. */
      marked: boolean;
    };
    AttendanceMarkDto: {
      /** Format: uuid */
      enrollmentId: string;
      /** @enum {string} */
      status: 'present' | 'late' | 'absent' | 'excused';
      /** @description Trimmed; blank becomes null. */
      note?: string | null;
    };
    MarkAttendanceDto: {
      /**
       * @description One mark for every active trainee of the group. Staff correcting a lesson that already has
       *     marks send only the marks they change (also of a trainee who has left since).
       */
      marks: components['schemas']['AttendanceMarkDto'][];
      /** @description Required when staff or admin correct a lesson. */
      reason?: string;
    };
    AttendanceSheetLessonView: {
      id: string;
      date: string;
      startTime: string;
      endTime: string;
      /**
       * Format: date-time
       * @description When it starts: marks are taken from then on.
       */
      startsAt: string;
    };
    AttendanceSheetRowView: {
      /** @description Lesson id → mark; lessons without a mark for this trainee are absent from the map. */
      marks: {
        [key: string]: 'present' | 'late' | 'absent' | 'excused';
      };
      /** @description Lesson id → the note of that mark; marks without a note are absent from the map. */
      notes: {
        [key: string]: string;
      };
      enrollmentId: string;
      trainee: {
        lastName: string;
        firstName: string;
        patronymic: string | null;
      };
      /** @enum {string} */
      status: 'active' | 'completed' | 'waitlisted' | 'withdrawn' | 'failed';
      /** @description (present + late) / (lessons held − excused), 0–1; null before any lesson is marked. */
      attendanceRate: number | null;
    };
    AttendanceSheetView: {
      group: {
        id: string;
        code: string;
      };
      lessons: components['schemas']['AttendanceSheetLessonView'][];
      rows: components['schemas']['AttendanceSheetRowView'][];
    };
    CompleteEnrollmentDto: {
      /** @description Admin only: complete although the attendance is below the course's threshold. */
      override?: boolean;
      /** @description Required with `override`. */
      reason?: string;
    };
    HolidayView: {
      /** @description `YYYY-MM-DD`. */
      date: string;
      nameKk: string;
      nameRu: string;
      nameEn: string;
    };
    CreateHolidayDto: {
      date: string;
      nameKk: string;
      nameRu: string;
      nameEn: string;
    };
    CertificateReplacementView: {
      id: string;
      number: string;
    };
    CertificateView: {
      id: string;
      number: string;
      /** @enum {string} */
      status: 'revoked' | 'failed' | 'pending' | 'issued';
      verificationCode: string;
      enrollmentId: string;
      traineeId: string;
      groupId: string;
      holder: string;
      /** Format: date-time */
      issuedAt: string | null;
      /** Format: date-time */
      revokedAt: string | null;
      revokeReason: string | null;
      /** @description The certificate reissued in this one's place (this one is then revoked). */
      replacedBy: components['schemas']['CertificateReplacementView'] | null;
      failureReason: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    ReissueCertificateDto: {
      reason: string;
    };
    PublicCertificateView: {
      valid: boolean;
      /** @enum {string} */
      status: 'unknown' | 'revoked' | 'failed' | 'pending' | 'issued';
      number?: string;
      holder?: string;
      course?: string;
      craft?: {
        kk: string;
        ru: string;
        en: string;
      };
      hours?: number;
      /** Format: date-time */
      issuedAt?: string | null;
      /** Format: date-time */
      revokedAt?: string | null;
      /** @description The number of the certificate that replaced a reissued one; null when none did. */
      replacedBy?: string | null;
    };
    ReferralChangePersonView: {
      lastName: string;
      firstName: string;
      patronymic: string | null;
    };
    ReferralChangeView: {
      /** @enum {string} */
      change: 'accepted' | 'enrolled' | 'rejected' | 'dropped' | 'completed' | 'certificate_issued';
      referralId: string;
      number: string;
      person: components['schemas']['ReferralChangePersonView'];
      /** Format: date-time */
      at: string;
      /** @description The group of the enrollment, when there is one. */
      groupCode: string | null;
      /** @description For `certificate_issued`. */
      certificateNumber: string | null;
    };
    ReferralChangesView: {
      /**
       * Format: date-time
       * @description When the officer last marked the changes as seen; null when never.
       */
      lastLookedAt: string | null;
      /**
       * Format: date-time
       * @description The changes are those after this moment (the last look, or 30 days back when never).
       */
      since: string;
      /**
       * Format: date-time
       * @description The moment the list was read: send it back to mark exactly these as seen.
       */
      until: string;
      total: number;
      items: components['schemas']['ReferralChangeView'][];
    };
    RecordReferralLookDto: {
      /** @description The `until` of the list the officer saw (ISO 8601 date and time); now when left out. */
      until?: string;
    };
    ReferralLookView: {
      /** Format: date-time */
      lastLookedAt: string;
    };
    ReferredPersonDto: {
      /** @description Individual identification number; birth date and sex are read from it. */
      iin: string;
      lastName: string;
      firstName: string;
      patronymic?: string | null;
      phone?: string | null;
      categories?: ('job_seeker' | 'disability' | 'orphan' | 'pensioner' | 'youth')[];
    };
    CreateReferralDto: {
      /** @description The employment centre's own document number (unique within the centre). */
      number: string;
      person: components['schemas']['ReferredPersonDto'];
      /** @description Craft code, e.g. `felt` (see GET /api/crafts). */
      craft: string;
      /**
       * Format: uuid
       * @description A preferred course of that craft, if the officer has one in mind.
       */
      courseId?: string | null;
      note?: string | null;
    };
    ReferredPersonView: {
      /** @description Whole in the single-referral view; `********1234` in lists and reports. */
      iin: string;
      lastName: string;
      firstName: string;
      patronymic: string | null;
      phone: string | null;
      categories: string[];
    };
    ReferralCourseView: {
      id: string;
      title: string;
    };
    ReferralEnrollmentView: {
      /** @enum {string} */
      status: 'active' | 'waitlisted' | 'withdrawn' | 'completed' | 'failed';
      id: string;
      waitlistPosition: number | null;
      /** @description (present + late) / (lessons held − excused), 0..1; null before anything is marked. */
      attendanceRate: number | null;
      group: {
        id: string;
        code: string;
        startDate: string;
        endDate: string;
      };
    };
    ReferralCertificateView: {
      /** @enum {string} */
      status: 'pending' | 'issued' | 'failed' | 'revoked';
      id: string;
      number: string;
    };
    ReferralOutcomeView: {
      /** @enum {string} */
      outcome: 'employed' | 'self_employed' | 'centre_workshop' | 'unemployed' | 'further_training';
      date: string;
      note: string | null;
    };
    ReferralView: {
      /**
       * @description Why, when the system decided (a cancelled or completed group, too little attendance).
       * @enum {string|null}
       */
      statusReasonCode:
        | 'group_cancelled'
        | 'group_completed'
        | 'attendance_below_threshold'
        | 'group_reopened'
        | null;
      id: string;
      number: string;
      employmentCenter: {
        id: string;
        name: components['schemas']['EmploymentCenterNamesView'];
      };
      person: components['schemas']['ReferredPersonView'];
      craft: string;
      course: components['schemas']['ReferralCourseView'] | null;
      note: string | null;
      /** @enum {string} */
      status:
        'completed' | 'cancelled' | 'submitted' | 'accepted' | 'enrolled' | 'rejected' | 'dropped';
      /** @description Why it was rejected, cancelled or dropped, as a person typed it. */
      statusReason: string | null;
      /** Format: date-time */
      statusChangedAt: string;
      traineeId: string | null;
      enrollment: components['schemas']['ReferralEnrollmentView'] | null;
      certificate: components['schemas']['ReferralCertificateView'] | null;
      outcome: components['schemas']['ReferralOutcomeView'] | null;
      /** Format: date-time */
      createdAt: string;
    };
    ReferralReportTotalsView: {
      /** @description Referral status → how many. */
      byStatus: {
        [key: string]: number;
      };
      /** @description Craft code → how many. */
      byCraft: {
        [key: string]: number;
      };
      /** @description Outcome → how many. */
      byOutcome: {
        [key: string]: number;
      };
      referrals: number;
      /** @description Completed trainings over trainings that ended (completed + dropped); null when none ended. */
      completionRate: number | null;
      /** @description Completed referrals whose outcome is employed, self_employed or centre_workshop. */
      employedAfterCompletion: number;
      /** @description employedAfterCompletion over completed; null when none completed. */
      employmentRate: number | null;
    };
    ReferralReportRowView: {
      id: string;
      number: string;
      /** @description The centre's name in each language. */
      employmentCenter: components['schemas']['EmploymentCenterNamesView'];
      lastName: string;
      firstName: string;
      patronymic: string | null;
      /** @description Masked: `********1234`. */
      iin: string;
      craft: string;
      course: string | null;
      groupCode: string | null;
      startDate: string | null;
      endDate: string | null;
      /** @enum {string} */
      status:
        'completed' | 'cancelled' | 'submitted' | 'accepted' | 'enrolled' | 'rejected' | 'dropped';
      attendanceRate: number | null;
      certificateNumber: string | null;
      certificateStatus: string | null;
      /** @enum {string|null} */
      outcome:
        'employed' | 'self_employed' | 'centre_workshop' | 'unemployed' | 'further_training' | null;
      outcomeDate: string | null;
      referredOn: string;
    };
    ReferralReportView: {
      period: {
        from: string;
        to: string;
      };
      employmentCenterId: string | null;
      totals: components['schemas']['ReferralReportTotalsView'];
      rows: components['schemas']['ReferralReportRowView'][];
    };
    AcceptReferralDto: {
      /**
       * Format: uuid
       * @description The group to enroll into. Without it the referral is accepted and waits for a group.
       */
      groupId?: string;
    };
    RejectReferralDto: {
      reason: string;
    };
    CancelReferralDto: {
      reason?: string | null;
    };
    RecordOutcomeDto: {
      /** @enum {string} */
      outcome: 'employed' | 'self_employed' | 'centre_workshop' | 'unemployed' | 'further_training';
      /** @description When the outcome happened (`YYYY-MM-DD`), not in the future. */
      date: string;
      note?: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResultView'];
        };
      };
      /** @description Wrong email or password, or the account is inactive */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Too many failed attempts (`auth.too_many_attempts`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_startSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionView'];
        };
      };
      /** @description Wrong email or password, or the account is inactive */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Too many failed attempts */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_endSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The token is revoked and the cookies are cleared */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PasswordChangedView'];
        };
      };
      /** @description The current password is wrong, or the new one is the same */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionUserView'];
        };
      };
    };
  };
  UsersController_listUsers: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
        role?: 'admin' | 'staff' | 'master' | 'officer';
        /** @description Only active (`true`) or deactivated (`false`) accounts. */
        active?: boolean;
        /** @description A fragment of the name or the email, in any case. */
        search?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['UserView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  UsersController_createUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedUserView'];
        };
      };
      /** @description A user with this email already exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_getUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
    };
  };
  UsersController_updateUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
    };
  };
  UsersController_resetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemporaryPasswordView'];
        };
      };
    };
  };
  CraftsController_listCrafts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CraftView'][];
        };
      };
    };
  };
  EmploymentCentersController_listEmploymentCenters: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['EmploymentCenterView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  EmploymentCentersController_createEmploymentCenter: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateEmploymentCenterDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmploymentCenterView'];
        };
      };
      /** @description A centre with this name already exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EmploymentCentersController_updateEmploymentCenter: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateEmploymentCenterDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmploymentCenterView'];
        };
      };
      /** @description A centre with this name already exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_listAuditEntries: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
        /** @description Only entries about this kind of record, e.g. `user`. */
        entity?: string;
        /** @description Only entries about this record. */
        entityId?: string;
        /** @description Only entries by this user. */
        actorId?: string;
        /** @description Only entries of this action, e.g. `update` or `reset_password`. */
        action?: string;
        /** @description Only entries from this day on (the centre's calendar), `YYYY-MM-DD`. */
        from?: string;
        /** @description Only entries up to the end of this day (the centre's calendar), `YYYY-MM-DD`. */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AuditEntryView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  CoursesController_listCourses: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
        craft?: string;
        /** @description Only active (`true`) or retired (`false`) courses. */
        active?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CourseView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  CoursesController_createCourse: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCourseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CourseView'];
        };
      };
    };
  };
  CoursesController_getCourse: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CourseView'];
        };
      };
    };
  };
  CoursesController_updateCourse: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCourseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CourseView'];
        };
      };
    };
  };
  WorkshopsController_listWorkshops: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
        /** @description Only the workshops of this craft. */
        craft?: string;
        /** @description Only active (`true`) or retired (`false`) workshops. */
        active?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['WorkshopView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  WorkshopsController_createWorkshop: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWorkshopDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkshopView'];
        };
      };
      /** @description A workshop with this name already exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkshopsController_getWorkshop: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkshopView'];
        };
      };
    };
  };
  WorkshopsController_updateWorkshop: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWorkshopDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkshopView'];
        };
      };
      /** @description The name is taken, or a group held there would no longer fit (named) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GroupsController_listGroups: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
        status?: 'planned' | 'open' | 'in_progress' | 'completed' | 'cancelled';
        courseId?: string;
        /** @description Words of the group's code, course title, craft (in any language) or master's name. */
        search?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['GroupView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  GroupsController_createGroup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateGroupDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupView'];
        };
      };
      /** @description The code is taken, or the course is retired */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GroupsController_getGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupDetailView'];
        };
      };
    };
  };
  GroupsController_updateGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateGroupDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupView'];
        };
      };
    };
  };
  GroupsController_assignMaster: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignMasterDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupView'];
        };
      };
      /** @description Not qualified, or teaching an overlapping group (named) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GroupsController_openGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupView'];
        };
      };
    };
  };
  GroupsController_startGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GroupTransitionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupView'];
        };
      };
      /** @description An override by anyone but an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `group.start_too_early` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GroupsController_completeGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GroupTransitionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupView'];
        };
      };
      /** @description An override by anyone but an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `group.completion_too_early` or `group.lessons_unmarked` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GroupsController_previewCompletion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompletionPreviewView'];
        };
      };
    };
  };
  GroupsController_reopenGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReopenGroupDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupDetailView'];
        };
      };
      /** @description The group is not completed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `group.reopen_window_passed` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GroupsController_revokeGroupCertificates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RevokeCertificateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupCertificatesRevokedView'];
        };
      };
    };
  };
  GroupsController_groupCertificatesPdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A large set being prepared */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': components['schemas']['DocumentView'];
        };
      };
    };
  };
  GroupsController_queueGroupCertificates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupCertificatesQueuedView'];
        };
      };
    };
  };
  GroupsController_cancelGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupView'];
        };
      };
    };
  };
  GroupsController_listGroupEnrollments: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RosterEntryView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  GroupsController_enrollTrainee: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EnrollTraineeDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrollmentResultView'];
        };
      };
      /** @description Already enrolled, overlapping group (named), or group not open */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MastersController_listMasters: {
    parameters: {
      query?: {
        craft?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterView'][];
        };
      };
    };
  };
  TraineesController_listTrainees: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
        /** @description Part of a name (any case, Cyrillic included) or a whole IIN. */
        search?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['TraineeListItemView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  TraineesController_createTrainee: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTraineeDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TraineeView'];
        };
      };
      /** @description A trainee with this IIN exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TraineesController_viewTrainee: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TraineeView'];
        };
      };
    };
  };
  TraineesController_updateTrainee: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTraineeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TraineeView'];
        };
      };
    };
  };
  TraineesController_revealIin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TraineeIinView'];
        };
      };
    };
  };
  EnrollmentsController_withdrawEnrollment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WithdrawEnrollmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WithdrawalView'];
        };
      };
    };
  };
  TraineeEnrollmentsController_listTraineeEnrollments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TraineeEnrollmentView'][];
        };
      };
    };
  };
  WaitlistPromotionsController_listUnacknowledgedPromotions: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['WaitlistPromotionView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  WaitlistPromotionsController_acknowledgePromotion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WaitlistPromotionView'];
        };
      };
      /** @description Someone has already acknowledged it */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LessonsController_listMyLessons: {
    parameters: {
      query?: {
        /** @description First day (the centre's calendar); default a week ago. */
        from?: string;
        /** @description Last day, inclusive; default a week ahead. At most 31 days after `from`. */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MyLessonsView'];
        };
      };
    };
  };
  LessonsController_listGroupLessons: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['LessonView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  LessonsController_markAttendance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MarkAttendanceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LessonsController_attendanceSheet: {
    parameters: {
      query?: {
        format?: 'json' | 'csv' | 'pdf';
        /** @description Language of the CSV's words; defaults to the request's Accept-Language, else Russian. */
        lang?: 'kk' | 'ru' | 'en';
        /** @description `semicolon` for Excel in Kazakh and Russian locales; `comma` by default. */
        delimiter?: 'comma' | 'semicolon';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceSheetView'];
          'text/csv': components['schemas']['AttendanceSheetView'];
          'application/pdf': components['schemas']['AttendanceSheetView'];
        };
      };
      /** @description A large journal being prepared */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DocumentView'];
          'text/csv': components['schemas']['DocumentView'];
          'application/pdf': components['schemas']['DocumentView'];
        };
      };
    };
  };
  LessonsController_completeEnrollment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompleteEnrollmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HolidaysController_listHolidays: {
    parameters: {
      query?: {
        year?:
          | 2000
          | 2001
          | 2002
          | 2003
          | 2004
          | 2005
          | 2006
          | 2007
          | 2008
          | 2009
          | 2010
          | 2011
          | 2012
          | 2013
          | 2014
          | 2015
          | 2016
          | 2017
          | 2018
          | 2019
          | 2020
          | 2021
          | 2022
          | 2023
          | 2024
          | 2025
          | 2026
          | 2027
          | 2028
          | 2029
          | 2030
          | 2031
          | 2032
          | 2033
          | 2034
          | 2035
          | 2036
          | 2037
          | 2038
          | 2039
          | 2040
          | 2041
          | 2042
          | 2043
          | 2044
          | 2045
          | 2046
          | 2047
          | 2048
          | 2049;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HolidayView'][];
        };
      };
    };
  };
  HolidaysController_addHoliday: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateHolidayDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HolidayView'];
        };
      };
    };
  };
  HolidaysController_removeHoliday: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        date: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CertificatesController_listCertificates: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
        groupId?: string;
        traineeId?: string;
        status?: 'pending' | 'issued' | 'failed' | 'revoked';
        /** @description Words of the number or the holder's name, or the first digits of the holder's IIN. */
        search?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CertificateView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  CertificatesController_getCertificate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateView'];
        };
      };
    };
  };
  CertificatesController_downloadCertificatePdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CertificatesController_revokeCertificate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RevokeCertificateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateView'];
        };
      };
    };
  };
  CertificatesController_reissueCertificate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReissueCertificateDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateView'];
        };
      };
    };
  };
  PublicCertificatesController_verifyCertificate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublicCertificateView'];
        };
      };
    };
  };
  DocumentsController_readDocument: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The PDF */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Still being prepared */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': components['schemas']['DocumentView'];
          'application/json': components['schemas']['DocumentView'];
        };
      };
      /** @description No such document, or not the caller’s to see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Preparing it failed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferralChangesController_changesSinceLastLook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralChangesView'];
        };
      };
    };
  };
  ReferralChangesController_recordLook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordReferralLookDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralLookView'];
        };
      };
    };
  };
  ReferralsController_listReferrals: {
    parameters: {
      query?: {
        /** @description How many items to return (1–100). */
        limit?: number;
        /** @description How many items to skip (at most 1 000 000). */
        offset?: number;
        status?:
          | 'submitted'
          | 'accepted'
          | 'enrolled'
          | 'completed'
          | 'rejected'
          | 'cancelled'
          | 'dropped';
        craft?: string;
        /** @description Staff only: one employment centre's referrals. Officers always see their own centre's. */
        employmentCenterId?: string;
        /** @description Only the referrals that led to this trainee (linked at intake). */
        traineeId?: string;
        /** @description Words of the person's name or the centre's number of the referral, or the IIN's first digits. */
        search?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ReferralView'][];
            /** @description How many items match, on all pages. */
            total: number;
          };
        };
      };
    };
  };
  ReferralsController_createReferral: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateReferralDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralView'];
        };
      };
      /** @description The number is taken in this centre, or the person has an open referral */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferralsController_referralReport: {
    parameters: {
      query: {
        format?: 'json' | 'csv' | 'xlsx';
        /** @description First day of the period (`YYYY-MM-DD`, the centre's calendar), by the referral's date. */
        from: string;
        /** @description Last day of the period, inclusive. */
        to: string;
        /** @description Language of the file's headers; defaults to the request's Accept-Language, else Russian. */
        lang?: 'kk' | 'ru' | 'en';
        /** @description CSV only: `semicolon` for Excel in Kazakh and Russian locales; `comma` by default. */
        delimiter?: 'comma' | 'semicolon';
        /** @description Staff only: one employment centre. Officers always get their own centre. */
        employmentCenterId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralReportView'];
          'text/csv': components['schemas']['ReferralReportView'];
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': components['schemas']['ReferralReportView'];
        };
      };
    };
  };
  ReferralsController_viewReferral: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralView'];
        };
      };
      /** @description Unknown, or another centre's referral (officers) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferralsController_acceptReferral: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptReferralDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralView'];
        };
      };
      /** @description The referral is not waiting for intake, or enrolling failed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferralsController_rejectReferral: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RejectReferralDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralView'];
        };
      };
    };
  };
  ReferralsController_cancelReferral: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelReferralDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralView'];
        };
      };
    };
  };
  ReferralsController_recordOutcome: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordOutcomeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralView'];
        };
      };
    };
  };
  HealthController_checkHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description PostgreSQL or Redis is down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
