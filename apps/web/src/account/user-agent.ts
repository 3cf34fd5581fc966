// A user agent string told simply: « Chrome sur Linux ». Order matters: Edge and Opera say
// « Chrome », Chrome says « Safari », Android says « Linux ».

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

const find = (list: [RegExp, string][], text: string) => list.find(([pattern]) => pattern.test(text))?.[1];

/** The browser and the system named in a user agent; each undefined when not recognised. */
export function summariseUserAgent(userAgent: string | null): { browser?: string; system?: string } {
  if (!userAgent) return {};
  return { browser: find(BROWSERS, userAgent), system: find(SYSTEMS, userAgent) };
}
