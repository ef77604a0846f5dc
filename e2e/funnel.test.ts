// The demo's funnel indicators (demo/src/funnel.ts): each sheet opening and mobilisation counts for
// the latest search, at most once per search.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Funnel } from '../demo/src/funnel.js';

describe('demo funnel indicators', () => {
  it('attributes openings and mobilisations to the latest search, once each', () => {
    const funnel = new Funnel();
    for (const type of ['dora-search', 'dora-results', 'dora-service-open', 'dora-service-open', 'dora-search', 'dora-search', 'dora-mobilise']) {
      funnel.record(type);
    }
    assert.deepEqual(funnel.figures(), { searches: 3, opened: 2, mobilised: 1 });
  });

  it('ignores events before any search and events that are not part of the funnel', () => {
    const funnel = new Funnel();
    assert.equal(funnel.record('dora-service-open'), false);
    assert.equal(funnel.record('dora-share'), false);
    assert.deepEqual(funnel.figures(), { searches: 0, opened: 0, mobilised: 0 });
  });

  it('resumes from stored outcomes (the page keeps them for the tab)', () => {
    const funnel = new Funnel([{ opened: true, mobilised: false }]);
    funnel.record('dora-mobilise');
    assert.deepEqual(funnel.figures(), { searches: 1, opened: 1, mobilised: 1 });
  });
});
