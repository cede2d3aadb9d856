import { Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { errorMessage, FormError } from '../components/data';
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
  // Each refusal beside its field; what concerns neither below the form.
  const [errors, setErrors] = useState<{ current?: string; new?: string; form?: string }>({});

  const refusal = (reason: unknown): typeof errors => {
    if (reason instanceof ApiError) {
      if (reason.code === 'password.current_wrong')
        return { current: t('auth.changePassword.currentWrong') };
      if (reason.code === 'password.unchanged') return { new: t('auth.changePassword.unchanged') };
      if (reason.fieldErrors.newPassword) return { new: t('auth.changePassword.tooShort') };
      if (reason.fieldErrors.currentPassword)
        return { current: reason.fieldErrors.currentPassword };
      return { form: errorMessage(reason) };
    }
    return { form: reason instanceof Error ? reason.message : String(reason) };
  };

  const submit = async () => {
    if (newPassword.length < MIN_LENGTH) {
      setErrors({ new: t('auth.changePassword.tooShort') });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await changePassword(currentPassword, newPassword);
    } catch (reason) {
      setErrors(refusal(reason));
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
              onChange={(e) => {
                setCurrentPassword(e.currentTarget.value);
                setErrors({ ...errors, current: undefined, form: undefined });
              }}
              error={errors.current}
            />
            <PasswordInput
              label={t('auth.changePassword.new')}
              description={t('auth.changePassword.newHint')}
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(e) => {
                setNewPassword(e.currentTarget.value);
                setErrors({ ...errors, new: undefined, form: undefined });
              }}
              error={errors.new}
            />
            <FormError error={errors.form} />
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
