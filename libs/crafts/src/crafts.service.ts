import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CraftView } from './dto/craft.dto';
import { Craft } from './entities/craft.entity';

export function toCraftView(craft: Craft): CraftView {
  return { code: craft.code, name: { kk: craft.nameKk, ru: craft.nameRu, en: craft.nameEn } };
}

@Injectable()
export class CraftsService {
  constructor(@InjectRepository(Craft) private readonly crafts: Repository<Craft>) {}

  async listCrafts(): Promise<CraftView[]> {
    const rows = await this.crafts.find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(toCraftView);
  }
}
