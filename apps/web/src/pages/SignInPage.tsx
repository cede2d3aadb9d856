import {
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, useSubmit } from '../components/data';
import { LanguageSwitch } from '../components/Layout';
import { useSession } from '../session';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="lg" w="100%" maw={380}>
        {/* The e-mail field keeps its keyboard; its refusal comes in the app's language, not the
            browser's. */}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit.run(() => signIn(email, password));
          }}
        >
          <Stack>
            <Group justify="space-between">
              <Title order={2}>Sheber</Title>
              <LanguageSwitch />
            </Group>
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={submit.fieldError('email')}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={submit.fieldError('password')}
            />
            {/* 401 is the usual wrong password; anything else (429: too many tries) as said. */}
            <FormError error={submit.status === 401 ? t('auth.failed') : submit.formError()} />
            <Button type="submit" loading={submit.busy}>
              {t('auth.signIn')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
