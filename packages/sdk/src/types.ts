/**
 * Response types of the data·inclusion API v1 (`openapi-v1-current.json`, schema v1.0.8).
 * Every key is present in API responses, `null` when empty. Vocabulary fields accept values the SDK
 * does not know yet ({@link Open}): the API adds values over time.
 * @module
 */
import type {
  Frais,
  ModeAccueil,
  ModeMobilisation,
  Open,
  PersonneMobilisatrice,
  Public,
  ReseauPorteur,
  Thematique,
  TypeService,
} from './vocabularies/index.js';

/** Address and contact fields shared by services and structures. */
export interface Located {
  /** Commune name. */
  commune: string | null;
  /** Postcode (5 digits). */
  code_postal: string | null;
  /** INSEE code of the commune (`44109`, `2A004`). */
  code_insee: string | null;
  /** Street address. */
  adresse: string | null;
  /** Address complement (building, floor…). */
  complement_adresse: string | null;
  /** WGS84 longitude. */
  longitude: number | null;
  /** WGS84 latitude. */
  latitude: number | null;
  /** Phone number, preferably E.164 (`+33…`); short numbers such as `3949` are kept as digits. */
  telephone: string | null;
  /** E-mail address. */
  courriel: string | null;
}

/** A structure as embedded in a {@link DetailedService} (`BaseStructure`). */
export interface BaseStructure extends Located {
  /** Source slug (`dora`, `france-travail`…). */
  source: string;
  /** Globally unique id, `{source}--{producer id}`. */
  id: string;
  /** Name. */
  nom: string;
  /** Last update, `YYYY-MM-DD`. */
  date_maj: string;
  /** Description (Markdown). */
  description: string | null;
  /** Page on the producer's site. */
  lien_source: string | null;
  /** SIRET (14 digits). */
  siret: string | null;
  /** Web site. */
  site_web: string | null;
  /** Opening hours, meant to be OSM `opening_hours` (not validated upstream). */
  horaires_accueil: string | null;
  /** Accessibility information (usually an acceslibre link). */
  accessibilite_lieu: string | null;
  /** Networks the structure belongs to. */
  reseaux_porteurs: Open<ReseauPorteur>[] | null;
  /** `true` when the address comes from BAN geocoding. */
  adresse_certifiee: boolean;
}

/** A `{source, id}` reference to a duplicate structure. */
export interface SourceId {
  /** Source slug. */
  source: string;
  /** Id of the duplicate structure. */
  id: string;
}

/** A structure in `/structures` lists (`ListedStructure`). */
export interface Structure extends BaseStructure {
  /** [BETA] Quality score 0..1: the mean of its services' scores. */
  score_qualite: number;
  /** Duplicates of this structure in other sources. */
  doublons: SourceId[];
}

/** A duplicate as returned in full by `/structures/{id}` (no score, no address certification). */
export type StructureDuplicate = Omit<BaseStructure, 'adresse_certifiee'> & {
  /** `true` when the address comes from BAN geocoding; may be absent on duplicates. */
  adresse_certifiee?: boolean;
};

/** A service in `/services` lists. */
export interface Service extends Located {
  /** Source slug. */
  source: string;
  /** Globally unique id, `{source}--{producer id}`. */
  id: string;
  /** Id of its structure. */
  structure_id: string;
  /** Name. */
  nom: string;
  /** Description (Markdown). */
  description: string;
  /** Last update, `YYYY-MM-DD`. */
  date_maj: string;
  /** Page on the producer's site. */
  lien_source: string | null;
  /** Kind of service. */
  type: Open<TypeService> | null;
  /** Sub-thématiques. */
  thematiques: Open<Thematique>[] | null;
  /** Free or paid. */
  frais: Open<Frais> | null;
  /** Details on the cost. */
  frais_precisions: string | null;
  /** Who it is for; `tous-publics` stands alone. */
  publics: Open<Public>[] | null;
  /** Details on who it is for. */
  publics_precisions: string | null;
  /** Conditions of access (prerequisites, documents). */
  conditions_acces: string | null;
  /** Contact person. */
  contact_nom_prenom: string | null;
  /** In person and/or remote. */
  modes_accueil: Open<ModeAccueil>[] | null;
  /** Where people must live to be eligible: commune, département, EPCI SIREN, country codes or `france`; `null` means no restriction. */
  zone_eligibilite: string[] | null;
  /** Link to mobilise the service (booking, form…). */
  lien_mobilisation: string | null;
  /** How to mobilise it. */
  modes_mobilisation: Open<ModeMobilisation>[] | null;
  /** Who may mobilise it. */
  mobilisable_par: Open<PersonneMobilisatrice>[] | null;
  /** Details on mobilisation. */
  mobilisation_precisions: string | null;
  /** Hours per week. */
  volume_horaire_hebdomadaire: number | null;
  /** Number of weeks. */
  nombre_semaines: number | null;
  /** Opening hours, meant to be OSM `opening_hours` (not validated upstream). */
  horaires_accueil: string | null;
  /** `true` when the address comes from BAN geocoding. */
  adresse_certifiee: boolean;
  /** [BETA] Quality score 0..1. */
  score_qualite: number;
}

/** A service with its structure (`/services/{id}`, search results). */
export interface DetailedService extends Service {
  /** The structure that offers the service. */
  structure: BaseStructure;
}

/** A structure with its services and full duplicates (`/structures/{id}`). */
export interface DetailedStructure extends Omit<Structure, 'doublons'> {
  /** Its services. */
  services: Service[];
  /** Its duplicates in other sources, in full. */
  doublons: StructureDuplicate[];
}

/** One result of `/search/services`. */
export interface ServiceSearchResult {
  /** The service, with its structure. */
  service: DetailedService;
  /** Distance in km (integer), only for in-person services within 50 km. */
  distance: number | null;
}

/** One result of the beta full-text `/search`. */
export interface SearchResult extends ServiceSearchResult {
  /** Full-text relevance in [0, 1). */
  score_recherche: number | null;
}

/** A data source (`/sources`). */
export interface Source {
  /** Slug, as in `sources` filters and the `source` field of records. */
  slug: string;
  /** Name. */
  nom: string;
  /** Description, or `null`. */
  description: string | null;
}

/** A page of results, exactly as the API returns it. */
export interface Page<T> {
  /** The valid items of this page. */
  items: T[];
  /** Number of items across all pages. */
  total: number;
  /** This page's number, from 1. */
  page: number;
  /** Number of items the API returned in this page (not the requested size). */
  size: number;
  /** Number of pages: `ceil(total / requested size)`. */
  pages: number;
  /** Items of this page that failed validation and were dropped from `items`. */
  invalidItems: InvalidItem[];
  /** Valid items that carry vocabulary values the SDK does not know. */
  warnings: VocabularyWarning[];
}

/** An item dropped from a page because it does not match the schema. */
export interface InvalidItem {
  /** Its index in the page the API returned. */
  index: number;
  /** Its id, when readable. */
  id: string | null;
  /** What is wrong, one line each (`path: message`). */
  issues: string[];
}

/** A vocabulary value the SDK does not know, on an item kept in the page. */
export interface VocabularyWarning {
  /** The item's index in the page the API returned. */
  index: number;
  /** The item's id (the service's, for search results). */
  id: string | null;
  /** The field, as a path from the item (`thematiques`, `service.structure.reseaux_porteurs`…). */
  field: string;
  /** The unknown value. */
  value: string;
}

/** One error of a FastAPI 422 `{"detail": [...]}` body. */
export interface ValidationIssue {
  /** Error type (`enum`, `string_pattern_mismatch`, `value_error`…). */
  type: string;
  /** Where: `['query', 'frais', 0]`. */
  loc: (string | number)[];
  /** Message, in English. */
  msg: string;
  /** The rejected value. */
  input?: unknown;
  /** Details, such as the expected values. */
  ctx?: Record<string, unknown>;
}
