/** Annual performance rating (SKP, predikat kinerja), best first. */
export const SKP_RATINGS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type SkpRating = (typeof SKP_RATINGS)[number];

/** True when `value` is one of the five SKP ratings. */
export function isSkpRating(value: unknown): value is SkpRating {
  return (SKP_RATINGS as readonly unknown[]).includes(value);
}

/** Points for a rating, 5 (SANGAT_BAIK) to 1 (SANGAT_KURANG), used by merit ranking and evaluations. */
export function skpPoints(rating: SkpRating): number {
  return SKP_RATINGS.length - SKP_RATINGS.indexOf(rating);
}

/** True when `rating` is at least `minimum`. */
export function skpAtLeast(rating: SkpRating, minimum: SkpRating): boolean {
  return skpPoints(rating) >= skpPoints(minimum);
}
