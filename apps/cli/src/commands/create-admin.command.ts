import { Command, CommandRunner, Option } from 'nest-commander';
import { SYSTEM_ACTOR } from '@sheber/common';
import { CreateUserDto, UsersService } from '@sheber/users';
import { validateInput } from '../validate-input';

interface CreateAdminOptions {
  email?: string;
  password?: string;
  name?: string;
}

/** `npm run cli -- create-admin --email E --password P [--name "Full Name"]` */
@Command({ name: 'create-admin', description: 'Create an administrator account' })
export class CreateAdminCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(_: string[], options: CreateAdminOptions): Promise<void> {
    const input = await validateInput(CreateUserDto, {
      email: options.email,
      password: options.password,
      fullName: options.name ?? 'Administrator',
      role: 'admin',
    });
    const user = await this.users.createUser(SYSTEM_ACTOR, input);
    process.stdout.write(`Created administrator ${user.email} (${user.id})\n`);
  }

  @Option({ flags: '--email <email>', description: 'sign-in email', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--password <password>', description: 'at least 10 characters', required: true })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'full name (default "Administrator")' })
  parseName(value: string): string {
    return value;
  }
}
