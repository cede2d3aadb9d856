/** A craft's name in each language of the interface. */
export class CraftNamesView {
  kk: string;
  ru: string;
  en: string;
}

export class CraftView {
  code: string;
  name: CraftNamesView;
}
