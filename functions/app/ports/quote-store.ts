/** Locked FX quotes (API.md "FX quotes"). */
export interface Quote {
  readonly id: string;
  readonly merchant_id: string;
  readonly agent_id?: string;
  readonly amount: number;
  readonly currency: string;
  readonly settlement_amount: number;
  readonly settlement_currency: string;
  readonly rate: string;
  readonly markup_bps: number;
  readonly rates_as_of: string;
  readonly expires_at: string;
  readonly created: string;
  readonly status: 'open' | 'used';
  readonly payment_id?: string;
}

export interface QuoteStore {
  create(q: Quote): Promise<void>;
  get(merchantId: string, id: string): Promise<Quote | undefined>;
  /**
   * Marks the quote used by `paymentId` with one conditional write: open and not expired at `now`
   * — or already used by this same payment (a retry). Otherwise says why not.
   */
  consume(id: string, paymentId: string, now: Date): Promise<'consumed' | 'expired' | 'used' | 'missing'>;
}
