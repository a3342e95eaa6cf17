import { mintToken, TokenClaims } from '../src/auth/mint-token';
import { TEST_JWT_SECRET, testAuthConfig } from './harness';

/** A valid token of the test configuration. */
export function token(claims: TokenClaims): Promise<string> {
  return mintToken(testAuthConfig, new TextEncoder().encode(TEST_JWT_SECRET), claims);
}
