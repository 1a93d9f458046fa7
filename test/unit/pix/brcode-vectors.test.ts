/** Every vector of sample-vectors.json (copied from /work/shared/pix): valid ones decode to the expected fields, invalid ones are refused naming the field. */
import { describe, expect, it } from 'vitest';
import { BrCodeError, decodeBrCode, type BrCodeKind } from '../../../functions/core/pix/index.js';
import vectors from './sample-vectors.json' with { type: 'json' };

/** Vector field names → API.md snake_case names. */
const NAME: Record<string, string> = {
  payloadFormatIndicator: 'payload_format_indicator',
  pointOfInitiationMethod: 'point_of_initiation_method',
  gui: 'gui',
  key: 'key',
  url: 'url',
  urlRec: 'rec_url',
  mcc: 'mcc',
  currency: 'currency',
  country: 'country',
  name: 'merchant_name',
  city: 'merchant_city',
  txid: 'txid',
  crc: 'crc',
};

/** The vectors call a composite code "composite-dynamic+rec"; the API has one kind, "composite". */
const KIND: Record<string, BrCodeKind> = {
  static: 'static',
  dynamic: 'dynamic',
  'rec-only': 'rec-only',
  'composite-dynamic+rec': 'composite',
};

/** The field each invalid vector must be refused for (the label says why). */
const INVALID_FIELD: Record<string, string> = {
  X_EFF5: '59', // name of 26 characters
  X_325E: '63', // wrong CRC
  X_2291: '63', // truncated: no CRC object
  X_3___: '63', // CRC object missing
};

describe('sample vectors', () => {
  it('covers every invalid vector in the field table', () => {
    expect(Object.keys(INVALID_FIELD).sort()).toEqual(vectors.invalid.map((v) => v.id).sort());
  });

  for (const v of vectors.valid) {
    it(`${v.id} decodes as ${v.kind} with exactly the expected fields and no warnings`, () => {
      const decoded = decodeBrCode(v.payload);
      expect(decoded.kind).toBe(KIND[v.kind]);
      const expected = Object.fromEntries(Object.entries(v.expected).map(([k, val]) => [NAME[k] ?? `unmapped:${k}`, val]));
      expect(decoded.fields).toEqual(expected);
      expect(decoded.warnings).toEqual([]);
    });
  }

  for (const v of vectors.invalid) {
    it(`${v.id} is refused with BrCodeError on field ${INVALID_FIELD[v.id]} (${v.label})`, () => {
      let error: unknown;
      try {
        decodeBrCode(v.payload);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BrCodeError);
      expect((error as BrCodeError).field).toBe(INVALID_FIELD[v.id]);
    });
  }
});
