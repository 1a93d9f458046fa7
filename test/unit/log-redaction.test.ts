import { describe, expect, it } from 'vitest';
import { redact } from '../../functions/handlers/log.js';

describe('log redaction', () => {
  it('masks card numbers however they are grouped, keeping only the last four digits', () => {
    const out = JSON.stringify(redact({ note: 'card 4242 4242 4242 4242 and 4000-0000-0000-0002 and 4111111111111111' }));
    expect(out).not.toMatch(/4242 4242|4000-0000|41111111/);
    expect(out).toContain('****4242');
    expect(out).toContain('****0002');
  });

  it('drops personal data and secrets by field name, in snake, camel and Portuguese forms', () => {
    const out = JSON.stringify(redact({ holderName: 'Ana', cardNumber: '4242', taxId: '529', nome: 'Ana', devedor: { cpf: '529' }, chave: 'x@y.z', apiKey: 'sk', keep: 'visible' }));
    for (const v of ['Ana', '"529"', 'x@y.z', '"sk"']) expect(out).not.toContain(v);
    expect(out).toContain('visible');
  });
});
