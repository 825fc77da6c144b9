/** Reading and writing a document's fields by dotted path (`contact.office`); '' is the value itself. */

type Node = Record<string, unknown>;

export function getAt(value: unknown, path: string): unknown {
  if (path === '') return value;
  return path
    .split('.')
    .reduce<unknown>((node, step) => (node !== null && typeof node === 'object' ? (node as Node)[step] : undefined), value);
}

/** Sets a field, creating the objects on the way: an optional part of the format exists once one of its fields is set. */
export function setAt(target: Node, path: string, value: unknown): void {
  const steps = path.split('.');
  const last = steps.pop()!;
  let node = target;
  for (const step of steps) {
    node[step] ??= {};
    node = node[step] as Node;
  }
  node[last] = value;
}
