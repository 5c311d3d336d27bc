import { Actor, Decision, Delegation, m02DecreeMatchesProposal, m06DecreeDates, POLICY_2024_1, r06ConflictOfInterest, r06EarlierDeciders, r16Delegation } from '@mutasi/domain';
import { anEmployee, on } from './support/employee-snapshot';

// Each test pins the whole recorded outcome (verdict, reason, legal basis, inputs, code) at the rule's boundary.
const R06 = 'PP 11/2017 Pasal 190 ayat (5)';
const employee = anEmployee({ nip: '198503302010011002', relations: [{ nip: '197001012000011001', name: 'Budi', relation: 'ayah' }] });
const actor = (patch: Partial<Actor> = {}): Actor => ({ userId: 'ppk.kota-bl', name: 'Pak Joko', role: 'PPK', agencyId: 'kota-bl', nip: '196801011990011001', ...patch });
const decision = (role: Decision['role'], patch: Partial<Decision> = {}): Decision => ({
  role,
  userId: 'ppk.kota-bl',
  nip: '196801011990011001',
  name: 'Pak Joko',
  office: { role: 'PPK', agencyId: 'kota-bl' },
  at: on('2026-05-01'),
  ...patch,
});

describe('R-06 conflict of interest on a decision: the recorded evidence', () => {
  const inputs = (patch: Record<string, unknown> = {}) => ({
    actorId: 'ppk.kota-bl',
    actorNip: '196801011990011001',
    employeeNip: '198503302010011002',
    acting: 'DECREE',
    actorsEarlierRoles: [],
    documentAttachedBy: null,
    ...patch,
  });
  const refused = (reason: string, patch: Record<string, unknown> = {}) => ({
    ruleId: 'R-06',
    outcome: 'BLOCK',
    reason,
    legalBasis: R06,
    inputs: inputs(patch),
    code: 'RULE_R06_CONFLICT_OF_INTEREST',
  });

  it('R-06 refuses the employee deciding on their own transfer', () => {
    expect(r06ConflictOfInterest(actor({ nip: '198503302010011002' }), employee, [], 'DECREE')).toEqual(
      refused('pegawai yang dimutasi tidak boleh mengambil keputusan atas mutasinya sendiri', { actorNip: '198503302010011002' }),
    );
  });

  it('R-06 refuses a declared relative, naming the relation', () => {
    expect(r06ConflictOfInterest(actor({ nip: '197001012000011001' }), employee, [], 'DECREE')).toEqual(
      refused('Pak Joko adalah kerabat pegawai yang telah dilaporkan (ayah) dan tidak boleh mengambil keputusan atas mutasi ini', { actorNip: '197001012000011001' }),
    );
  });

  it('R-06 refuses a second decision role by the same person (same NIP under another login), and allows the same role again', () => {
    const earlier = [decision('NEEDS_APPROVAL', { userId: 'other-login' })];
    expect(r06ConflictOfInterest(actor(), employee, earlier, 'DECREE')).toEqual(
      refused(
        'Pak Joko sudah mengambil keputusan pada persetujuan analisis kebutuhan dalam kasus ini; satu orang paling banyak memegang satu peran keputusan dalam satu kasus, sehingga penetapan SK harus dilakukan oleh pejabat lain',
        { actorsEarlierRoles: ['NEEDS_APPROVAL'] },
      ),
    );
    expect(r06ConflictOfInterest(actor(), employee, [decision('DECREE'), decision('DECREE')], 'DECREE')).toMatchObject({
      outcome: 'PASS',
      inputs: { actorsEarlierRoles: ['DECREE'] },
    });
  });

  it('R-06 names a step role in plain words', () => {
    expect(r06ConflictOfInterest(actor(), employee, [decision('STEP:PERTEK:KEPALA_BKN@bkn')], 'DECREE').reason).toBe(
      'Pak Joko sudah mengambil keputusan pada tahap pertek oleh KEPALA_BKN@bkn dalam kasus ini; satu orang paling banyak memegang satu peran keputusan dalam satu kasus, sehingga penetapan SK harus dilakukan oleh pejabat lain',
    );
  });

  it('R-06 refuses verifying a document one attached (four eyes), and passes another verifier', () => {
    const attachedBy = { userId: 'ppk.kota-bl', nip: '196801011990011001', name: 'Pak Joko' };
    expect(r06ConflictOfInterest(actor(), employee, [], 'DOCUMENT_VERIFICATION', { documentAttachedBy: attachedBy })).toEqual(
      refused('Pak Joko melampirkan dokumen ini sehingga tidak boleh memverifikasinya (prinsip empat mata)', {
        acting: 'DOCUMENT_VERIFICATION',
        documentAttachedBy: 'ppk.kota-bl',
      }),
    );
    expect(
      r06ConflictOfInterest(actor({ userId: 'verifikator.kota-bl', nip: '197502022000022002' }), employee, [], 'DOCUMENT_VERIFICATION', { documentAttachedBy: attachedBy }),
    ).toEqual({
      ruleId: 'R-06',
      outcome: 'PASS',
      reason: 'tidak ada benturan kepentingan maupun peran keputusan kedua pada kasus ini',
      legalBasis: R06,
      inputs: inputs({ actorId: 'verifikator.kota-bl', actorNip: '197502022000022002', acting: 'DOCUMENT_VERIFICATION', documentAttachedBy: 'ppk.kota-bl' }),
    });
  });

  it('R-06 only the actor’s own earlier decisions count; the same NIP attaching under another login is still four eyes', () => {
    const byOthers = [decision('NEEDS_APPROVAL', { userId: 'tim.kota-bl', nip: '197502022000022002' })];
    expect(r06ConflictOfInterest(actor(), employee, byOthers, 'DECREE')).toMatchObject({ outcome: 'PASS', inputs: { actorsEarlierRoles: [] } });
    const sameNip = { userId: 'ppk.kota-bl.second-login', nip: '196801011990011001', name: 'Pak Joko' };
    expect(r06ConflictOfInterest(actor(), employee, [], 'DOCUMENT_VERIFICATION', { documentAttachedBy: sameNip })).toMatchObject({
      outcome: 'BLOCK',
      reason: 'Pak Joko melampirkan dokumen ini sehingga tidak boleh memverifikasinya (prinsip empat mata)',
    });
  });

  it('R-06 with no candidate named yet, an actor with a NIP is checked on the roster only', () => {
    expect(r06ConflictOfInterest(actor(), null, [], 'PROPOSAL')).toMatchObject({ outcome: 'PASS', inputs: { actorNip: '196801011990011001', employeeNip: null } });
  });

  it('R-06 an actor without a NIP and no employee yet is checked on the roster only', () => {
    expect(r06ConflictOfInterest(actor({ nip: undefined }), null, [], 'PROPOSAL')).toEqual({
      ruleId: 'R-06',
      outcome: 'PASS',
      reason: 'tidak ada benturan kepentingan maupun peran keputusan kedua pada kasus ini',
      legalBasis: R06,
      inputs: inputs({ actorNip: null, employeeNip: null, acting: 'PROPOSAL' }),
    });
  });
});

describe('R-06 earlier deciders when a candidate is named: the recorded evidence', () => {
  it('R-06 refuses a candidate who (or whose relative) took an earlier decision, naming who and what', () => {
    const byRelative = [decision('PROPOSAL', { nip: null, userId: 'system' }), decision('NEEDS_APPROVAL', { nip: '197001012000011001', name: 'Budi', userId: 'budi' })];
    expect(r06EarlierDeciders(employee, byRelative)).toEqual({
      ruleId: 'R-06',
      outcome: 'BLOCK',
      reason:
        'Budi mengambil keputusan pada persetujuan analisis kebutuhan dalam kasus ini dan merupakan kerabat calon yang telah dilaporkan (ayah); kasus yang telah diputus oleh salah satu dari mereka tidak dapat mengusulkan calon ini',
      legalBasis: R06,
      inputs: {
        employeeNip: '198503302010011002',
        earlierDeciders: [
          { role: 'PROPOSAL', userId: 'system', nip: null },
          { role: 'NEEDS_APPROVAL', userId: 'budi', nip: '197001012000011001' },
        ],
      },
      code: 'RULE_R06_CONFLICT_OF_INTEREST',
    });
    expect(r06EarlierDeciders(employee, [decision('PROPOSAL', { nip: '198503302010011002', name: 'Rina' })]).reason).toBe(
      'Rina mengambil keputusan pada usulan (pembukaan kasus, pengusulan, pemberitahuan, pengajuan) dalam kasus ini dan merupakan calon itu sendiri; kasus yang telah diputus oleh salah satu dari mereka tidak dapat mengusulkan calon ini',
    );
  });

  it('R-06 a decision without a NIP never matches a relative declared without one', () => {
    const withUnknownNip = anEmployee({ relations: [{ nip: null, name: 'Sari', relation: 'istri' }] });
    expect(r06EarlierDeciders(withUnknownNip, [decision('PROPOSAL', { nip: null, userId: 'system' })]).outcome).toBe('PASS');
  });

  it('R-06 passes a case decided by unrelated officials', () => {
    expect(r06EarlierDeciders(employee, [decision('PROPOSAL')])).toEqual({
      ruleId: 'R-06',
      outcome: 'PASS',
      reason: 'tidak ada keputusan pada kasus ini yang diambil oleh calon atau kerabatnya yang telah dilaporkan',
      legalBasis: R06,
      inputs: { employeeNip: '198503302010011002', earlierDeciders: [{ role: 'PROPOSAL', userId: 'ppk.kota-bl', nip: '196801011990011001' }] },
    });
  });
});

describe('R-16 delegation: the recorded evidence', () => {
  const signer = { role: 'PPK' as const, agencyId: 'prov-nb' };
  const delegate = actor({ userId: 'ppk2.prov-nb', agencyId: 'prov-nb', role: 'VERIFIKATOR', name: 'Bu Sari' });
  const delegation: Delegation = {
    id: 'DEL-1',
    grantor: { role: 'PPK', agencyId: 'prov-nb' },
    granteeUserId: 'ppk2.prov-nb',
    scope: ['DECREE'],
    validFrom: '2026-01-01',
    validUntil: '2026-06-30',
    legalBasis: 'SK Gubernur 1/2026',
  };
  const stranger = actor({ userId: 'sekda.prov-nb', role: 'PENGUSUL', agencyId: 'prov-nb' });
  const inputs = (a: Actor, delegationId: string | null) => ({ actorId: a.userId, actorRole: a.role, actorAgencyId: a.agencyId, signer, delegationId });
  const refused = (reason: string, d: Delegation | null = delegation) => ({
    ruleId: 'R-16',
    outcome: 'BLOCK',
    reason,
    legalBasis: d?.legalBasis ?? 'praktik setempat (R-16): pendelegasian wewenang PPK',
    inputs: inputs(stranger, d?.id ?? null),
    code: 'RULE_R16_DELEGATION',
  });

  it('R-16 passes the signer in person and a delegate on the first and last day of the delegation', () => {
    expect(r16Delegation(actor({ agencyId: 'prov-nb' }), signer, null, on('2026-06-01'))).toEqual({
      ruleId: 'R-16',
      outcome: 'PASS',
      reason: 'ditandatangani sendiri oleh penandatangan SK',
      legalBasis: 'praktik setempat (R-16): pendelegasian wewenang PPK',
      inputs: inputs(actor({ agencyId: 'prov-nb' }), null),
    });
    const signed = {
      ruleId: 'R-16',
      outcome: 'PASS',
      reason: 'ditandatangani berdasarkan pendelegasian DEL-1 (SK Gubernur 1/2026)',
      legalBasis: 'SK Gubernur 1/2026',
      inputs: inputs(delegate, 'DEL-1'),
    };
    expect(r16Delegation(delegate, signer, delegation, on('2026-01-01'))).toEqual(signed);
    expect(r16Delegation(delegate, signer, delegation, on('2026-06-30'))).toEqual(signed);
  });

  it('R-16 refuses the day after the delegation ends and the day before it starts', () => {
    const expired = { ...refused('pendelegasian DEL-1 hanya berlaku dari 2026-01-01 sampai 2026-06-30'), inputs: inputs(delegate, 'DEL-1') };
    expect(r16Delegation(delegate, signer, delegation, on('2026-07-01'))).toEqual(expired);
    expect(r16Delegation(delegate, signer, delegation, on('2025-12-31'))).toEqual(expired);
  });

  it('R-16 refuses no delegation, a revoked one, one granted to another, by another, or without DECREE in scope', () => {
    expect(r16Delegation(stranger, signer, null, on('2026-06-01'))).toEqual(
      refused('SK harus ditandatangani oleh PPK prov-nb atau penerima delegasi dengan pendelegasian yang sah', null),
    );
    expect(r16Delegation(actor({ agencyId: 'kota-bl' }), signer, null, on('2026-06-01'))).toMatchObject({
      outcome: 'BLOCK',
      inputs: { actorRole: 'PPK', actorAgencyId: 'kota-bl' },
    });
    expect(r16Delegation(stranger, signer, { ...delegation, granteeUserId: 'sekda.prov-nb', revoked: true }, on('2026-06-01'))).toEqual(
      refused('pendelegasian DEL-1 telah dicabut'),
    );
    expect(r16Delegation(stranger, signer, delegation, on('2026-06-01'))).toEqual(refused('pendelegasian DEL-1 diberikan kepada orang lain'));
    const mine = { ...delegation, granteeUserId: 'sekda.prov-nb' };
    expect(r16Delegation(stranger, signer, { ...mine, grantor: { role: 'PPK', agencyId: 'kota-bl' } }, on('2026-06-01'))).toEqual(
      refused('pendelegasian DEL-1 tidak diberikan oleh penandatangan SK PPK prov-nb'),
    );
    expect(r16Delegation(stranger, signer, { ...mine, grantor: { role: 'GUBERNUR', agencyId: 'prov-nb' } }, on('2026-06-01'))).toEqual(
      refused('pendelegasian DEL-1 tidak diberikan oleh penandatangan SK PPK prov-nb'),
    );
    expect(r16Delegation(stranger, signer, { ...mine, scope: ['APPROVAL'] }, on('2026-06-01'))).toEqual(refused('pendelegasian DEL-1 tidak mencakup penandatanganan SK'));
    expect(r16Delegation(stranger, signer, { ...mine, revoked: false }, on('2026-06-01')).outcome).toBe('PASS');
  });
});

describe('M-02 the decree equals the approved proposal: the recorded evidence', () => {
  const basis = 'antiintervensi (M-02): SK sama dengan usulan yang disetujui';
  const approved = { employeeNip: '1', targetPositionId: 'p' };

  it('M-02 refuses another employee or another position, naming each difference', () => {
    const decree = { employeeNip: '2', targetPositionId: 'q' };
    expect(m02DecreeMatchesProposal(decree, approved)).toEqual({
      ruleId: 'M-02',
      outcome: 'BLOCK',
      reason: 'SK berbeda dengan usulan yang disetujui: pegawai 2 (seharusnya 1), jabatan q (seharusnya p)',
      legalBasis: basis,
      inputs: { decree, approved },
      code: 'RULE_M02_DECREE_MISMATCH',
    });
    expect(m02DecreeMatchesProposal({ employeeNip: '1', targetPositionId: 'q' }, approved).reason).toBe('SK berbeda dengan usulan yang disetujui: jabatan q (seharusnya p)');
  });

  it('M-02 passes the approved employee and position', () => {
    expect(m02DecreeMatchesProposal(approved, approved)).toEqual({
      ruleId: 'M-02',
      outcome: 'PASS',
      reason: 'SK menyebut pegawai dan jabatan yang disetujui',
      legalBasis: basis,
      inputs: { decree: approved, approved },
    });
  });
});

describe('M-06 decree dates: the recorded evidence', () => {
  const basis = 'antiintervensi (M-06): tanggal yang tidak dapat dimanipulasi';
  const bounds = { lastApproval: '2026-05-20', today: '2026-06-01' };
  const m06 = (decreeDate: string, effectiveDate: string) => m06DecreeDates({ decreeDate, effectiveDate }, bounds, POLICY_2024_1);
  const inputs = (decreeDate: string, effectiveDate: string, latestTmt: string) => ({
    decreeDate,
    effectiveDate,
    ...bounds,
    latestTmt,
    maxDaysFromDecreeToTmt: 30,
    policyVersion: 'mutasi-policy/2024.1',
  });
  const refused = (reason: string, decreeDate: string, effectiveDate: string, latestTmt: string) => ({
    ruleId: 'M-06',
    outcome: 'BLOCK',
    reason,
    legalBasis: basis,
    inputs: inputs(decreeDate, effectiveDate, latestTmt),
    code: 'RULE_M06_DECREE_DATE',
  });

  it('M-06 passes a decree on the day of the last approval or today, with the TMT on the decree day or 30 days after', () => {
    expect(m06('2026-05-20', '2026-06-19')).toEqual({
      ruleId: 'M-06',
      outcome: 'PASS',
      reason: 'SK bertanggal 2026-05-20 (setelah persetujuan terakhir pada 2026-05-20), TMT 2026-06-19',
      legalBasis: basis,
      inputs: inputs('2026-05-20', '2026-06-19', '2026-06-19'),
    });
    expect(m06('2026-06-01', '2026-06-01').outcome).toBe('PASS');
  });

  it('M-06 refuses one day outside each bound', () => {
    expect(m06('2026-05-19', '2026-06-01')).toEqual(
      refused(
        'tanggal SK 2026-05-19 lebih awal dari persetujuan terakhir dalam rantai persetujuan pada 2026-05-20: SK tidak boleh diberi tanggal mundur',
        '2026-05-19',
        '2026-06-01',
        '2026-06-18',
      ),
    );
    expect(m06('2026-06-02', '2026-06-02')).toEqual(refused('tanggal SK 2026-06-02 belum tiba (hari ini 2026-06-01)', '2026-06-02', '2026-06-02', '2026-07-02'));
    expect(m06('2026-05-25', '2026-05-24')).toEqual(refused('TMT 2026-05-24 lebih awal dari tanggal SK 2026-05-25', '2026-05-25', '2026-05-24', '2026-06-24'));
    expect(m06('2026-05-20', '2026-06-20')).toEqual(
      refused(
        `TMT 2026-06-20 lebih dari 30 hari setelah tanggal SK (paling lambat 2026-06-19; ${POLICY_2024_1.maxDaysFromDecreeToTmt.legalBasis})`,
        '2026-05-20',
        '2026-06-20',
        '2026-06-19',
      ),
    );
  });
});
