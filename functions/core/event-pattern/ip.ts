/**
 * IP literals and CIDR blocks as EventBridge's engine (aws/event-ruler, CIDR.java) reads them.
 * Addresses are byte arrays (4 for IPv4, 16 for IPv6) compared lexicographically; an address of
 * one family never falls inside a block of the other.
 */

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
// event-ruler only hands strings of this shape to the address parser, so IPv6 with an embedded
// dotted quad ("::ffff:10.0.0.1") or a zone ("fe80::1%eth0") is not an IP address for matching.
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(s: string): number[] | null {
  const parts = s.split('.');
  const bytes: number[] = [];
  for (const part of parts) {
    // Java's InetAddress rejects ambiguous octets with leading zeros ("010" could be octal).
    if (part.length > 1 && part.startsWith('0')) return null;
    if (part.length > 3) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

function parseGroups(text: string): number[] | null {
  if (text === '') return [];
  const out: number[] = [];
  for (const g of text.split(':')) {
    if (!HEX_GROUP.test(g)) return null;
    out.push(parseInt(g, 16));
  }
  return out;
}

function parseIpv6(s: string): number[] | null {
  const gap = s.indexOf('::');
  if (gap !== s.lastIndexOf('::')) return null;
  let groups: number[];
  if (gap < 0) {
    const all = parseGroups(s);
    if (all === null || all.length !== 8) return null;
    groups = all;
  } else {
    const head = parseGroups(s.slice(0, gap));
    const tail = parseGroups(s.slice(gap + 2));
    if (head === null || tail === null || head.length + tail.length > 7) return null;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  }
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  // Java's InetAddress turns an IPv4-mapped IPv6 address (::ffff:a.b.c.d) into the IPv4 address.
  let mapped = bytes[10] === 0xff && bytes[11] === 0xff;
  for (let i = 0; mapped && i < 10; i++) if (bytes[i] !== 0) mapped = false;
  return mapped ? bytes.slice(12) : bytes;
}

/** Parses an IPv4 or IPv6 literal; null when the string is not one. */
export function parseIp(s: string): number[] | null {
  if (IPV4_SHAPE.test(s)) return parseIpv4(s);
  if (IPV6_SHAPE.test(s)) return parseIpv6(s);
  return null;
}

export interface IpRange {
  readonly low: readonly number[];
  readonly high: readonly number[];
}

function compareBytes(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function inRange(ip: readonly number[], range: IpRange): boolean {
  return ip.length === range.low.length && compareBytes(ip, range.low) >= 0 && compareBytes(ip, range.high) <= 0;
}

/**
 * Parses "address/bits" into the inclusive range event-ruler builds (CIDR.cidr): the low end is
 * the address exactly as written (not masked) and the high end is the address with every host
 * bit set. Returns an error message instead of throwing so the caller can attach the path.
 */
export function parseCidr(text: string): IpRange | string {
  // Java's String.split drops trailing empty strings, so "10.0.0.0/24/" still has two parts.
  const parts = text.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length !== 2) return "Malformed CIDR, one '/' required";
  const [address = '', bitsText = ''] = parts;
  if (!/^[+-]?[0-9]+$/.test(bitsText)) return 'Malformed CIDR, mask bits must be an integer';
  const bits = Number(bitsText);
  if (bits < 0) return 'Malformed CIDR, mask bits must not be negative';
  const ip = parseIp(address);
  if (ip === null) return `Invalid IP address: ${address}`;
  // event-ruler rejects /32 and /128 ("mask bits must be < 32/128"): a single address is written
  // as a plain string value instead, which is matched as an IP address too.
  if (ip.length === 4 && bits > 31) return 'IPv4 mask bits must be < 32';
  if (ip.length === 16 && bits > 127) return 'IPv6 mask bits must be < 128';
  let hostBits = ip.length * 8 - bits;
  const high = ip.slice();
  for (let i = high.length - 1; i >= 0 && hostBits > 0; i--, hostBits -= 8) {
    high[i] = (high[i] ?? 0) | (hostBits >= 8 ? 0xff : (1 << hostBits) - 1);
  }
  return { low: ip, high };
}
