import { beforeEach } from '@jest/globals';
import { centreDayClearOfMidnight } from './centre-day';

// No test starts in the last minute of the centre's day: one that counts lessons of "today" would
// otherwise see the day turn between its set-up and its checks.
beforeEach(() => centreDayClearOfMidnight().then(() => undefined), 90_000);
