import { isPortOpen } from './ports';

/** Fails, naming every busy port, before anything is started on them. */
export async function assertPortsFree(ports: readonly number[], likelyHolder: string): Promise<void> {
  const busy: number[] = [];
  for (const port of ports) if (await isPortOpen(port)) busy.push(port);
  if (busy.length > 0) {
    throw new Error(`port${busy.length > 1 ? 's' : ''} ${busy.join(', ')} already in use: ${likelyHolder}`);
  }
}
