/** Words for the popup's rows (pure). */
import type { AuditEntry, AuditResourceType, ObservedOutcome } from '../src/audit';

const TYPE_LABEL: Readonly<Record<AuditResourceType, string>> = {
  script: 'script',
  xmlhttprequest: 'fetch',
  ping: 'beacon',
  image: 'image',
  sub_frame: 'frame',
  websocket: 'websocket',
  media: 'media',
  font: 'font',
  stylesheet: 'style',
  other: 'other',
};

export function typeLabel(type: AuditResourceType): string {
  return TYPE_LABEL[type];
}

const OUTCOME_LABEL: Readonly<Record<ObservedOutcome, string>> = {
  loaded: 'loaded',
  failed: 'failed to load',
  requested: 'requested',
  'refused-by-csp': 'refused by the page policy',
  'reported-by-csp': 'reported by the page policy',
  pending: 'no outcome seen yet',
};

/** "2 loaded, 1 failed to load": what the page saw happen, most frequent first. */
export function outcomesText(entry: Pick<AuditEntry, 'outcomes'>): string {
  return (Object.entries(entry.outcomes) as [ObservedOutcome, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, n]) => `${n} ${OUTCOME_LABEL[outcome]}`)
    .join(', ');
}

/** The outcome seen most often: the row's `data-observed`. */
export function mainOutcome(entry: Pick<AuditEntry, 'outcomes'>): ObservedOutcome {
  let best: ObservedOutcome = 'pending';
  let most = 0;
  for (const [outcome, n] of Object.entries(entry.outcomes) as [ObservedOutcome, number][]) {
    if (n > most) {
      best = outcome;
      most = n;
    }
  }
  return best;
}

// Made once: toLocale*String builds a new formatter on every call.
const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Local time of day, or date and time when not today. */
export function timeText(time: number, now: number): string {
  const date = new Date(time);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return (sameDay ? TIME : DATE_TIME).format(date);
}

/** A path shown in one line: long ones keep their start and end. */
export function shortPath(path: string, max = 80): string {
  if (path.length <= max) return path;
  const head = Math.ceil((max - 1) * 0.6);
  return `${path.slice(0, head)}…${path.slice(path.length - (max - 1 - head))}`;
}
