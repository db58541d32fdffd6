/** Where fleet reporting keeps its state in storage.local: the queue and the send state. Both go with the policy. */
export const FLEET_QUEUE_KEY = 'fleet:queue';
export const FLEET_STATE_KEY = 'fleet:state';
/** In storage.session: when each paused tab's pause began, and on which dashboard (the event goes when it ends). */
export const FLEET_PAUSE_STARTS_KEY = 'fleet:pauseStarts';
