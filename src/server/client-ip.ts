import ipaddr from 'ipaddr.js';
import type { SitePlan } from '../rules/plan.js';

const EDGE_BRACKETS = /^\[|\]$/g;
const EDGE_QUOTES = /^"|"$/g;
const FORWARDED_FOR = /for=("?\[?[^;,"\]]+\]?"?)/i;
const TRAILING_PORT = /:\d+$/;

function parse(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const clean = ip.trim().replace(EDGE_BRACKETS, '').replace(EDGE_QUOTES, '');
  if (!ipaddr.isValid(clean)) return undefined;
  const addr = ipaddr.parse(clean);
  return addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() ? (addr as ipaddr.IPv6).toIPv4Address() : addr;
}

function trusted(addr: ipaddr.IPv4 | ipaddr.IPv6, site: SitePlan): boolean {
  return site.trustedProxies.some(([range, bits]) => addr.kind() === range.kind() && addr.match([range, bits] as [typeof addr, number]));
}

/** `Forwarded: for=1.2.3.4;proto=https, for="[2001:db8::1]"` -> addresses, nearest hop last. */
function forwardedFor(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(',').flatMap((part) => {
    const m = part.match(FORWARDED_FOR);
    return m ? [m[1].replace(EDGE_QUOTES, '').replace(TRAILING_PORT, (p) => (m[1].includes('[') || m[1].split(':').length === 2 ? '' : p))] : [];
  });
}

/**
 * The client address: the socket peer, unless that peer is a trusted proxy, in which case the
 * nearest untrusted hop of X-Forwarded-For (or Forwarded) is used.
 */
export function clientIp(socketIp: string | undefined, headers: { xff?: string; forwarded?: string }, site: SitePlan): string | undefined {
  const peer = socketIp ? peerOf(socketIp, site) : undefined;
  if (!peer) return undefined;
  if (!peer.trusted) return peer.text;
  const hops = [...(headers.forwarded ? forwardedFor(headers.forwarded) : (headers.xff ?? '').split(','))].map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parse(hops[i]);
    if (!hop) return peer.text;
    if (!trusted(hop, site)) return hop.toString();
  }
  return peer.text;
}

interface Peer { text: string; trusted: boolean }
/** The last socket peer read: a keep-alive connection sends request after request from one address. */
let lastPeer: { ip: string; site: SitePlan; peer: Peer | undefined } | undefined;

/** The socket peer, canonical, and whether it is one of the site's trusted proxies. */
function peerOf(socketIp: string, site: SitePlan): Peer | undefined {
  if (lastPeer && lastPeer.ip === socketIp && lastPeer.site === site) return lastPeer.peer;
  const addr = parse(socketIp);
  const peer = addr && { text: addr.toString(), trusted: trusted(addr, site) };
  lastPeer = { ip: socketIp, site, peer };
  return peer;
}
