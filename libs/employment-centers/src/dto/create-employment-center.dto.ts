import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateEmploymentCenterDto {
  /**
   * The centre's name, e.g. "Қарағанды қаласының жұмыспен қамту орталығы"; shown in every
   * language whose own name (nameKk, nameRu, nameEn) is not given.
   */
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** The name in Kazakh; null or left out: `name`. */
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameKk?: string | null;

  /** The name in Russian; null or left out: `name`. */
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameRu?: string | null;

  /** The name in English; null or left out: `name`. */
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;

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

/** A centre's name in each language of the interface (the name given where one is missing). */
export class EmploymentCenterNamesView {
  kk: string;
  ru: string;
  en: string;
}

/** An employment centre as the API answers it. */
export class EmploymentCenterView {
  id: string;
  name: EmploymentCenterNamesView;
  /** The names as given, for the form that edits them: null where `name` stands in. */
  names: { given: string; kk: string | null; ru: string | null; en: string | null };
  region: string;
  createdAt: Date;
}

/** The view of a centre's row. */
export function employmentCenterView(center: {
  id: string;
  name: string;
  nameKk: string | null;
  nameRu: string | null;
  nameEn: string | null;
  region: string;
  createdAt: Date;
}): EmploymentCenterView {
  return {
    id: center.id,
    name: {
      kk: center.nameKk || center.name,
      ru: center.nameRu || center.name,
      en: center.nameEn || center.name,
    },
    names: { given: center.name, kk: center.nameKk, ru: center.nameRu, en: center.nameEn },
    region: center.region,
    createdAt: center.createdAt,
  };
}
