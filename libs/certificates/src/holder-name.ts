/** The trainee's name columns (`t.last_name, t.first_name, t.patronymic`) as a query returns them. */
export interface HolderColumns {
  last_name: string;
  first_name: string;
  patronymic: string | null;
}

/** The holder's name as a certificate prints it: surname, given name, patronymic when there is one. */
export function holderName(row: HolderColumns): string {
  return [row.last_name, row.first_name, row.patronymic].filter(Boolean).join(' ');
}
