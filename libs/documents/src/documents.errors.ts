import { defineErrors, type Messages } from '@sheber/common';

/** What asking for a prepared document refuses. */
export const DOCUMENT_ERROR_CODES = ['document.busy', 'document.failed'] as const;
export type DocumentErrorCode = (typeof DOCUMENT_ERROR_CODES)[number];

export const DOCUMENT_ERRORS = defineErrors({
  'document.busy': {
    kk: 'Құжат дайындалып жатқанда деректер өзгерді. Қайталап көріңіз.',
    ru: 'Данные изменились, пока документ готовился. Попробуйте ещё раз.',
    en: 'The data changed while the document was being prepared. Try again.',
  },
  'document.failed': {
    kk: 'Құжатты дайындау мүмкін болмады. Қайталап көріңіз.',
    ru: 'Не удалось подготовить документ. Попробуйте ещё раз.',
    en: 'The document could not be prepared. Try again.',
  },
} satisfies Record<DocumentErrorCode, Messages>);
