/** Attribute converters of `<dora-search>` (the DI widget's parameters, as HTML attributes). */
import { parseList } from './search-state.js';

/** Boolean attributes whose default is `true` must accept `="false"`. */
export const booleanAttribute = (defaultValue: boolean) => ({
  fromAttribute: (value: string | null): boolean => (value === null ? defaultValue : !/^(false|0|no|off)$/i.test(value.trim())),
  toAttribute: (value: boolean): string => String(value),
});

/** A comma-separated list. */
export const listAttribute = {
  fromAttribute: (value: string | null): string[] => parseList(value),
  toAttribute: (value: string[]): string => value.join(','),
};

/**
 * `hasChanged` of list properties: a new array with the same values in the same order is no change.
 * Frameworks (React) give a new array at every render; without this, each would restart the search
 * and close the opened sheet.
 */
export const listChanged = (value: readonly string[] | undefined, old: readonly string[] | undefined): boolean =>
  !(value === old || (Array.isArray(value) && Array.isArray(old) && value.length === old.length && value.every((item, i) => item === old[i])));

/** A number, or `null` when empty or not a number. */
export const numberAttribute = {
  fromAttribute: (value: string | null): number | null => {
    if (value === null || value.trim() === '') return null;
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  },
};

/** `value` rounded into [min, max], or `fallback` when it is not a number. */
export const clamp = (value: number | null | undefined, min: number, max: number, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;

