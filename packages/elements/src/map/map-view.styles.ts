import { css } from 'lit';

/**
 * Styles of the list / map / split layout and its switch, for the shadow root of `<dora-search>`
 * (add to its `static styles`). `split` puts the map beside the list when the results area is at
 * least 48rem wide, and stacks them otherwise.
 */
export const mapViewStyles = css`
  .map-view {
    container-type: inline-size;
  }

  .view-switch {
    display: inline-flex;
    flex-wrap: wrap;
    margin: 0 0 0.75rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  .view-switch__option {
    position: relative;
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem; /* WCAG 2.5.5 target size */
    padding: 0.25rem 1rem;
    border-radius: var(--_radius);
    color: var(--_text);
    font-weight: 600;
    cursor: pointer;
  }
  /* The native radio stays focusable and clickable over its whole label. */
  .view-switch__option input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .view-switch__option:hover {
    background: var(--_primary-soft);
  }
  .view-switch__option:has(input:checked) {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .view-switch__option:has(input:focus-visible) {
    z-index: 1;
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .map-view__grid {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  /* The map view keeps the count, "Afficher plus" and messages; only the cards give way, and only
     to a map that loaded. */
  .map-view__grid[data-view='map'][data-map='ready'] .map-view__list .list {
    display: none;
  }
  .map-view__map[hidden] {
    display: none;
  }
  .map-view__status {
    margin: 0;
    padding: 2rem 1rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_text-muted);
    text-align: center;
  }
  @container (min-width: 48rem) {
    .map-view__grid[data-view='split'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
    .map-view__grid[data-view='split'] .map-view__map {
      position: sticky;
      top: 0.5rem;
    }
  }

  dora-service-card[data-map-selected] {
    border-radius: var(--_radius);
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .view-switch__option:has(input:checked) {
      outline: 2px solid Highlight;
      text-decoration: underline;
    }
    dora-service-card[data-map-selected] {
      outline-color: Highlight;
    }
  }
`;
