import { css } from 'lit';

/**
 * Styles of `<dora-results-map>`. Colours come from the `--_*` tokens of the DORA element that hosts
 * the map (they inherit into this shadow root), with the neutral theme as fallback. Leaflet's own CSS
 * is adopted before these rules, so the overrides below win.
 */
export const mapStyles = css`
  :host {
    --_map-height: var(--dora-map-height, 26rem);
    display: block;
    container-type: normal;
  }
  :host([variant='location']) {
    --_map-height: var(--dora-map-height, 14rem);
  }

  .frame {
    position: relative;
    isolation: isolate; /* Leaflet's z-indexes stay inside the map */
    height: var(--_map-height);
    min-height: 12rem;
    overflow: hidden;
    border: 1px solid var(--_border, #c9ced6);
    border-radius: var(--_radius, 0.5rem);
  }

  .map.leaflet-container,
  .map {
    width: 100%;
    height: 100%;
    /* The plain background the markers stay on when tiles cannot load. */
    background: var(--_surface, #f5f6f8);
    font: inherit;
  }
  .map:focus-visible {
    outline: 3px solid var(--_focus, #1d4ed8);
    outline-offset: -3px;
  }

  .controls {
    position: absolute;
    z-index: 1000;
    top: 0.5rem;
    left: 0.5rem;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .control {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2.75rem; /* WCAG 2.5.5 target size */
    height: 2.75rem;
    padding: 0;
    border: 1px solid var(--_border, #c9ced6);
    border-radius: var(--_radius, 0.5rem);
    background: var(--_background, #ffffff);
    color: var(--_text, #1f2937);
    font: inherit;
    font-size: 1.25rem;
    font-weight: 700;
    line-height: 1;
    cursor: pointer;
    box-shadow: var(--_shadow, none);
  }
  .control:hover {
    background: var(--_primary-soft, #e8eefc);
  }
  .control svg {
    width: 1.25rem;
    height: 1.25rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }

  .notice {
    /* At the bottom, above the attribution: popups open upwards from their marker. */
    position: absolute;
    z-index: 1000;
    right: 0.5rem;
    bottom: 1.75rem;
    left: 3.75rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_warning, #8a3b00);
    border-radius: var(--_radius, 0.5rem);
    background: var(--_warning-soft, #fff1dc);
    color: var(--_text, #1f2937);
    font-size: 0.875rem;
  }
  .notice:empty {
    display: none;
  }

  .attribution {
    position: absolute;
    z-index: 1000;
    right: 0;
    bottom: 0;
    max-width: 100%;
    margin: 0;
    padding: 0.125rem 0.375rem;
    border-top-left-radius: var(--_radius, 0.5rem);
    background: var(--_background, #ffffff);
    color: var(--_text, #1f2937);
    font-size: 0.75rem;
    line-height: 1.4;
  }
  .attribution:empty {
    display: none;
  }
  .attribution a {
    color: var(--_link, #1d4ed8);
  }

  .summary {
    margin: 0.5rem 0 0;
    color: var(--_text-muted, #4b5563);
    font-size: 0.875rem;
  }

  /* Markers: divIcons (no image paths to resolve), focusable, with a visible focus ring. */
  .dora-marker,
  .dora-cluster,
  .dora-place {
    border: 0;
    background: none;
  }
  .dora-marker:focus-visible,
  .dora-cluster:focus-visible {
    outline: 3px solid var(--_focus, #1d4ed8);
    outline-offset: 2px;
    border-radius: 50%;
  }
  .dora-marker__pin {
    display: block;
    width: 100%;
    height: 100%;
    border: 3px solid var(--_background, #ffffff);
    border-radius: 50% 50% 50% 0;
    background: var(--_primary, #1d4ed8);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.45);
    transform: rotate(-45deg);
    transition: transform 0.15s;
  }
  .dora-marker.is-selected .dora-marker__pin {
    box-shadow: 0 0 0 3px var(--_text, #1f2937), 0 2px 6px rgb(0 0 0 / 0.5);
    transform: rotate(-45deg) scale(1.35);
  }
  .dora-marker:hover .dora-marker__pin {
    transform: rotate(-45deg) scale(1.15);
  }
  .dora-cluster__count {
    display: flex;
    align-items: center;
    justify-content: center;
    width: 100%;
    height: 100%;
    border: 3px solid var(--_background, #ffffff);
    border-radius: 50%;
    background: var(--_primary, #1d4ed8);
    color: var(--_on-primary, #ffffff);
    font-weight: 700;
    font-size: 0.875rem;
    box-shadow: 0 0 0 4px color-mix(in srgb, var(--_primary, #1d4ed8) 35%, transparent);
  }
  .dora-place__dot {
    display: block;
    width: 100%;
    height: 100%;
    border: 3px solid var(--_text, #1f2937);
    border-radius: 50%;
    background: var(--_background, #ffffff);
    box-shadow: 0 0 0 2px var(--_background, #ffffff);
  }
  .dora-radius {
    fill: var(--_primary, #1d4ed8);
    fill-opacity: 0.06;
    stroke: var(--_primary, #1d4ed8);
    stroke-opacity: 0.7;
    stroke-width: 2;
    stroke-dasharray: 6 6;
  }

  .leaflet-popup-content-wrapper,
  .leaflet-popup-tip {
    background: var(--_background, #ffffff);
    color: var(--_text, #1f2937);
  }
  .leaflet-popup-content {
    margin: 0.75rem 1rem;
    font-size: 0.875rem;
    line-height: 1.4;
  }
  .dora-popup p {
    margin: 0.125rem 0;
  }
  .dora-popup__title {
    font-weight: 700;
  }
  .dora-popup__open {
    margin-top: 0.5rem;
    min-height: 2.25rem;
    font-size: 0.875rem;
  }

  @media (prefers-reduced-motion: reduce) {
    .dora-marker__pin {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .dora-marker__pin,
    .dora-cluster__count,
    .dora-place__dot {
      forced-color-adjust: none;
      border-color: Canvas;
      background: CanvasText;
      color: Canvas;
    }
    .dora-marker.is-selected .dora-marker__pin {
      background: Highlight;
    }
  }
`;
