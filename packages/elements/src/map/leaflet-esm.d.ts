// Leaflet 1.9's package `main` is a UMD file with no ES exports; its real ES build has no types of
// its own, so it borrows @types/leaflet's.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
