import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A day the centre is closed; no lessons are generated on it. */
@Entity({ name: 'holidays' })
export class Holiday {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_holidays' })
  date: string;

  @Column({ name: 'name_kk', type: 'varchar', length: 200 })
  nameKk: string;

  @Column({ name: 'name_ru', type: 'varchar', length: 200 })
  nameRu: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn: string;
}
