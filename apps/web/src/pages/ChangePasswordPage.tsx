import { Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { FormError } from '../components/data';
import { LanguageSwitch } from '../components/Layout';
import { useSession } from '../session';

const MIN_LENGTH = 10;

/**
 * After an admin's password reset the API answers every other screen's request with 403
 * `password.change_required`: this form is all the app shows until the user sets a new password.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { changePassword, signOut } = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const refusal = (reason: unknown): string => {
    if (reason instanceof ApiError) {
      if (reason.code === 'password.current_wrong') return t('auth.changePassword.currentWrong');
      if (reason.code === 'password.unchanged') return t('auth.changePassword.unchanged');
      if (reason.fieldErrors.newPassword) return t('auth.changePassword.tooShort');
    }
    return reason instanceof Error ? reason.message : String(reason);
  };

  const submit = async () => {
    if (newPassword.length < MIN_LENGTH) {
      setError(t('auth.changePassword.tooShort'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await changePassword(currentPassword, newPassword);
    } catch (reason) {
      setError(refusal(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="lg" w="100%" maw={420}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Group justify="space-between">
              <Title order={2}>{t('auth.changePassword.title')}</Title>
              <LanguageSwitch />
            </Group>
            <Text size="sm">{t('auth.changePassword.explanation')}</Text>
            <PasswordInput
              label={t('auth.changePassword.current')}
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('auth.changePassword.new')}
              description={t('auth.changePassword.newHint')}
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(e) => setNewPassword(e.currentTarget.value)}
            />
            <FormError error={error} />
            <Button type="submit" loading={busy}>
              {t('auth.changePassword.submit')}
            </Button>
            <Button variant="subtle" onClick={() => void signOut()}>
              {t('auth.signOut')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
