/**
 * Typed errors of the Pix core. Each names what was wrong so the edge can report it precisely:
 * `BrCodeError.field` is the BR Code object path ("63", "26.25", "payload"), mapped to the public
 * `invalid_brcode` code (API.md); `PixKeyError.expectedType` names the key type the input was
 * taken for, mapped to `invalid_request`.
 */

/** The five DICT key types (PIX_SPEC §2). */
export type PixKeyType = 'cpf' | 'cnpj' | 'email' | 'phone' | 'evp';

/**
 * A BR Code that cannot be decoded or encoded. `field` is the EMV object path: a top-level ID
 * ("59"), a nested one ("26.25"), or "payload" for whole-payload problems (empty, too long).
 */
export class BrCodeError extends Error {
  override readonly name = 'BrCodeError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A Pix key that does not match its DICT format. `expectedType` is the type its shape points to
 * (PIX_SPEC §2 classification order), or `unknown` when the shape matches no type at all.
 */
export class PixKeyError extends Error {
  override readonly name = 'PixKeyError';
  constructor(
    readonly expectedType: PixKeyType | 'unknown',
    message: string,
  ) {
    super(message);
  }
}

/** An identifier (txid, endToEndId) that does not match its pattern, or that could not be generated. */
export class PixIdError extends Error {
  override readonly name = 'PixIdError';
  constructor(
    readonly idType: 'txid' | 'endToEndId',
    message: string,
  ) {
    super(message);
  }
}
