import { Policy } from '../policy/policy';

/** One criterion of the merit score, in plain words. */
export interface MeritCriterion {
  readonly part: 'skp' | 'competency' | 'education' | 'timeInPost' | 'assessment';
  readonly weight: number;
  readonly label: string;
  readonly explanation: string;
}

/** What every ASN may read about how candidates are judged under a policy version (GET /api/policies/current/merit). */
export interface MeritCriteria {
  readonly policyVersion: string;
  readonly inForceSince: string;
  readonly scoreVersion: string;
  readonly summary: string;
  readonly criteria: readonly MeritCriterion[];
  readonly pool: { readonly rule: string; readonly explanation: string; readonly legalBasis: string };
  readonly eligibility: readonly { readonly ruleId: string; readonly explanation: string; readonly legalBasis: string }[];
  readonly choosingLowerRanked: string;
  readonly exceptionGrounds: readonly { readonly code: string; readonly ruleId: string; readonly label: string; readonly legalBasis: string }[] | null;
  readonly legalBasis: string;
}

const pct = (n: number): string => `${Math.round(n * 100)}%`;

/** The merit criteria, weights and thresholds of a policy version, in Bahasa Indonesia, each with its source. */
export function meritCriteria(policy: Policy): MeritCriteria {
  const w = policy.meritWeights.value;
  const years = policy.skpYearsRequired.value;
  const criteria: MeritCriterion[] = [
    { part: 'skp', weight: w.skp, label: 'Kinerja (SKP)', explanation: `rata-rata predikat SKP ${years} tahun terakhir yang sudah wajib dinilai; Sangat Baik bernilai penuh` },
    { part: 'competency', weight: w.competency, label: 'Kesesuaian kompetensi', explanation: 'bagian kompetensi yang dipersyaratkan jabatan tujuan yang dimiliki pegawai' },
    { part: 'education', weight: w.education, label: 'Kesesuaian pendidikan', explanation: 'bidang pendidikan pegawai termasuk yang dipersyaratkan jabatan tujuan' },
    {
      part: 'timeInPost',
      weight: w.timeInPost,
      label: 'Masa dalam jabatan',
      explanation: `penuh bila ${policy.minYearsInPost.value}–${policy.maxYearsInPost.value} tahun dalam jabatan sekarang, berkurang di luar rentang itu`,
    },
    ...(w.assessment > 0
      ? [
          {
            part: 'assessment' as const,
            weight: w.assessment,
            label: 'Hasil uji kompetensi',
            explanation: `rata-rata level (dari 5) uji kompetensi atas kompetensi jabatan tujuan, yang berlaku ${policy.assessmentValidityYears.value} tahun; kompetensi yang belum diuji bernilai 0`,
          },
        ]
      : []),
  ];
  const education =
    policy.educationFit.value === 'BLOCK'
      ? 'pendidikan yang tidak sesuai menolak usulan'
      : policy.educationFit.value === 'FLAG'
        ? 'pendidikan yang tidak sesuai diterima tetapi ditandai untuk inspektur'
        : 'pendidikan hanya dihitung sebagai bobot';
  return {
    policyVersion: policy.version,
    inForceSince: policy.effectiveFrom,
    scoreVersion: policy.meritScoreVersion,
    summary: `Setiap calon dinilai dengan skor ${policy.meritScoreVersion}: ${criteria.map((c) => `${c.label} ${pct(c.weight)}`).join(', ')}. Calon yang memenuhi syarat diurutkan dari skor tertinggi; skor sama diurutkan menurut NIP.`,
    criteria,
    pool: {
      rule: policy.meritPool.value,
      explanation:
        policy.meritPool.value === 'PROVINCE'
          ? 'kumpulan calon: semua pegawai instansi pengusul dan pemerintah daerah satu provinsi (instansi pusat: instansi pusat) yang memegang jabatan yang sama atau salah satu kompetensi yang dipersyaratkan'
          : 'kumpulan calon: pemegang jabatan dengan nama yang sama di instansi asal dan instansi tujuan',
      legalBasis: policy.meritPool.legalBasis,
    },
    eligibility: [
      { ruleId: 'R-04', explanation: `kesesuaian kompetensi minimal ${pct(policy.minimumCompetencyFit.value)}`, legalBasis: policy.minimumCompetencyFit.legalBasis },
      { ruleId: 'R-08', explanation: education, legalBasis: policy.educationFit.legalBasis },
      { ruleId: 'R-22', explanation: 'tidak sedang menjalani hukuman disiplin atau perkara pengadilan', legalBasis: 'Peraturan BKN 5/2019 Pasal 3' },
      { ruleId: 'R-23', explanation: 'tidak sedang tugas belajar atau dalam ikatan dinas', legalBasis: 'Peraturan BKN 5/2019 Pasal 3' },
      { ruleId: 'R-24', explanation: `SKP minimal ${policy.minimumSkp.value} dalam ${years} tahun terakhir`, legalBasis: policy.minimumSkp.legalBasis },
      {
        ruleId: 'R-03',
        explanation: `${policy.minYearsInPost.value}–${policy.maxYearsInPost.value} tahun dalam jabatan; di bawah minimum hanya dengan alasan yang tercantum dalam kebijakan`,
        legalBasis: policy.minYearsInPost.legalBasis,
      },
      { ruleId: 'M-09', explanation: 'seorang pegawai hanya dalam satu usulan mutasi yang berjalan', legalBasis: 'antiintervensi (M-09)' },
    ],
    choosingLowerRanked: 'memilih calon yang bukan peringkat pertama wajib disertai alasan tertulis; pilihan itu dicatat dan ditandai untuk inspektur (M-01)',
    exceptionGrounds:
      policy.exceptionGrounds.value === null ? null : policy.exceptionGrounds.value.map((g) => ({ code: g.code, ruleId: g.ruleId, label: g.label, legalBasis: g.legalBasis })),
    legalBasis: policy.meritWeights.legalBasis,
  };
}
