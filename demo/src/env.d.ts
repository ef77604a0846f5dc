/// <reference types="vite/client" />

/** Address of the local API started by `npm start` (set in vite.config.ts). */
declare const __DORA_LOCAL_API_URL__: string;
