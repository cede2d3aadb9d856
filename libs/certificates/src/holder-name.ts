/** The holder's name as a certificate prints it: surname, given name, patronymic when there is one. */
export function holderName(row: {
  last_name: string;
  first_name: string;
  patronymic: string | null;
}): string {
  return [row.last_name, row.first_name, row.patronymic].filter(Boolean).join(' ');
}
