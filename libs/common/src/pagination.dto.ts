import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The deepest page a list serves; beyond it PostgreSQL's bigint would be the limit, not sense. */
export const MAX_OFFSET = 1_000_000;

/** `limit` (1–100, default 50) and `offset`, as every list route takes them. */
export class PageQueryDto {
  /** How many items to return (1–100). */
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;

  /** How many items to skip (at most 1 000 000). */
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** Describes a list route's `Page<item>` answer in the OpenAPI document (a generic has no schema). */
export function ApiPageResponse(item: Class): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['items', 'total'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          total: { type: 'integer', description: 'How many items match, on all pages.' },
        },
      },
    }),
  );
}
