/**
 * BR Code decode/encode throughput: ours (functions/core/pix) vs pix-utils 2.8.2, in the same run,
 * over the same payloads. Warm-up, then several timed rounds; the median round is reported.
 * Run alone: `node --import tsx bench/brcode.bench.ts`.
 *
 * Not identical work: our decoder also validates the key, checks lengths and collects warnings,
 * and our encoder validates the key and strips diacritics; pix-utils does neither (PIX_SPEC §5).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createStaticPix, hasError, parsePix } from 'pix-utils';
import { decodeBrCode, encodeBrCode, type StaticBrCodeInput } from '../functions/core/pix/index.js';
import type { BenchResult } from './result.js';

const ROUNDS = 7;
const WARMUP_ROUNDS = 2;
const ROUND_MS = 150;

/** Static inputs both libraries can build (pix-utils takes a float amount in reais). */
const STATIC_INPUTS: StaticBrCodeInput[] = [
  { kind: 'static', key: '123e4567-e12b-12d1-a456-426655440000', merchantName: 'FULANO DE TAL', merchantCity: 'BRASILIA' },
  { kind: 'static', key: '12345678909', amount: 1050, merchantName: 'LOJA DO JOAO', merchantCity: 'SAO PAULO', txid: 'PEDIDO42' },
  { kind: 'static', key: 'fulano@example.com', amount: 99_990, merchantName: 'MERCADO CENTRAL LTDA', merchantCity: 'RIO DE JANEIRO', additionalInfo: 'Pedido 12345' },
  { kind: 'static', key: '+5511998765432', amount: 1, merchantName: 'CAFE DA ESQUINA', merchantCity: 'CURITIBA', txid: 'ABC123xyz' },
  { kind: 'static', key: '12ABC34501DE35', amount: 123_456_789, merchantName: 'EMPRESA NOVA SA', merchantCity: 'RECIFE' },
];

/** Payloads both decoders accept: our static encodings plus BACEN's dynamic example (V_64E4). */
const PAYLOADS: string[] = [
  ...STATIC_INPUTS.map(encodeBrCode),
  '00020101021226700014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd4415204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***630464E4',
];

type Op = () => number;

/** ops/s of `op` over one round of at least ROUND_MS; `op` returns a number folded into a sink. */
function round(op: Op, sink: { v: number }): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < 200; i++) sink.v = (sink.v + op()) | 0;
    n += 200;
    elapsed = performance.now() - start;
  }
  return (n * 1000) / elapsed;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Alternates ours and theirs round by round so drift (GC, CPU boost) hits both alike. */
function compare(ours: Op, theirs: Op): { ours: number; theirs: number } {
  const sink = { v: 0 };
  for (let r = 0; r < WARMUP_ROUNDS; r++) {
    round(ours, sink);
    round(theirs, sink);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    a.push(round(ours, sink));
    b.push(round(theirs, sink));
  }
  if (sink.v === 0x7fffffff) console.log(''); // keeps the results observable
  return { ours: median(a), theirs: median(b) };
}

function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

export async function run(): Promise<BenchResult> {
  // Both sides must succeed on every payload, or the comparison is meaningless.
  for (const p of PAYLOADS) {
    decodeBrCode(p);
    if (hasError(parsePix(p))) throw new Error(`pix-utils cannot parse a bench payload: ${p}`);
  }
  const nextPayload = cycle(PAYLOADS);
  const nextPayload2 = cycle(PAYLOADS);
  const decode = compare(
    () => decodeBrCode(nextPayload()).fields.crc.length,
    () => {
      const r = parsePix(nextPayload2());
      return hasError(r) ? 0 : r.type.length;
    },
  );
  const nextInput = cycle(STATIC_INPUTS);
  const nextInput2 = cycle(STATIC_INPUTS);
  const encode = compare(
    () => encodeBrCode(nextInput()).length,
    () => {
      const x = nextInput2();
      const r = createStaticPix({
        merchantName: x.merchantName,
        merchantCity: x.merchantCity,
        pixKey: x.key,
        transactionAmount: (x.amount ?? 0) / 100, // pix-utils API takes reais as a float
        ...(x.txid !== undefined ? { txid: x.txid } : {}),
        ...(x.additionalInfo !== undefined ? { infoAdicional: x.additionalInfo } : {}),
      });
      return hasError(r) ? 0 : r.toBRCode().length;
    },
  );
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  const metrics = {
    decode_ops_per_s_ours: Math.round(decode.ours),
    decode_ops_per_s_pix_utils: Math.round(decode.theirs),
    decode_ratio_ours_over_pix_utils: Number((decode.ours / decode.theirs).toFixed(2)),
    encode_ops_per_s_ours: Math.round(encode.ours),
    encode_ops_per_s_pix_utils: Math.round(encode.theirs),
    encode_ratio_ours_over_pix_utils: Number((encode.ours / encode.theirs).toFixed(2)),
  };
  const lines = [
    `brcode: ${PAYLOADS.length} payloads, ${WARMUP_ROUNDS} warm-up + ${ROUNDS} rounds of ${ROUND_MS} ms, median (Node ${process.version})`,
    `decode  ours ${fmt(decode.ours)} ops/s  pix-utils ${fmt(decode.theirs)} ops/s  ratio ${metrics.decode_ratio_ours_over_pix_utils}x`,
    `encode  ours ${fmt(encode.ours)} ops/s  pix-utils ${fmt(encode.theirs)} ops/s  ratio ${metrics.encode_ratio_ours_over_pix_utils}x`,
  ];
  return { name: 'brcode', lines, metrics };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run();
  for (const line of result.lines) console.log(line);
}
