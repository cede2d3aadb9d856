import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A regional employment centre whose officers refer job seekers to the centre. */
@Entity({ name: 'employment_centers' })
@Unique('uq_employment_center_name', ['name'])
export class EmploymentCenter {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_employment_centers' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  region: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
