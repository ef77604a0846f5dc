/**
 * The message `<dora-search>` shows for each SDK error class (the real classes of `@dora/sdk`),
 * and for look-alikes from another copy of the SDK (matched on name and status).
 */
import { expect } from '@open-wc/testing';
import {
  AuthenticationError,
  ForbiddenError,
  HttpError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
  ServerError,
  TimeoutError,
} from '@dora/sdk';
import { errorMessageKey } from '../src/search/search-errors.js';
import { en, fr } from '../src/search/dora-search.strings.js';

const init = (status: number) => ({ status, detail: null, body: null, url: 'https://api.example.test/api/v1/search/services', headers: new Headers() });

describe('search error messages', () => {
  it('has a clear message per error class', () => {
    const cases: [unknown, keyof typeof fr][] = [
      [new NetworkError('offline'), 'error.network'],
      [new TimeoutError('slow', 30000), 'error.timeout'],
      [new AuthenticationError('401', init(401)), 'error.auth'],
      [new ForbiddenError('403', init(403)), 'error.auth'],
      [new NotFoundError('404', init(404)), 'error.notFound'],
      [new RequestValidationError('422', { ...init(422), issues: [] }), 'error.invalid'],
      [new RateLimitError('429', { ...init(429), retryAfter: 3 }), 'error.rateLimit'],
      [new ServerError('503', init(503)), 'error.server'],
      [new HttpError('418', init(418)), 'error.unexpected'],
      [new TypeError('bug'), 'error.unexpected'],
      [null, 'error.unexpected'],
    ];
    for (const [error, key] of cases) expect(errorMessageKey(error), String((error as Error)?.name)).to.equal(key);
  });

  it('reads errors from another copy of the SDK by name and status', () => {
    expect(errorMessageKey({ name: 'TimeoutError' })).to.equal('error.timeout');
    expect(errorMessageKey({ name: 'HttpError', status: 401 })).to.equal('error.auth');
    expect(errorMessageKey({ name: 'HttpError', status: 422 })).to.equal('error.invalid');
    expect(errorMessageKey({ name: 'HttpError', status: 502 })).to.equal('error.server');
  });

  it('ships every message in French and English', () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(fr[key], key).to.be.a('string').and.not.equal('');
      expect(en[key], key).to.be.a('string').and.not.equal('');
    }
    expect(Object.keys(en).sort()).to.deep.equal(Object.keys(fr).sort());
  });
});
