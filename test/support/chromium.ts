import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Flags for headless Chromium on a machine with no network but loopback: without the background-networking ones
 * it keeps trying to reach Google's services, and as root it needs --no-sandbox.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium (found on PATH), or the one CHROMIUM_PATH names. */
export function chromiumExecutable(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const file = path.join(dir, name);
      if (dir !== '' && existsSync(file)) return file;
    }
  }
  throw new Error('no chromium on PATH: install Debian\'s "chromium" package or set CHROMIUM_PATH');
}
