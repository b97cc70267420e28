import { lookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The range name of an address that is not on the public internet (`loopback`, `private`, `linkLocal`,
 * `uniqueLocal`, `carrierGradeNat`, …), or null for a public unicast address. ipaddr.js keeps the IANA special-purpose
 * tables; IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`) are judged as the IPv4 address they carry.
 */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  // process() turns an IPv4-mapped IPv6 address back into the IPv4 address it carries.
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : range;
}

/** Why a host is refused, in words that say how to allow it. */
function refusal(host: string, address: string, range: string): Error {
  const error = new Error(`refused: ${host} is ${address === host ? '' : `at ${address}, `}a ${range} address (use --allow-private to fetch it)`);
  (error as NodeJS.ErrnoException).code = 'E_PRIVATE_ADDRESS';
  return error;
}

/** A refusal for a URL host written as an IP literal (sockets skip DNS for those), or null when it is public. */
export function literalRefusal(hostname: string): Error | null {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0) return null;
  const range = nonPublicRange(host);
  return range ? refusal(host, host, range) : null;
}

/**
 * A DNS lookup for `http.request` that resolves every address of a name and fails if any is not public. Checking
 * inside the socket's own lookup means the address checked is the address connected to, on every redirect hop, with
 * no window for a second, different DNS answer.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const bad = addresses.find((a) => nonPublicRange(a.address) !== null);
    if (bad) return callback(refusal(hostname, bad.address, nonPublicRange(bad.address) ?? 'non-public'), '');
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  });
};
