import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export const TRAINEE_CATEGORIES = [
  'job_seeker',
  'disability',
  'orphan',
  'pensioner',
  'youth',
] as const;
export type TraineeCategory = (typeof TRAINEE_CATEGORIES)[number];

/** A person who trains at the centre, identified by IIN. */
@Entity({ name: 'trainees' })
@Unique('uq_trainee_iin', ['iin'])
// A trigram index (GIN, gin_trgm_ops) serves name search by fragment; TypeORM cannot describe it.
@Index('ix_trainees_search_name_trgm', { synchronize: false })
@Index('ix_trainees_name_order', ['lastName', 'firstName', 'id'])
@Check('ck_trainee_iin_format', `"iin" ~ '^[0-9]{12}$'`)
@Check('ck_trainee_consent', `"consent" = true AND "consent_at" IS NOT NULL`)
@Check('ck_trainee_sex', `"sex" IN ('male', 'female')`)
export class Trainee {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_trainees' })
  id: string;

  @Column({ type: 'char', length: 12 })
  iin: string;

  // kk_kz: names sort in Kazakh alphabetical order (migration KazakhCollationAndSearchIndexes).
  @Column({ name: 'last_name', type: 'varchar', length: 100, collation: 'kk_kz' })
  lastName: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100, collation: 'kk_kz' })
  firstName: string;

  @Column({ type: 'varchar', length: 100, nullable: true, collation: 'kk_kz' })
  patronymic: string | null;

  /** Lower-case "last first patronymic", for case-insensitive search in any locale. */
  @Column({ name: 'search_name', type: 'varchar', length: 310, select: false })
  searchName: string;

  /** Derived from the IIN, never typed. */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ type: 'varchar', length: 6 })
  sex: 'male' | 'female';

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  @Column({ type: 'boolean' })
  consent: boolean;

  @Column({ name: 'consent_at', type: 'timestamptz' })
  consentAt: Date;

  @Column({ name: 'guardian_name', type: 'varchar', length: 200, nullable: true })
  guardianName: string | null;

  @Column({ name: 'guardian_phone', type: 'varchar', length: 32, nullable: true })
  guardianPhone: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
