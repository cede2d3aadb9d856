import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SystemReason } from '../../../../libs/enrollments/src/enrollment-status';

/**
 * Why a record changed status: the system's reason in the reader's language (a cancelled or
 * completed group, too little attendance), then what a person typed, as typed.
 */
export function StatusReason({
  code,
  reason,
}: {
  code: SystemReason | null | undefined;
  reason: string | null | undefined;
}) {
  const { t } = useTranslation();
  const words = [code ? t(`statusReasons.${code}`) : null, reason].filter(Boolean).join(': ');
  return words ? (
    <Text size="xs" c="dimmed">
      {words}
    </Text>
  ) : null;
}
