import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IfPresent, PageQueryDto, trimString } from '@sheber/common';
import { MAX_WORKPLACES } from '../entities/workshop.entity';

export class CreateWorkshopDto {
  /** As the centre calls it, e.g. "Зергерлік шеберхана №1"; unique whatever the letters' case. */
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  /** The craft taught there (see GET /api/crafts): only groups of its courses are held in it. */
  @IsString()
  @Matches(/^[a-z_]{1,32}$/, { context: { code: 'field.craft_code' } })
  craft: string;

  /** How many trainees can work there at once (1–30): no group held there is larger. */
  @IsInt()
  @Min(1)
  @Max(MAX_WORKPLACES)
  workplaces: number;
}

/** A new name, craft or number of workplaces, or retiring (`active: false`); what is left out stays. */
export class UpdateWorkshopDto extends PartialType(CreateWorkshopDto, {
  skipNullProperties: false,
}) {
  /** `false` retires the workshop: chosen for no new group; `true` brings it back. */
  @IfPresent()
  @IsBoolean()
  active?: boolean;
}

export class WorkshopQueryDto extends PageQueryDto {
  /** Only the workshops of this craft. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,32}$/, { context: { code: 'field.craft_code' } })
  craft?: string;

  /** Only active (`true`) or retired (`false`) workshops. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  active?: boolean;
}

/** A workshop as the API answers it. */
export class WorkshopView {
  id: string;
  name: string;
  /** Craft code. */
  craft: string;
  workplaces: number;
  /** `false` when retired. */
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The view of a workshop's row. */
export function workshopView(workshop: WorkshopView): WorkshopView {
  return {
    id: workshop.id,
    name: workshop.name,
    craft: workshop.craft,
    workplaces: workshop.workplaces,
    active: workshop.active,
    createdAt: workshop.createdAt,
    updatedAt: workshop.updatedAt,
  };
}
