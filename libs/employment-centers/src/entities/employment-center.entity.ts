import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A regional employment centre whose officers refer job seekers to the centre. */
@Entity({ name: 'employment_centers' })
@Unique('uq_employment_center_name', ['name'])
export class EmploymentCenter {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_employment_centers' })
  id: string;

  /** The name as given; it stands for a language whose own name is not given. */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'name_kk', type: 'varchar', length: 200, nullable: true })
  nameKk: string | null;

  @Column({ name: 'name_ru', type: 'varchar', length: 200, nullable: true })
  nameRu: string | null;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

  @Column({ type: 'varchar', length: 200 })
  region: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
