import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Craft } from '@sheber/crafts';

/** The most workplaces a workshop may have: the centre's largest room holds this many benches. */
export const MAX_WORKPLACES = 30;

/**
 * A room of the centre where one craft is taught, with its workplaces (benches, wheels, tables). A
 * group is held in one workshop; two unfinished groups never share one at overlapping times, and
 * a group never takes more trainees than the workshop has workplaces. A workshop once used is
 * retired (`active = false`), not deleted: its groups keep it.
 */
@Entity({ name: 'workshops' })
// Unique whatever the case of its letters: lower(name), in the migration.
@Index('uq_workshop_name', { synchronize: false })
@Index('ix_workshops_craft', ['craft'])
@Check('ck_workshop_workplaces', `"workplaces" BETWEEN 1 AND ${MAX_WORKPLACES}`)
export class Workshop {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_workshops' })
  id: string;

  /** As the centre calls it, e.g. "Зергерлік шеберхана №1"; sorted in Kazakh order. */
  @Column({ type: 'varchar', length: 100, collation: 'kk_kz' })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  craft: string;

  @ManyToOne(() => Craft, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'craft', foreignKeyConstraintName: 'fk_workshop_craft' })
  craftRef?: Relation<Craft>;

  @Column({ type: 'smallint' })
  workplaces: number;

  /** `false` when retired: chosen for no new group. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
