/** PSP failures as public errors: the PSP being down is never the client's fault (API.md: 5xx). */
import { AppError } from '../../core/errors.js';
import { PixPspError } from '../ports/pix-psp.js';

export async function atPsp<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof PixPspError) {
      // Not stored by the idempotency layer (5xx): a retry with the same key runs again, and
      // reaches the PSP with the same txid / devolução id, so it cannot create a second one.
      throw new AppError('processor_unavailable', `The Pix PSP failed to ${what} (${err.code})`, { cause: err });
    }
    throw err;
  }
}
