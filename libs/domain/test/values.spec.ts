import { addWorkingDays, DomainError, golonganName, identifierProblems, isNip, isNiPppk, nipParts, parseEmployeeId, parseGolongan } from '@mutasi/domain';
import { SAMPLE_NIP } from '@mutasi/demo-data';

describe('NIP and NI PPPK', () => {
  it('accepts every PNS NIP of the sample data and reads its parts', () => {
    for (const nip of [SAMPLE_NIP.clean, SAMPLE_NIP.tenYearLock, SAMPLE_NIP.jptLock, SAMPLE_NIP.shortTenure]) expect(isNip(nip)).toBe(true);
    expect(nipParts(parseEmployeeId(SAMPLE_NIP.clean))).toEqual({ birthDate: '1988-04-12', appointmentYear: 2015, appointmentMonth: 3, sex: 'MALE', sequence: 4 });
  });

  it('accepts the sample NI PPPK, which carries the code 21 after the appointment year', () => {
    expect(isNiPppk(SAMPLE_NIP.pppk)).toBe(true);
    expect(isNip(SAMPLE_NIP.pppk)).toBe(false);
    expect(nipParts(parseEmployeeId(SAMPLE_NIP.pppk))).toMatchObject({ appointmentMonth: null, sex: 'FEMALE' });
  });

  it.each([
    ['19880412201503100', 'harus tepat 18 angka'],
    ['1988041220150310041', 'harus tepat 18 angka'],
    ['19880412201503100X', 'harus tepat 18 angka'],
    ['198802302015031004', 'tanggal lahir 19880230 bukan tanggal yang valid'],
    ['198804122015131004', 'bulan pengangkatan CPNS 13 harus 01–12'],
    ['198804122015033004', 'digit jenis kelamin harus 1 atau 2'],
    ['198804122015031000', 'nomor urut harus 001–999'],
    ['198804121995031004', 'lebih awal dari saat pemiliknya berusia 15 tahun'],
  ])('refuses %s with a clear reason (%s)', (nip, reason) => {
    expect(identifierProblems(nip, 'PNS').join('; ')).toContain(reason);
    expect(() => parseEmployeeId(nip, 'employeeNip')).toThrow(DomainError);
  });

  it('names the field in the refusal', () => {
    try {
      parseEmployeeId('123', 'employeeNip');
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details.errors?.[0]?.field).toBe('employeeNip');
    }
  });
});

describe('golongan', () => {
  it('knows every PNS golongan by its official name', () => {
    expect(golonganName(parseGolongan('III/c', 'PNS') as 'III/c')).toBe('Penata');
    expect(golonganName('IV/e')).toBe('Pembina Utama');
    expect(golonganName('I/b')).toBe('Juru Muda Tingkat I');
  });

  it('refuses a golongan that does not exist or belongs to the other kind of employee', () => {
    expect(() => parseGolongan('III/e', 'PNS')).toThrow(/I\/a sampai IV\/e/);
    expect(() => parseGolongan('IX', 'PNS')).toThrow(DomainError);
    expect(parseGolongan('IX', 'PPPK')).toBe('IX');
    expect(() => parseGolongan('III/a', 'PPPK')).toThrow(/golongan PPPK/);
  });
});

describe('R-31 working days', () => {
  const year2026 = (dates: string[]) => ({ years: [{ year: 2026, dates, basis: 'test' }] });

  it('skips weekends and the national holidays of the calendar', () => {
    expect(addWorkingDays('2026-06-05', 1, year2026([]))).toEqual({ date: '2026-06-08', yearsWithoutCalendar: [] });
    expect(addWorkingDays('2026-05-29', 1, year2026(['2026-06-01'])).date).toBe('2026-06-02');
    expect(addWorkingDays('2026-06-01', 30, year2026([])).date).toBe('2026-07-13');
  });

  it('S-01 counts a year without a calendar on weekdays only, and names it', () => {
    expect(addWorkingDays('2026-12-28', 5, year2026([]))).toEqual({ date: '2027-01-04', yearsWithoutCalendar: [2027] });
    expect(addWorkingDays('2026-12-28', 5, { years: [...year2026([]).years, { year: 2027, dates: ['2027-01-01'], basis: 'test' }] })).toEqual({
      date: '2027-01-05',
      yearsWithoutCalendar: [],
    });
  });
});
