import { ParseUUIDPipe } from '@nestjs/common';

/** A route parameter that must be a UUID (400 otherwise, before any query runs). */
export const uuidParam = (): ParseUUIDPipe => new ParseUUIDPipe({ version: 'all' });
