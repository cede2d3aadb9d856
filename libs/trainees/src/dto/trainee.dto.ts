import { OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { defineFieldRule, IfPresent, PageQueryDto, trimString, trimToNull } from '@sheber/common';
import { TRAINEE_CATEGORIES, type TraineeCategory } from '../entities/trainee.entity';
import { checkIin } from '../iin';

/** A valid Kazakhstan IIN (12 digits, real birth date, century digit, check digit). */
export function IsIin(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIin',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && checkIin(value).ok },
    });
}

// The code of a refused IIN names the check it fails (`iin.checksum`…).
defineFieldRule('isIin', (_, value) => {
  if (typeof value !== 'string') return { code: 'field.string' };
  const result = checkIin(value);
  return { code: result.ok ? 'field.invalid' : `iin.${result.problem}` };
});

const PHONE = /^\+?[0-9 ()-]{5,20}$/;

export class CreateTraineeDto {
  /** Individual identification number; birth date and sex are read from it. */
  @IsIin()
  iin: string;

  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName: string;

  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  @IsOptional()
  @Transform(trimToNull)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  patronymic?: string | null;

  @IsOptional()
  @Transform(trimToNull)
  @ValidateIf((_, value) => value !== null)
  @Matches(PHONE, { context: { code: 'field.phone' } })
  phone?: string | null;

  @IsOptional()
  @Transform(trimToNull)
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @IfPresent()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(TRAINEE_CATEGORIES.length)
  @IsIn(TRAINEE_CATEGORIES, { each: true })
  categories?: TraineeCategory[];

  /** Consent to the processing of personal data: must be true; its date is recorded. */
  @IsBoolean()
  @Equals(true, { context: { code: 'trainee.consent_required' } })
  consent: boolean;

  /** Required for a trainee under 18. */
  @IsOptional()
  @Transform(trimToNull)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  guardianName?: string | null;

  /** Required for a trainee under 18. */
  @IsOptional()
  @Transform(trimToNull)
  @ValidateIf((_, value) => value !== null)
  @Matches(PHONE, { context: { code: 'field.phone' } })
  guardianPhone?: string | null;
}

export class UpdateTraineeDto extends PartialType(
  OmitType(CreateTraineeDto, ['iin', 'consent'] as const),
  {
    skipNullProperties: false,
  },
) {
  /** `true` records consent given again (a newly signed form): its date becomes now. */
  @IfPresent()
  @IsBoolean()
  @Equals(true, { context: { code: 'trainee.consent_required' } })
  consent?: boolean;
}

export class TraineeQueryDto extends PageQueryDto {
  /** Part of a name (any case, Cyrillic included) or a whole IIN. */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class TraineeView {
  id: string;
  /** Masked (`********1234`) except in the answer to registering; `POST /api/trainees/:id/iin` shows it whole. */
  iin: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string;
  sex: 'male' | 'female';
  phone: string | null;
  email: string | null;
  categories: string[];
  consent: boolean;
  consentAt: Date;
  guardianName: string | null;
  guardianPhone: string | null;
  createdAt: Date;
}

/** The whole IIN, shown on request; each request is audited. */
export class TraineeIinView {
  iin: string;
}

export class TraineeListItemView {
  id: string;
  /** Masked: `********1234`. */
  iin: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string;
}
