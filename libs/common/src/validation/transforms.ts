import { ValidateIf } from 'class-validator';

/** class-transformer helpers shared by the DTOs. */
export const trimString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export const trimToNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || null : value;

export const upperTrim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

/**
 * For PATCH fields that may be left out but not set to null: unlike class-validator's
 * @IsOptional(), a null still goes through the field's validators (and fails them).
 */
export const IfPresent = (): PropertyDecorator =>
  ValidateIf((_: unknown, value: unknown) => value !== undefined);
