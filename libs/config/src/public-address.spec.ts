import { describe, expect, it } from '@jest/globals';
import { loopbackAddressWarning } from './public-address';

describe('loopbackAddressWarning', () => {
  it.each([
    'http://localhost:3000',
    'http://LOCALHOST',
    'http://sheber.localhost:8080',
    'http://127.0.0.1:3000',
    'https://127.1.2.3',
    'http://[::1]:3000',
    'http://0.0.0.0:3000',
  ])('warns for %s, which only this machine can open', (url) => {
    expect(loopbackAddressWarning(url)).toMatch(/^PUBLIC_BASE_URL is .* QR codes/);
  });

  it.each([
    'https://sheber.example.kz',
    'http://192.168.1.20:3000',
    'http://10.0.0.5',
    'http://sheber-centre:3000',
    'http://127.0.0.1.nip.io',
  ])('stays quiet for %s', (url) => {
    expect(loopbackAddressWarning(url)).toBeNull();
  });
});
