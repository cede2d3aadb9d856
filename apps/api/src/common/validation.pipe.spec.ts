import { describe, expect, it } from '@jest/globals';
import { CreateUserDto, UserListQueryDto } from '@sheber/users';
import { InputValidationException } from '@sheber/common';
import { createValidationPipe } from './validation.pipe';

describe('the validation pipe', () => {
  const pipe = createValidationPipe();
  const metadata = { type: 'body' as const, metatype: CreateUserDto };

  it('names each bad field with its code, unknown fields included', async () => {
    const error = await pipe
      .transform(
        { email: 'x', password: 'long-enough-pass', fullName: 'A', role: 'staff', extra: 1 },
        metadata,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationException);
    const fields = (error as InputValidationException).fieldErrors;
    expect(fields.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'email', code: 'field.email' },
      { field: 'extra', code: 'field.unknown' },
    ]);
  });

  it('refuses a JSON null body, even where every field is optional, and lets a missing one pass', async () => {
    const error = await pipe
      .transform(null, { type: 'body', metatype: UserListQueryDto })
      .catch((e: unknown) => e);
    expect((error as InputValidationException).fieldErrors).toEqual([
      { field: 'body', code: 'field.object' },
    ]);
    await expect(
      pipe.transform(undefined, { type: 'body', metatype: UserListQueryDto }),
    ).resolves.toBeInstanceOf(UserListQueryDto);
  });

  it('gives each constraint its field code and the values it names', async () => {
    const error = await pipe
      .transform({ password: 'short', fullName: 'x'.repeat(201), role: 'boss' }, metadata)
      .catch((e: unknown) => e);
    const fields = (error as InputValidationException).fieldErrors;
    expect(fields.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'email', code: 'field.required' },
      { field: 'fullName', code: 'field.too_long', params: { max: 200 } },
      { field: 'password', code: 'field.too_short', params: { min: 10 } },
      {
        field: 'role',
        code: 'field.one_of',
        params: { values: 'admin, staff, master, officer' },
      },
    ]);
  });

  it('trims and lower-cases the email of a valid body', async () => {
    const dto = (await pipe.transform(
      { email: ' A@B.KZ ', password: 'long-enough-pass', fullName: ' Name ', role: 'staff' },
      metadata,
    )) as CreateUserDto;
    expect(dto.email).toBe('a@b.kz');
    expect(dto.fullName).toBe('Name');
  });
});
