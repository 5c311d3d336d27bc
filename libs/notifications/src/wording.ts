import { HumanRole, StepKind } from '@mutasi/domain';

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

/** Role labels of docs/ui.md, for texts that name an office. */
export const ROLE_NAMES: Readonly<Record<HumanRole, string>> = {
  PNS: 'Pegawai', PENGUSUL: 'Pengusul', VERIFIKATOR: 'Verifikator kepegawaian', TIM_PENILAI_KINERJA: 'Tim Penilai Kinerja',
  PPK: 'Pejabat Pembina Kepegawaian', GUBERNUR: 'Gubernur', MENDAGRI: 'Menteri Dalam Negeri', KANREG_BKN: 'Kepala Kantor Regional BKN',
  KEPALA_BKN: 'Kepala BKN', INSPEKTUR: 'Inspektur', ADMIN: 'Pengelola data',
};

/** Capitalises the first letter (step names are written to sit inside a sentence). */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
