// JSX types for the DORA elements in React 19. React sets a prop the element knows as a PROPERTY
// (so lists are arrays: `categories={['mobilite']}`, not a comma-separated string), other props
// (`api-url`, `code-commune`…) as attributes, and `on<event-name>` props as event listeners.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { DoraMobiliseDetail, DoraResultsEventDetail, DoraSearchElement, DoraServiceOpenDetail } from '@dora/elements';

type DoraSearchProps = DetailedHTMLProps<HTMLAttributes<DoraSearchElement>, DoraSearchElement> & {
  'api-url'?: string;
  'geo-url'?: string;
  token?: string;
  'code-commune'?: string;
  categories?: DoraSearchElement['categories'];
  thematiques?: DoraSearchElement['thematiques'];
  publics?: DoraSearchElement['publics'];
  frais?: DoraSearchElement['frais'];
  'page-size'?: number;
  'heading-level'?: number;
  'include-remote-services'?: 'true' | 'false';
  strings?: DoraSearchElement['strings'];
  'ondora-results'?: (event: CustomEvent<DoraResultsEventDetail>) => void;
  'ondora-service-open'?: (event: CustomEvent<DoraServiceOpenDetail>) => void;
  'ondora-mobilise'?: (event: CustomEvent<DoraMobiliseDetail>) => void;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'dora-search': DoraSearchProps;
    }
  }
}
