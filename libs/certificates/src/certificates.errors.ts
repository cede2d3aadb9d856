import { defineErrors, type Messages } from '@sheber/common';

/** What issuing, printing, revoking and reissuing certificates refuse. */
export const CERTIFICATE_ERROR_CODES = [
  'certificate.exists',
  'certificate.revoked',
  'certificate.not_ready',
  'enrollment.not_completed',
  'group.no_issued_certificates',
] as const;
export type CertificateErrorCode = (typeof CERTIFICATE_ERROR_CODES)[number];

export const CERTIFICATE_ERRORS = defineErrors({
  'certificate.exists': {
    kk: 'Бұл оқуға кері қайтарылмаған сертификат бұрыннан берілген',
    ru: 'За это обучение уже выдан действующий сертификат',
    en: 'The enrollment already has a certificate that is not revoked',
  },
  'certificate.revoked': {
    kk: 'Сертификат кері қайтарылған ({number})',
    ru: 'Сертификат аннулирован ({number})',
    en: 'The certificate is revoked ({number})',
  },
  'certificate.not_ready': {
    kk: 'Сертификаттың PDF файлы әлі дайын емес ({number})',
    ru: 'PDF сертификата ещё не готов ({number})',
    en: 'The certificate’s PDF is not ready yet ({number})',
  },
  'enrollment.not_completed': {
    kk: 'Тыңдаушы оқуды аяқтамаған ({number})',
    ru: 'Слушатель не завершил обучение ({number})',
    en: 'The enrollment is not completed ({number})',
  },
  'group.no_issued_certificates': {
    kk: 'Топта басып шығаратын берілген сертификат жоқ ({group})',
    ru: 'У группы нет выданных сертификатов для печати ({group})',
    en: 'The group has no issued certificate to print ({group})',
  },
} satisfies Record<CertificateErrorCode, Messages>);
