import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { useSession } from '../session';
import { AppModal } from './AppModal';
import { errorMessage, FormError } from './data';

const MIN_LENGTH = 10;

/** The signed-in user's own password change; the user's other sessions end with it. */
export function OwnPasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { changePassword } = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [errors, setErrors] = useState<{ current?: string; new?: string; repeated?: string }>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async () => {
    setFailure(undefined);
    if (newPassword.length < MIN_LENGTH) {
      setErrors({ new: t('auth.changePassword.tooShort') });
      return;
    }
    if (newPassword !== repeated) {
      setErrors({ repeated: t('ownPassword.mismatch') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await changePassword(currentPassword, newPassword);
      setDone(true);
    } catch (reason) {
      if (reason instanceof ApiError && reason.code === 'password.current_wrong') {
        setErrors({ current: t('auth.changePassword.currentWrong') });
      } else if (reason instanceof ApiError && reason.code === 'password.unchanged') {
        setErrors({ new: t('auth.changePassword.unchanged') });
      } else if (reason instanceof ApiError && reason.fieldErrors.newPassword) {
        setErrors({ new: reason.fieldErrors.newPassword });
      } else {
        setFailure(reason instanceof ApiError ? errorMessage(reason) : String(reason));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppModal opened onClose={onClose} title={t('ownPassword.title')}>
      {done ? (
        <Stack>
          <Alert color="teal" role="status">
            {t('ownPassword.changed')}
          </Alert>
          <Button onClick={onClose}>{t('ownPassword.done')}</Button>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Text size="sm">{t('ownPassword.explained')}</Text>
            <PasswordInput
              label={t('ownPassword.current')}
              autoComplete="current-password"
              withAsterisk
              value={currentPassword}
              onChange={(e) => {
                setCurrentPassword(e.currentTarget.value);
                setErrors({ ...errors, current: undefined });
              }}
              error={errors.current}
            />
            <PasswordInput
              label={t('auth.changePassword.new')}
              description={t('auth.changePassword.newHint')}
              autoComplete="new-password"
              withAsterisk
              value={newPassword}
              onChange={(e) => {
                setNewPassword(e.currentTarget.value);
                setErrors({ ...errors, new: undefined });
              }}
              error={errors.new}
            />
            <PasswordInput
              label={t('ownPassword.repeat')}
              autoComplete="new-password"
              withAsterisk
              value={repeated}
              onChange={(e) => {
                setRepeated(e.currentTarget.value);
                setErrors({ ...errors, repeated: undefined });
              }}
              error={errors.repeated}
            />
            <FormError error={failure} />
            <Button type="submit" loading={busy}>
              {t('auth.changePassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
