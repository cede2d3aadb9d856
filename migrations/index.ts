// The migrations in the order they run. `npm run migration:generate` rewrites this list.
import { Foundation1795313600304 } from './1795313600304-Foundation';
import { CoursesGroupsTraineesEnrollments1795316261342 } from './1795316261342-CoursesGroupsTraineesEnrollments';

export const MIGRATIONS = [Foundation1795313600304, CoursesGroupsTraineesEnrollments1795316261342];
