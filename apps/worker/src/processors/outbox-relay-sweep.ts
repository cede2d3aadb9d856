import { Injectable, Logger } from '@nestjs/common';
import { OutboxRelay, QueuesRepository } from '@sheber/queues';
import { PeriodicSweep } from './periodic-sweep';

/**
 * A short poll: an empty round is one probe of a partial index, and a completion's certificates
 * start rendering within a quarter of a second of its commit (docs/decisions/0011-outbox.md).
 */
const RELAY_INTERVAL_MS = 250;
/** Sent rows are kept a day, to show what was queued, and removed once an hour. */
const KEEP_SENT_HOURS = 24;
const CLEANUP_EVERY_MS = 60 * 60 * 1000;

/**
 * Runs the outbox relay in the worker: every job that a committed transaction wrote into the
 * outbox reaches its queue, even when the process that committed it died right after the commit
 * or Redis was away then. While Redis is away a round fails; it says so once a minute.
 */
@Injectable()
export class OutboxRelaySweep extends PeriodicSweep {
  protected readonly logger = new Logger('OutboxRelay');
  private lastWarning = 0;
  private lastCleanup = 0;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly outbox: QueuesRepository,
  ) {
    super();
  }

  protected intervalMs(): number {
    return RELAY_INTERVAL_MS;
  }

  protected async sweepOnce(): Promise<number> {
    let queued = 0;
    try {
      queued = await this.relay.relayPending();
    } catch (error) {
      if (Date.now() - this.lastWarning >= 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn(
          `Outbox not relayed yet: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    if (Date.now() - this.lastCleanup >= CLEANUP_EVERY_MS) {
      this.lastCleanup = Date.now();
      await this.outbox.removeSentBefore(KEEP_SENT_HOURS);
    }
    return queued;
  }
}
