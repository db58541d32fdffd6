/** The storage.local key the settings are saved under: the pages follow it to see a change made elsewhere. */
export const SETTINGS_KEY = 'settings';
