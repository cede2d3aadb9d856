import { todayIn } from '../../libs/common/src';

/** The centre's time zone, as the test stacks run with it (CENTRE_TIMEZONE's default). */
export const CENTRE_ZONE = 'Asia/Almaty';

/** Milliseconds until the next midnight in the centre's time zone. */
export function msToCentreMidnight(now = new Date()): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: CENTRE_ZONE,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(now)
      .map((part) => [part.type, Number(part.value)]),
  ) as { hour: number; minute: number; second: number };
  const elapsed = ((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000;
  return 24 * 3600 * 1000 - elapsed - now.getMilliseconds();
}

/**
 * Tests that reckon with "today" (a lesson today has started, one tomorrow has not) are written
 * against one centre day. When the day is about to turn (within `marginMs`), waits until just
 * after midnight, so the test (or the file's fixtures) and the API count the same day; then
 * answers the centre's date.
 */
export async function centreDayClearOfMidnight(marginMs = 60_000): Promise<string> {
  const left = msToCentreMidnight();
  if (left <= marginMs) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
  return todayIn(CENTRE_ZONE);
}
