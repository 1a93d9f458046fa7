/**
 * The one error an event pattern can be rejected with. `path` names the offending part of the
 * pattern the way a developer would point at it: object keys joined by ".", array positions as
 * "[i]" (e.g. "detail.amount[0].numeric[2]", "$or[1].detail.state"); the empty string is the
 * pattern itself. EventBridge reports a line/column instead; a path survives re-serialisation.
 */
export class InvalidPatternError extends Error {
  readonly path: string;

  constructor(message: string, path: string) {
    super(path === '' ? message : `${message} (at ${path})`);
    this.name = 'InvalidPatternError';
    this.path = path;
  }
}

/** Appends an object key to a path. */
export function keyPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Appends an array position to a path. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}
