import { invalid } from '../shared/errors';

/** PNS rank (golongan/ruang) with its official name, lowest first. */
export const PNS_GOLONGAN = [
  ['I/a', 'Juru Muda'],
  ['I/b', 'Juru Muda Tingkat I'],
  ['I/c', 'Juru'],
  ['I/d', 'Juru Tingkat I'],
  ['II/a', 'Pengatur Muda'],
  ['II/b', 'Pengatur Muda Tingkat I'],
  ['II/c', 'Pengatur'],
  ['II/d', 'Pengatur Tingkat I'],
  ['III/a', 'Penata Muda'],
  ['III/b', 'Penata Muda Tingkat I'],
  ['III/c', 'Penata'],
  ['III/d', 'Penata Tingkat I'],
  ['IV/a', 'Pembina'],
  ['IV/b', 'Pembina Tingkat I'],
  ['IV/c', 'Pembina Utama Muda'],
  ['IV/d', 'Pembina Utama Madya'],
  ['IV/e', 'Pembina Utama'],
] as const;

export type PnsGolongan = (typeof PNS_GOLONGAN)[number][0];

/** PPPK grades (golongan I–XVII, Perpres 98/2020). */
export const PPPK_GOLONGAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'] as const;
export type PppkGolongan = (typeof PPPK_GOLONGAN)[number];

export type Golongan = PnsGolongan | PppkGolongan;

/** True when `value` is a PNS golongan such as `III/c`. */
export function isPnsGolongan(value: unknown): value is PnsGolongan {
  return PNS_GOLONGAN.some(([code]) => code === value);
}

/** True when `value` is a PPPK grade such as `IX`. */
export function isPppkGolongan(value: unknown): value is PppkGolongan {
  return (PPPK_GOLONGAN as readonly unknown[]).includes(value);
}

/** Validates a golongan for an employee kind; throws a 400-kind DomainError naming `field`. */
export function parseGolongan(value: unknown, kind: 'PNS' | 'PPPK', field = 'golongan'): Golongan {
  if (kind === 'PNS' && isPnsGolongan(value)) return value;
  if (kind === 'PPPK' && isPppkGolongan(value)) return value;
  const expected = kind === 'PNS' ? 'berupa golongan PNS dari I/a sampai IV/e' : 'berupa golongan PPPK dari I sampai XVII';
  throw invalid('INVALID_GOLONGAN', field, `${field} harus ${expected} (ditemukan ${JSON.stringify(value)})`);
}

/** The official name of a PNS golongan, e.g. `III/c` → `Penata`. */
export function golonganName(code: PnsGolongan): string {
  const entry = PNS_GOLONGAN.find(([c]) => c === code);
  return entry ? entry[1] : code;
}
