/**
 * The warning for a PUBLIC_BASE_URL that only this machine can open (localhost, 127.x, ::1,
 * 0.0.0.0): the QR codes printed on certificates would lead nowhere on anyone else's phone.
 * Null for any other address.
 */
export function loopbackAddressWarning(publicBaseUrl: string): string | null {
  let host: string;
  try {
    host = new URL(publicBaseUrl).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
  const loopback =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '::1' ||
    host === '0.0.0.0' ||
    host === '::';
  if (!loopback) return null;
  return (
    `PUBLIC_BASE_URL is ${publicBaseUrl}, an address of this machine only: QR codes on ` +
    'certificates and links will not open anywhere else. Set PUBLIC_BASE_URL to the address ' +
    'users reach Sheber at, e.g. PUBLIC_BASE_URL=https://sheber.example.kz (see README).'
  );
}
