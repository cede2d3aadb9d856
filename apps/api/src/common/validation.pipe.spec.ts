import { describe, expect, it } from '@jest/globals';
import { CreateUserDto } from '@sheber/users';
import { InputValidationException } from '@sheber/common';
import { createValidationPipe } from './validation.pipe';

describe('the validation pipe', () => {
  const pipe = createValidationPipe();
  const metadata = { type: 'body' as const, metatype: CreateUserDto };

  it('names each bad field, unknown fields included', async () => {
    const error = await pipe
      .transform(
        { email: 'x', password: 'long-enough-pass', fullName: 'A', role: 'staff', extra: 1 },
        metadata,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationException);
    const fields = (error as InputValidationException).fieldErrors.map((e) => e.field);
    expect(fields.sort()).toEqual(['email', 'extra']);
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
