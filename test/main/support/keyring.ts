/**
 * Makes sure this process has a private Secret Service: the one the vitest global setup put into the
 * environment, or one started here. Returns the matching stop function.
 */
export async function ensureKeyring(): Promise<() => Promise<void>> {
  if (process.env.DBUS_SESSION_BUS_ADDRESS) return async () => undefined;
  const { startProcessKeyring } = await import('../../../scripts/testcards/private-keyring.js');
  return startProcessKeyring();
}
