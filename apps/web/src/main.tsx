import '@mantine/core/styles.css';
import { Badge, createTheme, MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { setupI18n } from './i18n';
import { SessionProvider } from './session';

const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  components: {
    // A badge wraps its words rather than cutting them (Mantine's default is one line with an
    // ellipsis): Kazakh status words are long and a phone is 360 px wide.
    Badge: Badge.extend({
      styles: {
        root: {
          height: 'auto',
          minHeight: 'var(--badge-height)',
          maxWidth: '100%',
          overflow: 'visible',
        },
        label: { whiteSpace: 'normal', overflow: 'visible', overflowWrap: 'break-word' },
      },
    }),
  },
});

void setupI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </MantineProvider>
    </StrictMode>,
  );
});
