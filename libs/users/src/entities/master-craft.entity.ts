import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Craft } from '@sheber/crafts';
import { User } from './user.entity';

/** A craft a master is qualified to teach. */
@Entity({ name: 'master_crafts' })
@Index('ix_master_crafts_craft', ['craftCode'])
export class MasterCraft {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_master_crafts' })
  userId: string;

  @PrimaryColumn({
    name: 'craft_code',
    type: 'varchar',
    length: 32,
    primaryKeyConstraintName: 'pk_master_crafts',
  })
  craftCode: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_master_craft_user' })
  user?: Relation<User>;

  @ManyToOne(() => Craft, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'craft_code', foreignKeyConstraintName: 'fk_master_craft_craft' })
  craft?: Relation<Craft>;
}
