import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal';
import { FormError, useSubmit } from './data';

/**
 * Asks for a reason and sends it (withdraw, reject, revoke): the API's field
 * error shows beside the reason, anything else below it.
 */
export function ReasonModal({
  title,
  hint,
  action,
  send,
  onClose,
  onDone,
}: {
  title: string;
  /** What the action does, above the reason. */
  hint?: string;
  /** The button's label, e.g. "Revoke". */
  action: string;
  /** The request that carries the reason, e.g. `client.POST(…, { body: { reason } })`. */
  send: (reason: string) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  return (
    <AppModal opened onClose={onClose} title={title}>
      <Stack>
        {hint && <Text size="sm">{hint}</Text>}
        <Textarea
          label={t('common.reason')}
          withAsterisk
          value={reason}
          onChange={submit.clearing('reason', (e) => setReason(e.currentTarget.value))}
          error={submit.fieldError('reason')}
        />
        <FormError error={submit.formError()} />
        <Button
          color="red"
          loading={submit.busy}
          onClick={() => void submit.run(() => send(reason)).then((done) => done && onDone())}
        >
          {action}
        </Button>
      </Stack>
    </AppModal>
  );
}
