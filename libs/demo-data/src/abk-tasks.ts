import { AbkTask } from '@mutasi/domain';

const t = (task: string, volumePerYear: number, minutesPerUnit: number): AbkTask => ({ task, volumePerYear, minutesPerUnit });

/**
 * The workload analysis (ABK) of each demo position template: tasks with their yearly volume and standard minutes.
 * At 1,250 effective hours a year each gives the template's kebutuhan (docs/workload.md works three of them through).
 */
export const DEMO_ABK: Readonly<Record<string, readonly AbkTask[]>> = {
  'kadis-kesehatan': [
    t('Memimpin perumusan kebijakan kesehatan daerah', 12, 2400),
    t('Mengendalikan program dan anggaran dinas', 52, 600),
    t('Memimpin rapat koordinasi lintas sektor', 48, 240),
  ],
  'kabid-perencanaan': [
    t('Menyusun rencana kerja bidang', 4, 4800),
    t('Mengevaluasi capaian program triwulan', 4, 3600),
    t('Memimpin rapat teknis perencanaan', 96, 240),
    t('Menyupervisi staf', 240, 60),
  ],
  'kabag-hukum': [t('Menelaah rancangan peraturan daerah', 30, 1200), t('Memberi pertimbangan hukum', 120, 240), t('Mendampingi perkara', 10, 900)],
  'kasubbag-kepegawaian': [
    t('Mengelola administrasi kepegawaian', 1200, 60),
    t('Menyusun laporan kepegawaian bulanan', 12, 1800),
    t('Melayani usulan kenaikan pangkat dan mutasi', 300, 180),
  ],
  'analis-kebijakan': [
    t('Menyusun kajian kebijakan', 24, 12000),
    t('Menyusun policy brief', 60, 2400),
    t('Menganalisis data statistik sektoral', 150, 960),
    t('Mengevaluasi pelaksanaan kebijakan', 10, 2400),
  ],
  'analis-sdm': [
    t('Menyusun analisis jabatan dan ABK', 100, 3600),
    t('Menyusun rencana kebutuhan pegawai', 12, 6000),
    t('Memproses usulan mutasi dan kenaikan pangkat', 2400, 120),
    t('Menyusun laporan pengembangan kompetensi', 24, 7500),
  ],
  'pranata-komputer': [t('Memelihara sistem dan jaringan', 250, 720), t('Mengembangkan aplikasi layanan', 6, 36000), t('Menangani permintaan dukungan TI', 2400, 20)],
  'kepala-puskesmas': [t('Memimpin layanan puskesmas', 5, 72000), t('Menyusun laporan kinerja puskesmas', 60, 300)],
  'kepala-sekolah': [t('Memimpin satuan pendidikan', 8, 69000), t('Menyupervisi pembelajaran guru', 480, 120)],
  'pengelola-keuangan': [t('Memverifikasi dokumen SPP/SPM', 9000, 40), t('Menyusun laporan keuangan bulanan', 12, 15000), t('Merekonsiliasi kas', 52, 4200)],
  pengadministrasi: [t('Mengagendakan surat masuk dan keluar', 30000, 20), t('Mengarsipkan dokumen', 20000, 20), t('Melayani tamu dan permintaan informasi', 7000, 50)],
  'analis-keuangan': [t('Menganalisis rancangan APBD', 24, 6000), t('Mengevaluasi realisasi anggaran', 48, 2400), t('Menyusun rekomendasi kebijakan keuangan', 12, 3400)],
  auditor: [t('Melaksanakan audit kinerja', 40, 9000), t('Mereviu laporan keuangan', 60, 2400), t('Mengevaluasi SAKIP', 32, 3000)],
};
