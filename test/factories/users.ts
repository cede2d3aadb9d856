import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role } from '../../libs/common/src';
import { EmploymentCenter } from '../../libs/employment-centers/src';
import { hashPassword, MasterCraft, User } from '../../libs/users/src';
import type { TestApp } from '../support/test-app';

export const TEST_PASSWORD = 'correct-horse-battery';
let cachedHash: Promise<string> | undefined;

export interface CreatedUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  employmentCenterId: string | null;
}

export async function createEmploymentCenter(
  dataSource: DataSource,
  name?: string,
): Promise<EmploymentCenter> {
  return dataSource.getRepository(EmploymentCenter).save({
    name: name ?? `Employment centre ${randomUUID().slice(0, 8)}`,
    region: 'Karaganda region',
  });
}

/** A user straight in the database (the API's own create route is tested on its own). */
export async function createUser(
  dataSource: DataSource,
  role: Role,
  options: {
    crafts?: string[];
    employmentCenterId?: string;
    email?: string;
    fullName?: string;
  } = {},
): Promise<CreatedUser> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const employmentCenterId =
    role === 'officer'
      ? (options.employmentCenterId ?? (await createEmploymentCenter(dataSource)).id)
      : null;
  const user = await dataSource.getRepository(User).save({
    email: options.email ?? `${role}-${randomUUID()}@test.sheber.kz`,
    fullName: options.fullName ?? `Test ${role}`,
    role,
    passwordHash: await cachedHash,
    employmentCenterId,
  });
  if (options.crafts?.length) {
    await dataSource
      .getRepository(MasterCraft)
      .insert(options.crafts.map((craftCode) => ({ userId: user.id, craftCode })));
  }
  return { id: user.id, email: user.email, fullName: user.fullName, role, employmentCenterId };
}

export async function login(
  testApp: TestApp,
  email: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const response = await testApp.http().post('/api/auth/login').send({ email, password });
  if (response.status !== 200) {
    throw new Error(
      `login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return (response.body as { accessToken: string }).accessToken;
}

/** A signed-in user of the given role: its id, email and bearer token. */
export async function signedIn(
  testApp: TestApp,
  role: Role,
  options: { crafts?: string[]; employmentCenterId?: string } = {},
): Promise<CreatedUser & { token: string }> {
  const user = await createUser(testApp.dataSource, role, options);
  return { ...user, token: await login(testApp, user.email) };
}
