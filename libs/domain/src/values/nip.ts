import { DomainError, FieldError } from '../shared/errors';
import { isRealDate } from '../shared/dates';

/**
 * NIP (Nomor Induk Pegawai) of a PNS: 18 digits = birth date (YYYYMMDD) + year and month of CPNS appointment
 * (YYYYMM) + sex (1 male, 2 female) + sequence (001–999). NI PPPK has the same layout with `21` in place of the
 * appointment month. Neither encodes TMT PNS, so the ten-year lock never derives from it.
 */
export type Nip = string & { readonly __brand: 'Nip' };
export type NiPppk = string & { readonly __brand: 'NiPppk' };

export interface NipParts {
  readonly birthDate: string;
  readonly appointmentYear: number;
  /** 1–12 for a PNS NIP; `null` for NI PPPK. */
  readonly appointmentMonth: number | null;
  readonly sex: 'MALE' | 'FEMALE';
  readonly sequence: number;
}

/** The reasons an 18-digit identifier is not a valid NIP or NI PPPK, or an empty list when it is. */
export function identifierProblems(value: unknown, kind: 'PNS' | 'PPPK'): string[] {
  const label = kind === 'PNS' ? 'NIP' : 'NI PPPK';
  if (typeof value !== 'string' || !/^\d{18}$/.test(value)) return [`${label} harus tepat 18 angka`];
  const problems: string[] = [];
  const [by, bm, bd] = [Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8))];
  if (!isRealDate(by, bm, bd)) problems.push(`${label}: tanggal lahir ${value.slice(0, 8)} bukan tanggal yang valid`);
  const appointmentYear = Number(value.slice(8, 12));
  const monthPart = value.slice(12, 14);
  if (kind === 'PNS') {
    const month = Number(monthPart);
    if (month < 1 || month > 12) problems.push(`${label}: bulan pengangkatan CPNS ${monthPart} harus 01–12`);
  } else if (monthPart !== '21') {
    problems.push(`${label} harus memuat kode PPPK 21 setelah tahun pengangkatan (ditemukan ${monthPart})`);
  }
  if (appointmentYear < by + 15) problems.push(`${label}: tahun pengangkatan ${appointmentYear} lebih awal dari saat pemiliknya berusia 15 tahun`);
  const sex = value.charAt(14);
  if (sex !== '1' && sex !== '2') problems.push(`${label}: digit jenis kelamin harus 1 atau 2 (ditemukan ${sex})`);
  if (value.slice(15) === '000') problems.push(`${label}: nomor urut harus 001–999`);
  return problems;
}

/** True when `value` is a valid PNS NIP. */
export function isNip(value: unknown): value is Nip {
  return identifierProblems(value, 'PNS').length === 0;
}

/** True when `value` is a valid NI PPPK. */
export function isNiPppk(value: unknown): value is NiPppk {
  return identifierProblems(value, 'PPPK').length === 0;
}

/** Validates an employee identifier of either kind; throws a 400-kind DomainError naming `field`. */
export function parseEmployeeId(value: unknown, field = 'nip'): Nip | NiPppk {
  if (isNip(value)) return value;
  if (isNiPppk(value)) return value;
  const problems = identifierProblems(value, typeof value === 'string' && value.slice(12, 14) === '21' ? 'PPPK' : 'PNS');
  const errors: FieldError[] = problems.map((message) => ({ field, message }));
  throw new DomainError('VALIDATION', 'INVALID_NIP', problems.join('; '), { errors });
}

/** The parts of a valid NIP or NI PPPK. */
export function nipParts(id: Nip | NiPppk): NipParts {
  const isPppk = id.slice(12, 14) === '21';
  return {
    birthDate: `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}`,
    appointmentYear: Number(id.slice(8, 12)),
    appointmentMonth: isPppk ? null : Number(id.slice(12, 14)),
    sex: id.charAt(14) === '1' ? 'MALE' : 'FEMALE',
    sequence: Number(id.slice(15)),
  };
}
