import { StepKind } from '@mutasi/domain';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A civil date as docs/ui.md asks (`id-ID`): 2026-12-01 → "1 Desember 2026". */
export function tanggal(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return `${String(day)} ${MONTHS[(month ?? 1) - 1] ?? ''} ${String(year)}`;
}

/** What each kind of approval step asks for, in the words of the agencies (the chain's titles are English). */
export const STEP_NAMES: Readonly<Record<StepKind, string>> = {
  VERIFICATION: 'verifikasi berkas usulan',
  CONSIDERATION: 'pertimbangan Tim Penilai Kinerja',
  PROPOSAL: 'usulan PPK instansi penerima',
  CONSENT: 'persetujuan tertulis PPK instansi asal',
  FORWARDING: 'penerusan oleh Gubernur',
  COORDINATION: 'koordinasi Kementerian Dalam Negeri',
  WRITTEN_APPROVAL: 'persetujuan tertulis Menteri Dalam Negeri',
  PERTEK: 'pertimbangan teknis (pertek) BKN',
  DECREE: 'penetapan SK mutasi',
};

/** Capitalises the first letter (step names are written to sit inside a sentence). */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
