import type { HttpClient } from './http.js';
import { classifyOutcome, parseJsonBody } from './http.js';
import { scrubVendorText } from './scrub.js';
import type { ItemResult } from './types.js';

const TOKEN_ERROR_CODE = /^[a-z_]{1,40}$/;

export interface RefreshTokenGrant {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export type TokenOutcome = { kind: 'token'; accessToken: string } | { kind: 'failed'; result: ItemResult };

// Refresh a minute early (half the lifetime for short tokens) so a token never expires
// between the check and the request.
const EXPIRY_MARGIN_MS = 60_000;

/**
 * OAuth2 refresh-token flow with an in-memory cache: one token request per expiry, shared by
 * concurrent sends. The access token itself is a credential and is reported via `secrets()`.
 */
export class OAuthTokenSource {
  private cached: { token: string; expiresAt: number } | undefined;
  private pending: Promise<TokenOutcome> | undefined;
  private readonly issued: string[] = [];

  constructor(
    private readonly http: HttpClient,
    private readonly grant: RefreshTokenGrant,
    private readonly now: () => number,
  ) {}

  async token(): Promise<TokenOutcome> {
    if (this.cached && this.now() < this.cached.expiresAt) return { kind: 'token', accessToken: this.cached.token };
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forget the cached token (the API answered 401 with it). */
  invalidate(): void {
    this.cached = undefined;
  }

  /** Every access token handed out so far (they must never reach a reason string). */
  secrets(): readonly string[] {
    return [this.grant.clientSecret, this.grant.refreshToken, ...this.issued];
  }

  private async refresh(): Promise<TokenOutcome> {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: this.grant.clientId,
      client_secret: this.grant.clientSecret,
      refresh_token: this.grant.refreshToken,
    });
    const outcome = await this.http.post(this.grant.tokenUrl, form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    const result = classifyOutcome(outcome, { secrets: this.secrets(), now: this.now() });
    if (result.kind === 'retry') return { kind: 'failed', result: { ...result, reason: `OAuth token refresh: ${result.reason}` } };
    const parsed = outcome.kind === 'response' ? (parseJsonBody(outcome.bodyText) as Record<string, unknown> | undefined) : undefined;
    if (result.kind === 'drop') {
      // invalid_grant / invalid_client: the configured credentials are wrong or revoked.
      const error = typeof parsed?.error === 'string' && TOKEN_ERROR_CODE.test(parsed.error) ? parsed.error : 'error';
      return { kind: 'failed', result: { kind: 'drop', code: `OAUTH_${error.toUpperCase()}`, reason: scrubVendorText(`OAuth token refresh: ${result.reason}`, this.secrets()) } };
    }
    const token = parsed?.access_token;
    if (typeof token !== 'string' || token === '') return { kind: 'failed', result: { kind: 'retry', reason: 'OAuth token response had no access_token' } };
    const expiresIn = typeof parsed?.expires_in === 'number' ? parsed.expires_in : 3600;
    this.issued.push(token);
    if (this.issued.length > 20) this.issued.shift();
    this.cached = { token, expiresAt: this.now() + expiresIn * 1000 - Math.min(EXPIRY_MARGIN_MS, expiresIn * 500) };
    return { kind: 'token', accessToken: token };
  }
}
