/** The IANA time zones this browser knows, for site settings. */
let zones: string[] | null = null;

export function timeZoneOptions(): string[] {
  zones ??=
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Paris'];
  return zones;
}

/** Where this workstation is: the likeliest zone of a site created from it. */
export function defaultTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && timeZoneOptions().includes(zone) ? zone : 'Europe/Paris';
}
