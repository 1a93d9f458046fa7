import { describe, expect, it } from 'vitest';
import { PixPspError } from '../../../functions/app/ports/pix-psp.js';
import {
  COBRANCA_STATUSES,
  COBR_STATUSES,
  DEVOLUCAO_NATUREZAS,
  DEVOLUCAO_STATUSES,
  PERIODICIDADES,
  POLITICAS_RETENTATIVA,
  REC_STATUSES,
  STATUS_TENTATIVA,
  TIPOS_CONTA,
  TIPOS_JORNADA,
  TIPOS_TENTATIVA,
  accountTypeFromWire,
  accountTypeToWire,
  attemptStatus,
  attemptType,
  chargeStatus,
  journeyFromWire,
  member,
  periodFromWire,
  periodToWire,
  recurrenceStatus,
  recurringChargeStatus,
  refundNature,
  refundStatus,
  retryPolicyFromWire,
  retryPolicyToWire,
} from '../../../functions/adapters/pix-api/statuses.js';

describe('API Pix status mappings (one expectation per spec enum member)', () => {
  it('maps every CobrancaStatus (the enum spells REMOVIDA_, not the description’s REMOVIDO_)', () => {
    expect(COBRANCA_STATUSES.map(chargeStatus)).toEqual(['active', 'completed', 'removed_by_receiver', 'removed_by_psp']);
    expect(() => member(COBRANCA_STATUSES, 'REMOVIDO_PELO_PSP', 'cob.status')).toThrow(PixPspError);
  });

  it('maps refund statuses EM_PROCESSAMENTO / DEVOLVIDO / NAO_REALIZADO', () => {
    expect(DEVOLUCAO_STATUSES.map(refundStatus)).toEqual(['processing', 'returned', 'failed']);
  });

  it('maps every refund nature, MED included', () => {
    expect(DEVOLUCAO_NATUREZAS.map(refundNature)).toEqual(['original', 'withdrawal', 'med_operational', 'med_fraud', 'med_automatic_pix']);
  });

  it('maps recurrence and recurring-charge statuses', () => {
    expect(REC_STATUSES.map(recurrenceStatus)).toEqual(['created', 'approved', 'rejected', 'expired', 'cancelled']);
    expect(COBR_STATUSES.map(recurringChargeStatus)).toEqual(['created', 'active', 'completed', 'expired', 'rejected', 'cancelled']);
  });

  it('maps journeys and attempt types/statuses', () => {
    expect(TIPOS_JORNADA.map(journeyFromWire)).toEqual(['journey_1', 'journey_2', 'journey_3', 'journey_4', 'awaiting_definition']);
    expect(TIPOS_TENTATIVA.map(attemptType)).toEqual(['scheduled', 'unscheduled', 'retry']);
    expect(STATUS_TENTATIVA.map(attemptStatus)).toEqual(['requested', 'scheduled', 'paid', 'cancelled', 'rejected', 'expired']);
  });

  it('periods, retry policies and account types round-trip both ways', () => {
    expect(PERIODICIDADES.map((p) => periodToWire(periodFromWire(p)))).toEqual([...PERIODICIDADES]);
    expect(PERIODICIDADES.map(periodFromWire)).toEqual(['weekly', 'monthly', 'quarterly', 'semiannual', 'annual']);
    expect(POLITICAS_RETENTATIVA.map((p) => retryPolicyToWire(retryPolicyFromWire(p)))).toEqual([...POLITICAS_RETENTATIVA]);
    expect(TIPOS_CONTA.map(accountTypeFromWire)).toEqual(['checking', 'savings', 'payment']);
    expect(TIPOS_CONTA.map((t) => accountTypeToWire(accountTypeFromWire(t)))).toEqual([...TIPOS_CONTA]);
  });

  it('an unknown value from the PSP is a protocol error, never a guess', () => {
    for (const bad of ['PAGA', '', undefined, 3]) {
      const err = (() => {
        try {
          member(DEVOLUCAO_STATUSES, bad, 'devolucao.status');
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(PixPspError);
      expect((err as PixPspError).code).toBe('protocol');
    }
  });

  it('the mapping functions themselves refuse a value outside their union at run time', () => {
    expect(() => chargeStatus('X' as never)).toThrow(/CobrancaStatus/);
    expect(() => refundStatus('X' as never)).toThrow(PixPspError);
    expect(() => periodToWire('daily' as never)).toThrow(PixPspError);
  });
});
