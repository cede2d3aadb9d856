import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateEmploymentCenterDto {
  /** The centre's name, e.g. "Karaganda city employment centre". */
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** The region it serves, e.g. "Karaganda region". */
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  region: string;
}

/** A new name or region; what is left out stays. */
export class UpdateEmploymentCenterDto extends PartialType(CreateEmploymentCenterDto, {
  skipNullProperties: false,
}) {}

/** An employment centre as the API answers it. */
export class EmploymentCenterView {
  id: string;
  name: string;
  region: string;
  createdAt: Date;
}
