import { Policy } from './policy';

const PP11 = 'PP 11/2017 jo. PP 17/2020 Pasal 190';
const PERBAN5 = 'Peraturan BKN 5/2019 Pasal 3';

/**
 * The first policy version: thresholds as read from the sources in docs/domain.md §6. Sources were read second-hand;
 * where none was found the note says so.
 */
export const POLICY_2024_1: Policy = {
  version: 'mutasi-policy/2024.1',
  effectiveFrom: '2024-01-01',
  description: 'Ambang batas menurut PP 11/2017, UU 10/2016, UU 5/2014, PermenPAN-RB 6/2024 dan Peraturan BKN 5/2019',
  minYearsInPost: { value: 2, legalBasis: `${PP11}(3)`, note: 'batas minimal 6 bulan diumumkan pada 2025; peraturannya tidak ditemukan' },
  maxYearsInPost: { value: 5, legalBasis: `${PP11}(3)` },
  selfRequestLockYears: { value: 10, legalBasis: 'PermenPAN-RB 6/2024 Pasal 59' },
  skpYearsRequired: { value: 2, legalBasis: PERBAN5 },
  minimumSkp: { value: 'BAIK', legalBasis: PERBAN5 },
  electionFreezeMonthsBeforePaslon: { value: 6, legalBasis: 'UU 10/2016 Pasal 71 ayat (2) dan (4)' },
  postInaugurationMonths: { value: 6, legalBasis: 'UU 10/2016 Pasal 162 ayat (3)' },
  pilkadaScopeClasses: {
    value: ['JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS'],
    legalBasis: 'Surat Edaran Mendagri 2024 (R-41)',
    note: 'jabatan fungsional yang memimpin unit kerja tercakup melalui Position.pilkadaScope',
  },
  jptLockYears: { value: 2, legalBasis: 'UU 5/2014 Pasal 116 ayat (1)' },
  pertekDays: { value: 15, legalBasis: 'pernyataan BKN (R-30): pertek dalam 15 hari sejak berkas lengkap' },
  stepDeadlineDays: { value: 14, legalBasis: 'praktik setempat (R-30): setiap tahap persetujuan memiliki tenggat', note: 'peraturannya tidak ditemukan' },
  escalationDays: { value: 7, legalBasis: 'praktik setempat (R-30): tahap yang melewati tenggat dieskalasi lagi setelah sekian hari ini' },
  appointmentWorkingDays: { value: 30, legalBasis: 'pernyataan BKN (R-31)' },
  objectionWindowDays: { value: 14, legalBasis: 'PP 79/2021 (menurut laporan) (R-32)' },
  objectionDecisionDays: { value: 21, legalBasis: 'PP 79/2021 (menurut laporan) (R-32)' },
  evaluationMonths: { value: [6, 12], legalBasis: `${PP11}: evaluasi mutasi`, note: 'jadwalnya mengikuti praktik setempat' },
  repeatMoveYears: { value: 2, legalBasis: 'pola antiintervensi (M-03)' },
  ppkDecreeBurst: { value: { count: 10, windowDays: 30 }, legalBasis: 'pola antiintervensi (M-03)' },
  meritScoreVersion: 'merit-score/v1',
  meritWeights: {
    value: { skp: 0.4, competency: 0.3, education: 0.15, timeInPost: 0.15, assessment: 0 },
    legalBasis: 'UU 20/2023 Pasal 9 ayat (2): sistem merit',
  },
  minimumCompetencyFit: { value: 0.5, legalBasis: `${PP11}(4): kompetensi sesuai dengan jabatan tujuan` },
  maxDaysFromDecreeToTmt: {
    value: 30,
    legalBasis: 'kebijakan instansi (M-06): TMT menyusul SK tidak lama kemudian, sehingga pelantikan dapat menyusul TMT dalam tenggat R-31',
    note: 'peraturannya tidak ditemukan',
  },
  eligibilityChangeWindowDays: { value: 90, legalBasis: 'kebijakan instansi (M-05): data persyaratan yang berubah tidak lama sebelum pengusulan ditunjukkan kepada inspektorat' },
  skpRatingDueBy: {
    value: '04-01',
    legalBasis: 'kebijakan instansi (R-24): nilai SKP tahunan suatu tahun ditetapkan pada awal tahun berikutnya',
    note: 'sebelum tanggal ini SKP tahun sebelumnya belum disyaratkan',
  },
  evaluationScoring: {
    value: { vacancyClosed: 40, skpHeldOrImproved: 30, skpOneStepDown: 15, competencyFit: 30, metAt: 70, partlyMetAt: 40 },
    legalBasis: 'kebijakan instansi (M-08): evaluasi dinilai terhadap alasan semula, yaitu lowongan yang terisi oleh orang yang sesuai',
  },
  jptLockEnabled: { value: true, legalBasis: 'UU 5/2014 Pasal 116 ayat (1)' },
  presidentialPositions: { value: { mode: 'NOT_APPLIED', classes: [], functionalLevels: [] }, legalBasis: 'tidak diterapkan dalam versi ini' },
  jptCompetencyTest: { value: false, legalBasis: 'tidak diterapkan dalam versi ini' },
  pppkInternalMove: { value: false, legalBasis: 'PP 49/2018: tidak ada skema mutasi bagi PPPK' },
  objectionDecisionCounting: { value: 'CALENDAR', legalBasis: 'PP 79/2021 (menurut laporan) (R-32)' },
  chainShape: { value: { interProvinceThroughGovernor: false, kabkotaToProvinsiForwarding: true }, legalBasis: 'docs/domain.md §4 sebagaimana pertama kali ditulis' },
  replacementReport: { value: { enabled: false, workingDays: 7 }, legalBasis: 'tidak diterapkan dalam versi ini' },
  actingHeads: { value: ['PENJABAT'], legalBasis: 'PP 49/2008 Pasal 132A' },
  actingHeadPertek: { value: true, legalBasis: 'Perpres 116/2022' },
  abkEffectiveHoursPerYear: {
    value: 1250,
    legalBasis:
      'pernyataan: 1250 jam kerja efektif setahun (5 hari kerja seminggu), dirujuk ke PermenPAN-RB 1/2020 (naskahnya belum dibaca); pedoman lama 1200 jam (Perka BKN 19/2011)',
  },
  needsFiguresMismatch: { value: 'REFUSE', legalBasis: `${PP11}(4): kebutuhan dibuktikan dengan ABK yang tercatat` },
  planOnRecord: { value: false, legalBasis: 'tidak diterapkan dalam versi ini: rencana mutasi disebut dalam teks bebas' },
  meritPool: { value: 'SAME_TITLE_ORIGIN_TARGET', legalBasis: 'merit-score/v1: pemegang jabatan dengan nama jabatan yang sama di instansi asal atau instansi tujuan' },
  educationFit: { value: 'WEIGHT', legalBasis: 'merit-score/v1: kesesuaian pendidikan hanya menjadi bobot' },
  exceptionGrounds: { value: null, legalBasis: 'tidak diterapkan dalam versi ini: alasan ditulis dalam teks bebas' },
  assessmentValidityYears: { value: 3, legalBasis: 'tidak digunakan dalam merit-score/v1' },
  trainingPlan: {
    value: { enabled: false, hoursPerGap: 20, kind: 'PELATIHAN', beforeTmt: true, beforeTmtDays: 60, afterTmtMonths: 6 },
    legalBasis: 'tidak diterapkan dalam versi ini',
  },
  maxTextLength: 4000,
};

const CHECKED = 'diperiksa 2026-12-01';
const R03_GROUNDS = 'kebijakan instansi: PP 11/2017 Pasal 190 ayat (3) menetapkan batas minimal 2 tahun tanpa menyebut pengecualian; inilah alasan yang diterima instansi';
const R44_GROUNDS = 'kebijakan instansi; latar belakang: UU 5/2014 Pasal 116 ayat (1) (dicabut oleh UU 20/2023) hanya membolehkan penggantian dalam 2 tahun karena alasan berikut';

/** The grounds an exception to may rest on (policy 2026.12). */
const EXCEPTION_GROUNDS: Policy['exceptionGrounds']['value'] = [
  { code: 'R03_PENATAAN_ORGANISASI', ruleId: 'R-03', label: 'penataan organisasi', legalBasis: R03_GROUNDS },
  { code: 'R03_KEBUTUHAN_MENDESAK', ruleId: 'R-03', label: 'kebutuhan organisasi yang mendesak (terdokumentasi)', legalBasis: R03_GROUNDS },
  { code: 'R03_PENUGASAN_KHUSUS', ruleId: 'R-03', label: 'penugasan khusus (prioritas nasional)', legalBasis: R03_GROUNDS },
  { code: 'R44_MELANGGAR_PERATURAN', ruleId: 'R-44', label: 'melanggar ketentuan peraturan perundang-undangan', legalBasis: R44_GROUNDS },
  { code: 'R44_TIDAK_MEMENUHI_SYARAT', ruleId: 'R-44', label: 'tidak lagi memenuhi syarat jabatan', legalBasis: R44_GROUNDS },
  {
    code: 'R44_PENATAAN_ORGANISASI',
    ruleId: 'R-44',
    label: 'penataan organisasi (jabatan dihapus atau ditata ulang)',
    legalBasis: `${R44_GROUNDS}; alasan penataan organisasi merupakan tambahan dari instansi sendiri`,
  },
];

/**
 * The law as it stands on 2026-12-01 (docs/domain.md §6, docs/rules.md): revoked and misread sources corrected, sources that are official
 * statements or agency policy said to be so, the President's positions, PPPK moves inside one agency, working-day
 * deadlines, the corrected chains, R-33 and acting heads (Plt). Decisions taken under 2024.1 keep their version.
 */
export const POLICY_2026_12: Policy = {
  ...POLICY_2024_1,
  version: 'mutasi-policy/2026.12',
  effectiveFrom: '2026-12-01',
  description:
    'Ketentuan hukum per 2026-12-01: UU 20/2023, PP 11/2017 jo. PP 17/2020, Peraturan BKN 5/2019, PermenPAN-RB 6/2024, pernyataan resmi dan kebijakan instansi, masing-masing diberi tanda',
  minYearsInPost: { value: 2, legalBasis: `${PP11}(3) (berlaku, ${CHECKED})`, note: 'batas minimal 6 bulan diumumkan pada 2025 (pernyataan); peraturannya tidak ditemukan' },
  maxYearsInPost: { value: 5, legalBasis: `${PP11}(3) (berlaku, ${CHECKED})` },
  selfRequestLockYears: {
    value: 10,
    legalBasis: `PermenPAN-RB 6/2024 Pasal 59 ayat (2), dihitung sejak TMT PNS (berlaku, ${CHECKED})`,
    note: 'Pasal 59 ayat (4): pegawai yang tetap mengajukan pindah dianggap mengundurkan diri',
  },
  jptLockYears: {
    value: 2,
    legalBasis: 'kebijakan instansi (R-44); latar belakang: UU 5/2014 Pasal 116 ayat (1), dicabut oleh UU 20/2023 pada 2023-10-31, ketentuan penggantinya tidak ditemukan',
    note: 'dapat diatur: jptLockEnabled',
  },
  jptLockEnabled: { value: true, legalBasis: 'kebijakan instansi (R-44), aktif secara bawaan; UU 5/2014 Pasal 116 telah dicabut oleh UU 20/2023' },
  pertekDays: { value: 15, legalBasis: `pernyataan resmi (R-30): BKN menyelesaikan dalam 15 hari kalender sejak berkas lengkap (BKN, 2019; bukan pasal peraturan) (${CHECKED})` },
  stepDeadlineDays: {
    value: 14,
    legalBasis: 'kebijakan instansi (R-30): setiap tahap persetujuan lainnya memiliki tenggat',
    note: 'tidak ada peraturan yang mengatur waktu tahap-tahap ini',
  },
  escalationDays: { value: 7, legalBasis: 'kebijakan instansi (R-30): tahap yang melewati tenggat dieskalasi lagi setelah sekian hari ini' },
  appointmentWorkingDays: { value: 30, legalBasis: `pernyataan resmi (R-31): pelantikan dalam 30 hari kerja sejak SK (BKN, 2019) (${CHECKED})` },
  objectionWindowDays: {
    value: 14,
    legalBasis: 'pernyataan resmi (R-32): 14 hari untuk mengajukan keberatan, sebagaimana dinyatakan oleh pejabat daerah',
    note: 'pasal untuk jangka waktu ini tidak ditemukan',
  },
  objectionDecisionDays: { value: 21, legalBasis: `pernyataan resmi (R-32): PPK memutus keberatan dalam 21 hari kerja (${CHECKED})` },
  objectionDecisionCounting: { value: 'WORKING', legalBasis: `pernyataan resmi (R-32): 21 hari kerja (${CHECKED})` },
  meritScoreVersion: 'merit-score/v2',
  meritWeights: {
    value: { skp: 0.35, competency: 0.25, education: 0.1, timeInPost: 0.15, assessment: 0.15 },
    legalBasis:
      'kebijakan instansi (M-01): pemeringkatan calon dengan skor berversi adalah cara Mutasi menerapkan sistem merit; latar belakang: prinsip merit UU 20/2023 (kualifikasi, kompetensi dan kinerja)',
    note: 'merit-score/v2 menambahkan hasil uji kompetensi yang tercatat',
  },
  meritPool: {
    value: 'PROVINCE',
    legalBasis:
      'kebijakan instansi (M-01): kelompok calon adalah setiap pegawai instansi pengusul dan pemerintah daerah di provinsinya (bagi instansi pusat: pegawai instansi pusat) yang memegang nama jabatan tersebut atau salah satu kompetensi yang disyaratkan',
    note: 'mutasi dari wilayah yang lebih jauh (provinsi lain) tetap dimungkinkan; calonnya diperingkat terhadap kelompok calon ini',
  },
  educationFit: {
    value: 'FLAG',
    legalBasis: `${PERBAN5} dan PP 11/2017 Pasal 190 ayat (2): kualifikasi yang disyaratkan jabatan dipertimbangkan dalam mutasi (pernyataan tentang persyaratan itu; pasal-pasalnya dibaca dari sumber kedua, ${CHECKED})`,
    note: 'kebijakan instansi: calon yang bidang pendidikannya tidak tercantum pada jabatan ditandai untuk inspektorat; BLOCK menolak, WEIGHT hanya memberi skor',
  },
  exceptionGrounds: {
    value: EXCEPTION_GROUNDS,
    legalBasis: 'kebijakan instansi (R-03, R-44): pengecualian harus didasarkan pada alasan yang tercantum; teks bebas hanya menjelaskannya',
  },
  assessmentValidityYears: {
    value: 3,
    legalBasis: 'kebijakan instansi (merit-score/v2): hasil uji kompetensi berlaku 3 tahun, sesuai masa berlaku yang umumnya dinyatakan oleh assessment center',
    note: 'peraturan tentang masa berlakunya tidak ditemukan',
  },
  trainingPlan: {
    value: { enabled: true, hoursPerGap: 20, kind: 'PELATIHAN', beforeTmt: true, beforeTmtDays: 60, afterTmtMonths: 6 },
    legalBasis: `UU 20/2023 (pengembangan kompetensi adalah hak dan kewajiban setiap ASN) dan PP 11/2017 Pasal 203 (pengembangan kompetensi paling sedikit 20 jam setahun; pernyataan, dibaca dari sumber kedua, ${CHECKED})`,
    note: 'kebijakan instansi (R-09): kesenjangan kompetensi direncanakan sebagai pelatihan 20 jam yang harus selesai sebelum TMT; SK menunggu sampai pelatihan selesai atau dibebaskan',
  },
  presidentialPositions: {
    value: { mode: 'REFUSE', classes: ['JPT_UTAMA', 'JPT_MADYA'], functionalLevels: ['AHLI_UTAMA'] },
    legalBasis: `PP 11/2017 Pasal 3 ayat (3); UU 20/2023 Pasal 29 ayat (1): mutasinya tidak didelegasikan kepada PPK instansi (berlaku, ${CHECKED})`,
    note: 'REFUSE: Mutasi tidak menjalankan prosedur Presiden (melalui Kementerian Sekretariat Negara); versi berikutnya dapat menambahkannya sebagai tahap',
  },
  jptCompetencyTest: {
    value: true,
    legalBasis: `PP 17/2020 (perubahan atas PP 11/2017): perpindahan dari satu JPT ke JPT lain memerlukan uji kompetensi (berlaku, ${CHECKED})`,
  },
  pppkInternalMove: {
    value: true,
    legalBasis: `pernyataan resmi (R-62): KepMenPAN-RB 16/2025 sebagaimana diberitakan pada November 2025: PPPK dapat pindah di dalam satu instansi dengan rekomendasi MenPAN-RB (${CHECKED})`,
  },
  chainShape: {
    value: { interProvinceThroughGovernor: true, kabkotaToProvinsiForwarding: false },
    legalBasis: `pernyataan resmi: mutasi antarprovinsi ke kabupaten/kota diajukan kepada Mendagri melalui gubernur, dengan tembusan kepada Kepala BKN; KABKOTA_TO_PROVINSI: gubernur adalah PPK penerima (PP 11/2017) (${CHECKED})`,
  },
  replacementReport: {
    value: { enabled: true, workingDays: 7 },
    legalBasis: `pernyataan resmi (R-33): SE Mendagri 100.2.1.3/1575/SJ Tahun 2024: kepala daerah melaporkan setiap penggantian pejabat kepada Mendagri dalam 7 hari kerja (${CHECKED})`,
  },
  actingHeads: { value: ['PENJABAT', 'PLT'], legalBasis: `PP 49/2008 Pasal 132A; Permendagri 4/2023 Pasal 15 (pernyataan: berlaku bagi Plt maupun Penjabat) (${CHECKED})` },
  actingHeadPertek: { value: true, legalBasis: `pernyataan resmi (R-46): surat Kepala BKN tentang pertek bagi penjabat kepala daerah, bukan Perpres 116/2022 (${CHECKED})` },
  planOnRecord: {
    value: true,
    legalBasis: `${PP11}(1): mutasi dilakukan berdasarkan perencanaan; kebijakan instansi: rencana mutasi merupakan data referensi dan setiap kasus menyebutnya dengan id (${CHECKED})`,
  },
};

/** Every policy version, oldest first. */
export const DEFAULT_POLICIES: readonly Policy[] = [POLICY_2024_1, POLICY_2026_12];
