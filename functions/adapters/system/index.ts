import { randomBytes } from 'node:crypto';
import type { Clock, Ids } from '../../app/ports/system.js';
import { randomId } from '../../core/ids.js';

export const systemClock: Clock = { now: () => new Date() };
export const systemIds: Ids = {
  random: (prefix) => randomId(prefix, randomBytes(20)),
  bytes: (n) => randomBytes(n),
};
