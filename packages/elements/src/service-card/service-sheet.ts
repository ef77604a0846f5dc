/**
 * The full service sheet and its actions. Loaded on demand by `<dora-service-card variant="full">`:
 * a result list only needs compact cards, so the sheet's code (Markdown, opening hours, eligibility
 * zones, place lookups, sharing, printing) stays out of the core bundle until a sheet is shown.
 */
import { html, nothing, render, type CSSResultGroup, type TemplateResult } from 'lit';
import {
  createPlaceProvider,
  describeZone,
  describeZoneSync,
  formatDistance,
  formatWeek,
  labelOf,
  openingState,
  parseOpeningHours,
  sourceLabel,
  timeZoneOf,
  type Lang,
} from '@dora/sdk';
import { fire } from '../internal/events.js';
import { fillUrlTemplate, mailtoUrl, safeUrl, telUrl, WEB_PROTOCOLS } from '../internal/safe-url.js';
import { renderHeading } from '../internal/heading.js';
import { renderMarkdown } from '../markdown/markdown.js';
import '../map/dora-location-map.js'; // "Afficher la carte" (the map itself loads when opened)
import {
  capitalise,
  fraisBadge,
  freshnessOf,
  isDetailed,
  modeLabel,
  publicsText,
  type CardContext,
  type CardService,
} from './card-parts.js';
import { printStyles, sheetStyles } from './service-sheet.styles.js';

export { sheetStyles };
export { sheetEn, sheetFr } from './service-sheet.strings.js';

/** What the sheet needs from its element, on top of {@link CardContext}. */
export interface SheetContext extends CardContext {
  /** The element: events are fired from it, the print frame goes in its shadow root. */
  host: HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  /** Phone and e-mail shown (after "Mobiliser", or always in print). */
  contactsRevealed: boolean;
  /** Text of the polite status region. */
  statusMessage: string;
  /** The eligibility zone resolved through the place API, when available. */
  preciseZone: string | null;
  /** The service page (for the shared and copied link). */
  shareUrl: string;
  /** `report-url` template. */
  reportUrl: string | null;
  /** Tiles of the location map (`tiles-url`, `tiles-attribution`; empty for the defaults). */
  tilesUrl: string;
  tilesAttribution: string;
  /** The element's styles, for the printed copy. */
  styles: CSSResultGroup;
  /** Shows the contacts and moves focus to them. */
  revealContacts(): Promise<void>;
  /** Sets the polite status message. */
  setStatus(message: string): Promise<void>;
}

/** Long zones (a list of communes) are named up to this many parts, then counted. */
const ZONE_PARTS = 12;

/** One place provider per API, so that its cache serves every card. */
const placeProviders = new Map<string, ReturnType<typeof createPlaceProvider>>();

/** The eligibility zone in words, with names looked up from a geo.api.gouv.fr-compatible API. */
export function describePreciseZone(zone: readonly string[], geoUrl: string, lang: Lang, signal: AbortSignal): Promise<string> {
  let places = placeProviders.get(geoUrl);
  if (!places) placeProviders.set(geoUrl, (places = createPlaceProvider({ baseUrl: geoUrl })));
  return describeZone(zone, { places, lang, signal, max: ZONE_PARTS });
}

type Item = (title: string, content: unknown) => TemplateResult;
const item: Item = (title, content) => html`<div class="fact"><dt>${title}</dt><dd>${content}</dd></div>`;

/** The full sheet. `printing` leaves the buttons out and shows the contacts. */
export function renderSheet(service: CardService, ctx: SheetContext, printing = false): TemplateResult {
  const { t } = ctx;
  const h = ctx.level;
  const fresh = freshnessOf(service, ctx);
  const structure = isDetailed(service) ? service.structure : null;
  const newWindow = t('newWindow');
  const source = safeUrl(service.lien_source, WEB_PROTOCOLS);
  const updated = formatDate(service.date_maj, ctx.locale);
  return html`<article part="card" class="card card--full" aria-labelledby="title">
    <header part="header" class="header">
      ${structure ? html`<p part="structure" class="structure">${structure.nom}</p>` : nothing}
      ${renderHeading(h, service.nom, 'title', 'title')}
      <ul class="badges" aria-label=${t('keyInformation')}>
        ${service.type ? html`<li class="badge">${labelOf('types-services', service.type, ctx.lang)}</li>` : nothing}
        ${(service.modes_accueil ?? []).map((m) => html`<li class="badge">${modeLabel(m, ctx)}</li>`)}
        <li>${fraisBadge(service, ctx)}</li>
      </ul>
      <p class="freshness ${fresh.outdated ? 'freshness--outdated' : ''}">
        ${capitalise(fresh.label)}${updated ? html` <span class="date">(${updated})</span>` : nothing}
      </p>
      ${fresh.outdated ? html`<p class="warning" part="outdated">${t('outdatedWarning')}</p>` : nothing}
    </header>

    <div class="layout">
      <div class="main">${renderDescription(service, ctx, h + 1, newWindow)} ${renderKeyInformation(service, ctx, h + 1, newWindow, printing)}</div>
      ${renderMobilise(service, ctx, h + 1, newWindow, printing)}
    </div>

    <footer part="footer" class="footer">
      <p>
        ${t('source', { source: sourceLabel(service.source) })}${source
          ? html` &ndash;
              <a href=${source} target="_blank" rel="noopener noreferrer">${t('sourceLink')}<span class="visually-hidden"> ${newWindow}</span></a>`
          : nothing}
      </p>
    </footer>
  </article>`;
}

function formatDate(date: string | null | undefined, locale: string): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  const parsed = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}

function section(id: string, title: string, level: number, content: unknown): TemplateResult {
  return html`<section part="section" class="section" aria-labelledby=${id}>${renderHeading(level, title, '', id)} ${content}</section>`;
}

function renderDescription(service: CardService, ctx: SheetContext, level: number, newWindow: string): TemplateResult | typeof nothing {
  const { t, lang } = ctx;
  const thematiques = service.thematiques ?? [];
  const description = renderMarkdown(service.description, { headingLevel: level + 1, newWindowHint: newWindow });
  if (description === nothing && !thematiques.length) return nothing;
  return section(
    'description',
    t('description'),
    level,
    html`${thematiques.length
        ? html`<ul part="tags" class="tags" aria-label=${t('thematiques')}>
            ${thematiques.map((v) => html`<li class="tag">${labelOf('thematiques', v, lang)}</li>`)}
          </ul>`
        : nothing}
      <div class="markdown">${description}</div>`,
  );
}

function renderKeyInformation(service: CardService, ctx: SheetContext, level: number, newWindow: string, printing: boolean): TemplateResult {
  const { t } = ctx;
  // A multi-line text is a list of conditions, as DORA shows it.
  const conditions = (service.conditions_acces ?? '')
    .split('\n')
    .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
    .filter(Boolean);
  const duration = durationText(service, ctx);
  return section(
    'key-information',
    t('keyInformation'),
    level,
    html`<dl class="facts">
      ${item(
        t('publics'),
        html`${publicsText(service, ctx)}${service.publics_precisions
          ? html`<span class="precisions">${service.publics_precisions}</span>`
          : nothing}`,
      )}
      ${item(
        t('conditions'),
        conditions.length > 1
          ? html`<ul>
              ${conditions.map((c) => html`<li>${c}</li>`)}
            </ul>`
          : conditions.length
            ? conditions[0]
            : t('noConditions'),
      )}
      ${item(
        t('frais'),
        html`${fraisBadge(service, ctx, false)}${service.frais_precisions ? html`<span class="precisions">${service.frais_precisions}</span>` : nothing}`,
      )}
      ${item(t('modesAccueil'), service.modes_accueil?.length ? service.modes_accueil.map((m) => modeLabel(m, ctx)).join(', ') : t('notProvided'))}
      ${renderAddress(service, ctx, newWindow, printing)} ${renderHours(service, ctx)} ${item(t('zone'), zoneText(service, ctx))}
      ${duration ? item(t('duration'), duration) : nothing} ${renderAccessibility(service, ctx, newWindow)}
    </dl>`,
  );
}

function durationText(service: CardService, { t }: SheetContext): string | null {
  const hours = service.volume_horaire_hebdomadaire;
  const weeks = service.nombre_semaines;
  const validHours = typeof hours === 'number' && Number.isFinite(hours) && hours > 0;
  const validWeeks = typeof weeks === 'number' && Number.isFinite(weeks) && weeks > 0;
  if (validHours && validWeeks) return t('durationBoth', { hours, weeks, count: weeks });
  if (validHours) return t('durationHours', { hours });
  if (validWeeks) return t('durationWeeks', { weeks, count: weeks });
  return null;
}

function zoneText(service: CardService, { t, lang, preciseZone }: SheetContext): string {
  const zone = service.zone_eligibilite;
  if (!zone || !zone.length) return t('zoneNone');
  return preciseZone || describeZoneSync(zone, lang, { max: ZONE_PARTS });
}

function renderAddress(service: CardService, ctx: SheetContext, newWindow: string, printing: boolean): TemplateResult | typeof nothing {
  const { t, lang } = ctx;
  const street = [service.adresse, service.complement_adresse].filter(Boolean).join(', ');
  const town = [service.code_postal, service.commune].filter(Boolean).join(' ');
  if (!street && !town) return nothing;
  const { latitude: lat, longitude: lon } = service;
  const located =
    typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  const map = located ? `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}` : null;
  const distance = formatDistance(ctx.distance, lang);
  return item(
    t('address'),
    html`<address class="address">
      ${street ? html`<span>${street}</span>` : nothing}${town ? html`<span>${town}</span>` : nothing}
      ${distance ? html`<span class="distance">${capitalise(distance)}</span>` : nothing}
      ${map
        ? html`<a class="map-link" href=${map} target="_blank" rel="noopener noreferrer"
            >${t('mapLink')}<span class="visually-hidden"> ${t('mapLinkLabel')} ${newWindow}</span></a
          >`
        : nothing}
    </address>
    ${printing
      ? nothing /* An element in the print iframe cannot adopt this document's stylesheets. */
      : html`<dora-location-map
          lang=${lang}
          .service=${service}
          tiles-url=${ctx.tilesUrl}
          tiles-attribution=${ctx.tilesAttribution}
        ></dora-location-map>`}`,
  );
}

function renderHours(service: CardService, ctx: SheetContext): TemplateResult | typeof nothing {
  const { t, lang } = ctx;
  const text = service.horaires_accueil ?? (isDetailed(service) ? service.structure.horaires_accueil : null);
  const hours = parseOpeningHours(text);
  if (!hours) return nothing;
  const rows = formatWeek(hours, lang);
  if (!rows.length) {
    return item(t('hours'), html`<span class="precisions">${t('hoursRaw')}</span><span class="raw-hours">${hours.source}</span>`);
  }
  // Evaluated in the service's own time zone (a Réunion service is read in Indian/Reunion).
  const now = openingState(hours, { timeZone: timeZoneOf(service.code_insee), codeInsee: service.code_insee });
  return item(
    t('hours'),
    html`${now
        ? html`<p class="open-state">
            <span class="badge ${now.open ? 'badge--success' : 'badge--error'}">${now.open ? t('openNow') : t('closedNow')}</span>
            ${now.open && now.closesAt?.inDays === 0 ? html`<span>${t('closesAt', { time: now.closesAt.time })}</span>` : nothing}
            ${!now.open && now.opensAt?.inDays === 0 ? html`<span>${t('opensToday', { time: now.opensAt.time })}</span>` : nothing}
            ${!now.open && now.opensAt?.inDays === 1 ? html`<span>${t('opensTomorrow', { time: now.opensAt.time })}</span>` : nothing}
          </p>`
        : nothing}
      <table part="hours" class="hours">
        <caption class="visually-hidden">${t('hoursCaption')}</caption>
        <thead class="visually-hidden">
          <tr>
            <th scope="col">${t('day')}</th>
            <th scope="col">${t('openingHours')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr class=${row.closed ? 'closed' : ''}>
              <th scope="row">${row.label}</th>
              <td>${row.hours}</td>
            </tr>`,
          )}
        </tbody>
      </table>`,
  );
}

function renderAccessibility(service: CardService, { t }: SheetContext, newWindow: string): TemplateResult | typeof nothing {
  const url = isDetailed(service) ? safeUrl(service.structure.accessibilite_lieu, WEB_PROTOCOLS) : null;
  if (!url) return nothing;
  return item(
    t('accessibility'),
    html`<a href=${url} target="_blank" rel="noopener noreferrer">${t('accessibilityLink')}<span class="visually-hidden"> ${newWindow}</span></a>`,
  );
}

function renderMobilise(service: CardService, ctx: SheetContext, level: number, newWindow: string, printing: boolean): TemplateResult {
  const { t, lang } = ctx;
  const link = safeUrl(service.lien_mobilisation, WEB_PROTOCOLS);
  const modes = service.modes_mobilisation ?? [];
  const by = service.mobilisable_par ?? [];
  // With a lien de mobilisation, "Mobiliser" opens it and the other contacts are shown at once.
  const revealed = printing || ctx.contactsRevealed || !!link;
  return html`<aside part="mobilise" class="mobilise" aria-labelledby="mobilise-title">
    ${renderHeading(level, t('mobiliseTitle'), '', 'mobilise-title')}
    ${modes.length || by.length || service.mobilisation_precisions
      ? html`<dl class="facts">
          ${modes.length
            ? item(
                t('howTo'),
                html`<ul>
                  ${modes.map((m) => html`<li>${labelOf('modes-mobilisation', m, lang)}</li>`)}
                </ul>`,
              )
            : nothing}
          ${by.length ? item(t('mobilisableBy'), audiences(by, ctx)) : nothing}
          ${service.mobilisation_precisions ? item(t('mobilisationDetails'), service.mobilisation_precisions) : nothing}
        </dl>`
      : nothing}
    ${printing
      ? nothing
      : link
        ? html`<a
            part="mobilise-button"
            class="button button--primary mobilise-button"
            href=${link}
            target="_blank"
            rel="noopener noreferrer"
            @click=${(e: Event) => mobilise(e, service, ctx, 'link', link)}
            >${t('mobilise')}<span class="visually-hidden"> ${newWindow}</span></a
          >`
        : html`<button
            part="mobilise-button"
            type="button"
            class="button button--primary mobilise-button"
            aria-expanded=${ctx.contactsRevealed ? 'true' : 'false'}
            aria-controls="contacts"
            @click=${(e: Event) => mobilise(e, service, ctx, 'contacts', null)}
          >
            ${t('mobilise')}
          </button>`}
    <div id="contacts" part="contacts" class="contacts" tabindex="-1" ?hidden=${!revealed}>
      ${renderHeading(level + 1, t('contacts'), '', 'contacts-title')} ${renderContacts(service, ctx, link, newWindow)}
    </div>
    ${printing ? nothing : renderActions(service, ctx)}
  </aside>`;
}

/** Who may mobilise it, in words: "Les professionnels et les personnes accompagnées". */
function audiences(by: readonly string[], { t, lang, locale }: SheetContext): string {
  const words = by.map((p) => (p === 'professionnels' ? t('byProfessionals') : p === 'usagers' ? t('byUsers') : labelOf('personnes-mobilisatrices', p, lang)));
  return capitalise(new Intl.ListFormat(locale, { type: 'conjunction' }).format(words));
}

/** A French number as it is read ("02 40 12 34 56"); anything else as given. */
function displayPhone(phone: string): string {
  const digits = phone.replace(/[\s.\-()]/g, '');
  const national = /^\+33[1-9]\d{8}$/.test(digits) ? `0${digits.slice(3)}` : /^0[1-9]\d{8}$/.test(digits) ? digits : null;
  return national ? national.replace(/(\d{2})(?=\d)/g, '$1 ') : phone;
}

function renderContacts(service: CardService, { t }: SheetContext, link: string | null, newWindow: string): TemplateResult {
  const structure = isDetailed(service) ? service.structure : null;
  const phone = service.telephone ?? structure?.telephone ?? null;
  const email = service.courriel ?? structure?.courriel ?? null;
  const tel = telUrl(phone);
  const mailto = mailtoUrl(email);
  const website = safeUrl(structure?.site_web, WEB_PROTOCOLS);
  const rows: TemplateResult[] = [];
  if (service.contact_nom_prenom) rows.push(html`<li><span class="label">${t('contactPerson')} :</span> ${service.contact_nom_prenom}</li>`);
  if (phone) rows.push(html`<li><span class="label">${t('phone')} :</span> ${tel ? html`<a class="contact-phone" href=${tel}>${displayPhone(phone)}</a>` : phone}</li>`);
  if (email)
    rows.push(html`<li><span class="label">${t('email')} :</span> ${mailto ? html`<a class="contact-email" href=${mailto}>${email}</a>` : email}</li>`);
  if (link)
    rows.push(
      html`<li>
        <a class="contact-link" href=${link} target="_blank" rel="noopener noreferrer"
          >${t('mobilisationLink')}<span class="visually-hidden"> ${newWindow}</span></a
        >
      </li>`,
    );
  if (website)
    rows.push(
      html`<li><a href=${website} target="_blank" rel="noopener noreferrer">${t('website')}<span class="visually-hidden"> ${newWindow}</span></a></li>`,
    );
  return rows.length ? html`<ul class="contact-list">${rows}</ul>` : html`<p>${t('noContact')}</p>`;
}

function renderActions(service: CardService, ctx: SheetContext): TemplateResult {
  const { t } = ctx;
  const canReport = !!(fillUrlTemplate(ctx.reportUrl, { id: service.id, source: service.source }) || reportMailto(service, ctx));
  return html`<div part="actions" class="actions" role="group" aria-label=${t('actions')}>
      <button type="button" class="button" data-action="share" @click=${() => share(service, ctx)}>${t('share')}</button>
      <button type="button" class="button" data-action="copy" @click=${() => copyLink(ctx)}>${t('copyLink')}</button>
      <button type="button" class="button" data-action="print" @click=${() => printSheet(service, ctx)}>${t('print')}</button>
      ${canReport
        ? html`<button type="button" class="button button--tertiary" data-action="report" @click=${() => report(service, ctx)}>${t('report')}</button>`
        : nothing}
    </div>
    <p class="status" role="status">${ctx.statusMessage}</p>`;
}

async function mobilise(event: Event, service: CardService, ctx: SheetContext, mode: 'link' | 'contacts', url: string | null): Promise<void> {
  if (!fire(ctx.host, 'dora-mobilise', { service, mode, url }, { cancelable: true })) {
    event.preventDefault();
    return;
  }
  if (mode === 'contacts') await ctx.revealContacts();
}

/** A readable plain-text summary for sharing: name, structure, address, phone, e-mail, link. */
export function summary(service: CardService, { t }: SheetContext, url: string): { title: string; text: string } {
  const structure = isDetailed(service) ? service.structure : null;
  const address = [service.adresse, service.complement_adresse, [service.code_postal, service.commune].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const phone = service.telephone ?? structure?.telephone;
  const email = service.courriel ?? structure?.courriel;
  const lines = [
    t('shareName', { name: service.nom }),
    structure ? t('shareStructure', { structure: structure.nom }) : null,
    address ? t('shareAddress', { address }) : null,
    phone ? t('sharePhone', { phone: displayPhone(phone) }) : null,
    email ? t('shareEmail', { email }) : null,
    t('shareLink', { url }),
  ].filter((line): line is string => !!line);
  return { title: structure ? t('shareSubject', { name: service.nom, structure: structure.nom }) : service.nom, text: lines.join('\n') };
}

async function share(service: CardService, ctx: SheetContext): Promise<void> {
  const url = ctx.shareUrl;
  const { title, text } = summary(service, ctx, url);
  const data = { title, text, url };
  const webShare = typeof navigator.share === 'function' && (navigator.canShare?.(data) ?? true);
  const method = webShare ? 'web-share' : 'email';
  if (!fire(ctx.host, 'dora-share', { service, method, url, title, text }, { cancelable: true })) return;
  if (webShare) {
    try {
      await navigator.share(data);
    } catch {
      // The user closed the share sheet: nothing to do.
    }
    return;
  }
  window.open(`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(text)}`, '_self');
}

async function copyLink(ctx: SheetContext): Promise<void> {
  // Cleared first so that a second copy is announced again.
  await ctx.setStatus('');
  try {
    await navigator.clipboard.writeText(ctx.shareUrl);
    await ctx.setStatus(ctx.t('linkCopied'));
  } catch {
    await ctx.setStatus(ctx.t('copyFailed', { url: ctx.shareUrl }));
  }
}

function reportMailto(service: CardService, ctx: SheetContext): string | null {
  const structure = isDetailed(service) ? service.structure : null;
  const mailto = mailtoUrl(service.courriel ?? structure?.courriel);
  if (!mailto) return null;
  return `${mailto}?subject=${encodeURIComponent(ctx.t('reportSubject', { name: service.nom }))}&body=${encodeURIComponent(
    ctx.t('reportBody', { name: service.nom, url: ctx.shareUrl }),
  )}`;
}

function report(service: CardService, ctx: SheetContext): void {
  const page = fillUrlTemplate(ctx.reportUrl, { id: service.id, source: service.source });
  const url = page ?? reportMailto(service, ctx);
  if (!fire(ctx.host, 'dora-report', { service, url }, { cancelable: true })) return;
  if (page) window.open(page, '_blank', 'noopener,noreferrer');
  else if (url) window.open(url, '_self');
}

let printFrame: HTMLIFrameElement | null = null;

/**
 * Prints the sheet alone. `@media print` cannot hide the host page from inside a shadow root, so a
 * clean copy (contacts shown, buttons left out) is rendered by Lit into a hidden same-origin iframe
 * (no HTML string, so no Trusted Types sink), styled with a constructed stylesheet (allowed under
 * `style-src 'self'`, unlike a `<style>` element), and printed from there.
 */
export async function printSheet(service: CardService, ctx: SheetContext): Promise<void> {
  if (!fire(ctx.host, 'dora-print', { service }, { cancelable: true })) return;
  printFrame?.remove();
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = ctx.t('print');
  printFrame = frame;
  ctx.host.renderRoot.appendChild(frame);
  // The initial about:blank document exists synchronously; yielding once lets observers of the
  // shadow root (tests, host tooling) see the frame before it prints.
  await Promise.resolve();
  const view = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!view || !doc) return;
  doc.documentElement.lang = ctx.lang;
  doc.title = service.nom;
  const sheet = new (view as unknown as typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(printStyles([ctx.styles, sheetStyles]));
  doc.adoptedStyleSheets = [sheet];
  render(renderSheet(service, { ...ctx, contactsRevealed: true }, true), doc.body);
  view.addEventListener('afterprint', () => {
    if (printFrame === frame) printFrame = null;
    frame.remove();
  });
  view.focus();
  view.print();
}
