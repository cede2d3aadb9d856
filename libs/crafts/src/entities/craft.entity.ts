import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CRAFT_CODES = ['jewelry', 'pottery', 'leather', 'felt', 'souvenirs'] as const;
export type CraftCode = (typeof CRAFT_CODES)[number];

/** One of the crafts the centre teaches; seeded by a migration, more come the same way. */
@Entity({ name: 'crafts' })
export class Craft {
  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'pk_crafts' })
  code: string;

  @Column({ name: 'name_kk', type: 'varchar', length: 100 })
  nameKk: string;

  @Column({ name: 'name_ru', type: 'varchar', length: 100 })
  nameRu: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  @Column({ name: 'sort_order', type: 'smallint', default: 0 })
  sortOrder: number;
}
