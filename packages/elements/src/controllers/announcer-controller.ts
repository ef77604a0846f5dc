import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A polite live region (`role=status`) owned by a component: `announce()` sets its text, and the
 * component renders `announcer.render()` once, somewhere that is always in the DOM. Status messages
 * go here (RGAA 7.5); errors are rendered by the component with `role=alert`.
 *
 * Announcing the same text twice in a row toggles a trailing no-break space: screen readers only
 * speak a live region when its content changes, and this keeps the visible text identical.
 */
export class AnnouncerController implements ReactiveController {
  /** The current message. */
  message = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Speaks `message` politely (after what the screen reader is saying). */
  announce(message: string): void {
    this.message = message === this.message.trimEnd() && !this.message.endsWith('\u00a0') ? `${message}\u00a0` : message;
    this.host.requestUpdate();
  }

  /** Empties the region. */
  clear(): void {
    this.message = '';
    this.host.requestUpdate();
  }

  /** The region itself, visually hidden. Render it unconditionally so that it exists before it speaks. */
  render(part = 'status'): TemplateResult {
    return html`<div role="status" aria-live="polite" aria-atomic="true" class="visually-hidden" part=${part}>${this.message}</div>`;
  }
}
