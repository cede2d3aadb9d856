import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The deepest page a list serves; beyond it PostgreSQL's bigint would be the limit, not sense. */
export const MAX_OFFSET = 1_000_000;

/** `limit` (1–100, default 50) and `offset`, as every list route takes them. */
export class PageQueryDto {
  /** How many items to return (1–100). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;

  /** How many items to skip (at most 1 000 000). */
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
