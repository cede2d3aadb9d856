import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Craft } from './entities/craft.entity';

/** The only code that names `crafts`. */
@Injectable()
export class CraftsRepository {
  constructor(@InjectRepository(Craft) private readonly crafts: Repository<Craft>) {}

  async listCrafts(): Promise<Craft[]> {
    return this.crafts.find({ order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  /** Whether the craft exists, read inside the caller's transaction. */
  async craftExists(manager: EntityManager, code: string): Promise<boolean> {
    return manager.existsBy(Craft, { code });
  }

  /** The crafts of these codes that exist (unknown codes are simply missing). */
  async findCrafts(manager: EntityManager, codes: string[]): Promise<Craft[]> {
    return manager.findBy(Craft, { code: In(codes) });
  }
}
