import { Command, CommandRunner, Option } from 'nest-commander';
import { SYSTEM_ACTOR } from '@sheber/common';
import { EmploymentCentersService } from '@sheber/employment-centers';
import { UsersService } from '@sheber/users';
import { DEMO_ACCOUNTS, DEMO_CENTERS, DEMO_PASSWORD } from '../demo-data';

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
    for (const account of DEMO_ACCOUNTS) {
      await this.users.createUser(SYSTEM_ACTOR, {
        email: account.email,
        password: DEMO_PASSWORD,
        fullName: account.fullName,
        role: account.role,
        crafts: account.crafts,
        employmentCenterId: account.center ? centerIds[account.center] : undefined,
      });
    }
    process.stdout.write(
      `Loaded demo data: ${DEMO_ACCOUNTS.length} accounts, ${Object.keys(DEMO_CENTERS).length} employment centres\n`,
    );
  }

  @Option({ flags: '--if-empty', description: 'do nothing when the database already has users' })
  parseIfEmpty(): boolean {
    return true;
  }
}
