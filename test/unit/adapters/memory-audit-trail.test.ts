import { describe, expect, it } from 'vitest';
import { InMemoryAuditTrail } from '../../../functions/adapters/memory/audit-trail.js';
import { verifyChain } from '../../../functions/core/audit/index.js';
import { auditTrailContract } from '../../contract/audit-trail.contract.js';

auditTrailContract('in-memory', async () => new InMemoryAuditTrail(), { concurrentAppenders: 20 });

describe('InMemoryAuditTrail', () => {
  it('tamper() edits the stored chain so verification tests can see a break', async () => {
    const trail = new InMemoryAuditTrail();
    await trail.append('pay_t', [{ at: 't', actor: 'a', action: 'x', data: 1 }, { at: 't', actor: 'a', action: 'y', data: 2 }]);
    trail.tamper('pay_t', (entries) => entries.map((e) => (e.seq === 2 ? { ...e, data: 3 } : e)));
    expect(verifyChain(await trail.list('pay_t'))).toEqual({ verified: false, broken_at: 2, reason: 'hash_mismatch' });
  });
});
