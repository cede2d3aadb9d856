import { AppShell, Burger, Button, Group, NavLink, Select, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LANGUAGES } from '../i18n';
import { useSession } from '../session';
import type { Schemas } from '../api';
import { OwnPasswordModal } from './OwnPasswordModal';

type Role = Schemas['SessionUserView']['role'];

/** The screens of each role, in menu order. */
export const MENU: Record<Role, { path: string; label: string }[]> = {
  staff: [
    { path: '/', label: 'nav.dashboard' },
    { path: '/groups', label: 'nav.groups' },
    { path: '/courses', label: 'nav.courses' },
    { path: '/workshops', label: 'nav.workshops' },
    { path: '/trainees', label: 'nav.trainees' },
    { path: '/intake', label: 'nav.intake' },
    { path: '/certificates', label: 'nav.certificates' },
    { path: '/holidays', label: 'nav.holidays' },
  ],
  admin: [],
  master: [
    { path: '/', label: 'nav.today' },
    { path: '/my-groups', label: 'nav.myGroups' },
  ],
  officer: [
    { path: '/', label: 'nav.referrals' },
    { path: '/report', label: 'nav.report' },
  ],
};
MENU.admin = [
  ...MENU.staff,
  { path: '/accounts', label: 'nav.accounts' },
  { path: '/audit', label: 'nav.audit' },
  { path: '/employment-centers', label: 'nav.centres' },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('common.language')}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
      value={i18n.language}
      onChange={(language) => {
        if (language) void i18n.changeLanguage(language);
      }}
      allowDeselect={false}
      w={130}
      size="xs"
    />
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const [changingPassword, passwordModal] = useDisclosure();
  const location = useLocation();
  if (!user) return <>{children}</>;
  const menu = MENU[user.role];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.menu')}
            />
            <Title order={4}>Sheber</Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Button variant="subtle" size="xs" onClick={() => void signOut()}>
              {t('auth.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.menu')}>
        <Text size="sm" c="dimmed" px="sm" pb="xs">
          {user.fullName} · {t(`roles.${user.role}`)}
        </Text>
        {menu.map((item) => (
          <NavLink
            key={item.path}
            component={Link}
            to={item.path}
            label={t(item.label)}
            active={
              item.path === '/'
                ? location.pathname === '/'
                : location.pathname.startsWith(item.path)
            }
            onClick={close}
          />
        ))}
        <NavLink
          component="button"
          mt="md"
          label={t('ownPassword.open')}
          onClick={() => {
            close();
            passwordModal.open();
          }}
        />
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
      {changingPassword && <OwnPasswordModal onClose={passwordModal.close} />}
    </AppShell>
  );
}
