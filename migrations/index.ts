// The migrations in the order they run. `npm run migration:generate` rewrites this list.
import { Foundation1795313600304 } from './1795313600304-Foundation';

export const MIGRATIONS = [Foundation1795313600304];
