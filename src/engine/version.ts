/** The engine's version, shown in the status bar and written into exported models. */
export const ENGINE_VERSION = '0.1.0'
