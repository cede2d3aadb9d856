import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api';
import { fullName } from './labels';

type Promotion = Schemas['WaitlistPromotionView'];

/** The phones to call about a promotion, each a `tel:` link a phone can dial. */
export function PromotionPhones({ trainee }: { trainee: Promotion['trainee'] }) {
  const { t } = useTranslation();
  const phones = [
    trainee.phone && { label: t('promotions.phone'), value: trainee.phone },
    trainee.guardianPhone && {
      label: `${t('promotions.guardianPhone')}${trainee.guardianName ? ` (${trainee.guardianName})` : ''}`,
      value: trainee.guardianPhone,
    },
  ].filter((p): p is { label: string; value: string } => Boolean(p));
  if (phones.length === 0) return <Text size="sm">{t('promotions.noPhone')}</Text>;
  return (
    <Stack gap={0}>
      {phones.map((phone) => (
        <Text size="sm" key={phone.label}>
          {phone.label}:{' '}
          <Anchor href={`tel:${phone.value.replace(/[^+\d]/g, '')}`}>{phone.value}</Anchor>
        </Text>
      ))}
    </Stack>
  );
}

/**
 * Who moved up from the waitlist after a withdrawal, in a warning colour: someone must call them
 * (the staff dashboard keeps the list until the call is acknowledged).
 */
export function PromotionNotice({ promoted }: { promoted: Promotion[] }) {
  const { t } = useTranslation();
  if (promoted.length === 0) return null;
  return (
    <Alert color="yellow" role="status" title={t('promotions.movedUpTitle')}>
      <List spacing="xs" listStyleType="none">
        {promoted.map((p) => (
          <List.Item key={p.id}>
            <Text fw={500}>
              {t('promotions.movedUp', { name: fullName(p.trainee), group: p.group.code })}
            </Text>
            <PromotionPhones trainee={p.trainee} />
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
