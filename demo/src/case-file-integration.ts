// The integration pattern for case-management software: take over "Mobiliser" and record an
// orientation in the beneficiary's file instead.
import type { DoraMobiliseDetail } from '@dora/elements';

export interface Orientation {
  serviceId: string;
  service: string;
  structure: string;
  /** How the service is mobilised: its link, or its phone and e-mail. */
  mode: string;
  /** ISO date and time of the orientation. */
  date: string;
}

export function recordOrientationsFrom(search: HTMLElement, record: (orientation: Orientation) => void): void {
  search.addEventListener('dora-mobilise', (event: CustomEvent<DoraMobiliseDetail>) => {
    // The software takes over: the widget neither opens the link nor reveals the contacts.
    event.preventDefault();
    const { service, mode } = event.detail;
    record({
      serviceId: service.id,
      service: service.nom,
      structure: 'structure' in service && service.structure ? service.structure.nom : '',
      mode: mode === 'link' ? 'Lien de mobilisation' : 'Contact direct (téléphone, courriel)',
      date: new Date().toISOString(),
    });
  });
}
