/**
 * Rijksdriehoeksstelsel (RD New, EPSG:28992) <-> WGS84 (EPSG:4326) with the approximation formulas of
 * Schreutelkamp & Strang van Hees, "Benaderingsformules voor de transformatie tussen RD- en
 * WGS84-kaartcoördinaten", Geodesia 43 (2001) 64-69. Accuracy about 1 m within the Netherlands,
 * enough for a buurt map (not for cadastral work, which needs RDNAPTRANS).
 *
 * x, y in metres (RD); lat, lon in decimal degrees (WGS84).
 */

/** The reference point of the RD system: the Onze Lieve Vrouwetoren in Amersfoort. */
export const RD_ORIGIN = { x: 155_000, y: 463_000, lat: 52.1551744, lon: 5.38720621 } as const;

/** [p, q, K_pq] for latitude and [p, q, L_pq] for longitude, in arc seconds. */
const K: readonly (readonly [number, number, number])[] = [
  [0, 1, 3235.65389],
  [2, 0, -32.58297],
  [0, 2, -0.2475],
  [2, 1, -0.84978],
  [0, 3, -0.0655],
  [2, 2, -0.01709],
  [1, 0, -0.00738],
  [4, 0, 0.0053],
  [2, 3, -0.00039],
  [4, 1, 0.00033],
  [1, 1, -0.00012],
];
const L: readonly (readonly [number, number, number])[] = [
  [1, 0, 5260.52916],
  [1, 1, 105.94684],
  [1, 2, 2.45656],
  [3, 0, -0.81885],
  [1, 3, 0.05594],
  [3, 1, -0.05607],
  [0, 1, 0.01199],
  [3, 2, -0.00256],
  [1, 4, 0.00128],
  [0, 2, 0.00022],
  [2, 0, -0.00022],
  [5, 0, 0.00026],
];
/** The inverse: [p, q, R_pq] for x and [p, q, S_pq] for y, in metres. */
const R: readonly (readonly [number, number, number])[] = [
  [0, 1, 190094.945],
  [1, 1, -11832.228],
  [2, 1, -114.221],
  [0, 3, -32.391],
  [1, 0, -0.705],
  [3, 1, -2.34],
  [1, 3, -0.608],
  [0, 2, -0.008],
  [2, 3, 0.148],
];
const S: readonly (readonly [number, number, number])[] = [
  [1, 0, 309056.544],
  [0, 2, 3638.893],
  [2, 0, 73.077],
  [1, 2, -157.984],
  [3, 0, 59.788],
  [0, 1, 0.433],
  [2, 2, -6.439],
  [1, 1, -0.032],
  [0, 4, 0.092],
  [1, 4, -0.054],
];

function evaluate(terms: readonly (readonly [number, number, number])[], a: number, b: number): number {
  let sum = 0;
  for (const [p, q, c] of terms) sum += c * a ** p * b ** q;
  return sum;
}

/** RD New (x, y in metres) -> WGS84 (lat, lon in degrees). */
export function convertRdToWgs84(x: number, y: number): { lat: number; lon: number } {
  const dx = (x - RD_ORIGIN.x) * 1e-5;
  const dy = (y - RD_ORIGIN.y) * 1e-5;
  return {
    lat: RD_ORIGIN.lat + evaluate(K, dx, dy) / 3600,
    lon: RD_ORIGIN.lon + evaluate(L, dx, dy) / 3600,
  };
}

/** WGS84 (lat, lon in degrees) -> RD New (x, y in metres). */
export function convertWgs84ToRd(lat: number, lon: number): { x: number; y: number } {
  const dLat = 0.36 * (lat - RD_ORIGIN.lat);
  const dLon = 0.36 * (lon - RD_ORIGIN.lon);
  return { x: RD_ORIGIN.x + evaluate(R, dLat, dLon), y: RD_ORIGIN.y + evaluate(S, dLat, dLon) };
}

/** The extent of RD New coordinates on land (EPSG:28992 area of use, rounded outwards). */
export function isWithinRdExtent(x: number, y: number): boolean {
  return x >= -7_000 && x <= 300_000 && y >= 289_000 && y <= 629_000;
}
