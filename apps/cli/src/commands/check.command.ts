import { InjectDataSource } from '@nestjs/typeorm';
import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { describeSeatCounterDrift, seatCounterDrift } from '@sheber/enrollments';

/**
 * `npm run cli -- check`: compares every group's seat counters with its enrollment rows. Prints a
 * line per group whose counters differ and exits with status 1; nothing to report is status 0.
 */
@Command({
  name: 'check',
  description: "Compare every group's seat counters with its enrollments (exit 1 if any differ)",
})
export class CheckCommand extends CommandRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async run(): Promise<void> {
    const drifted = await seatCounterDrift(this.dataSource);
    for (const drift of drifted) process.stdout.write(`${describeSeatCounterDrift(drift)}\n`);
    if (drifted.length > 0) {
      process.stdout.write(
        `Seat counters differ from the enrollments in ${drifted.length} group(s)\n`,
      );
      process.exitCode = 1;
      return;
    }
    process.stdout.write('Seat counters match the enrollments of every group\n');
  }
}
