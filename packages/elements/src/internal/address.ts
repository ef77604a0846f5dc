import type { Service } from '@dora/sdk';

type Address = Pick<Service, 'adresse' | 'complement_adresse' | 'code_postal' | 'commune'>;

/**
 * "12 rue de Strasbourg, Bâtiment B, 44000 Nantes", from whatever parts are known (empty when none).
 * The list and the map both show it: everything on the map must also be in the list.
 */
export function postalAddress(service: Address): string {
  const town = [service.code_postal, service.commune].map((part) => part?.trim()).filter(Boolean).join(' ');
  return [service.adresse, service.complement_adresse, town].map((part) => part?.trim()).filter(Boolean).join(', ');
}
