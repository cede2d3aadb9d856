import { Injectable } from '@nestjs/common';
import { CraftsRepository } from './crafts.repository';
import type { CraftView } from './dto/craft.dto';
import type { Craft } from './entities/craft.entity';

export function toCraftView(craft: Craft): CraftView {
  return { code: craft.code, name: { kk: craft.nameKk, ru: craft.nameRu, en: craft.nameEn } };
}

@Injectable()
export class CraftsService {
  constructor(private readonly repository: CraftsRepository) {}

  async listCrafts(): Promise<CraftView[]> {
    const rows = await this.repository.listCrafts();
    return rows.map(toCraftView);
  }
}
