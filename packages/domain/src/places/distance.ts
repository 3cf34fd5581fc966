/** A point in WGS84 degrees; a Place is one. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** Mean Earth radius (IUGG), in km. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle ("as the crow flies") distance in km, by the haversine formula. Roads are longer:
 * travelMinutesEstimate accounts for that. Liège–Namur is about 52 km.
 */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  for (const value of [a.lat, a.lon, b.lat, b.lon]) {
    if (!Number.isFinite(value)) throw new RangeError(`Coordinate expected, got ${value}`);
  }
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Average door-to-door speed assumed on the straight-line distance, km/h. */
export const TRAVEL_AVERAGE_SPEED_KMH = 40;
/** Fixed minutes added to every journey: walking to the stop or the car, waiting, parking. */
export const TRAVEL_FIXED_MINUTES = 10;

/**
 * A ROUGH ESTIMATE of one-way commuting time, in whole minutes, from a straight-line distance in km:
 * 10 minutes plus the distance at 40 km/h (so 20 km ≈ 40 min, 50 km ≈ 85 min). It stands for a
 * typical mix of road and public transport in Wallonia, the detour of roads over the straight line
 * included. It is not a route planner: a direct train can be much faster, a rural bus much slower,
 * and night or weekend services may not run at all. Show it as « environ », and let the coach and the
 * person check the real journey.
 */
export function travelMinutesEstimate(km: number): number {
  if (!Number.isFinite(km) || km < 0) throw new RangeError(`A distance in km ≥ 0 expected, got ${km}`);
  return Math.round(TRAVEL_FIXED_MINUTES + (km / TRAVEL_AVERAGE_SPEED_KMH) * 60);
}
