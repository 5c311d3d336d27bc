import 'reflect-metadata';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsString, Matches, Max, MinLength, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { flattenValidationErrors } from './flatten';

class Competency {
  @IsString() code!: string;
}

class Row {
  @IsString() @MinLength(1) name!: string;
  @IsIn(['PUSAT', 'PROVINSI', 'KABKOTA']) kind!: string;
  @IsInt() @Max(10) hours!: number;
  @IsBoolean() mandatory!: boolean;
  @IsArray() @ArrayMaxSize(2) @IsString({ each: true }) tags!: string[];
  @Matches(/^\d{18}$/, { message: 'nip harus 18 angka' }) nip!: string;
  @ValidateNested({ each: true }) @Type(() => Competency) competencies!: Competency[];
}

const messages = (input: Record<string, unknown>): Record<string, string[]> => {
  const found: Record<string, string[]> = {};
  for (const e of flattenValidationErrors(validateSync(plainToInstance(Row, input), { forbidUnknownValues: false }))) (found[e.field] ??= []).push(e.message);
  return found;
};

describe('class-validator messages in Bahasa Indonesia', () => {
  it("says class-validator's defaults in Indonesian, keeping field names and limits, and leaves a DTO's own message as it is", () => {
    const found = messages({ name: '', kind: 'DESA', hours: 12.5, mandatory: 'ya', tags: ['a', 'b', 3], nip: '12', competencies: [{ code: 7 }] });
    expect(found).toEqual({
      name: ['name paling sedikit 1 karakter'],
      kind: ['kind harus salah satu dari: PUSAT, PROVINSI, KABKOTA'],
      hours: ['hours tidak boleh lebih dari 10', 'hours harus bilangan bulat'],
      mandatory: ['mandatory harus true atau false'],
      tags: ['setiap nilai di tags harus berupa teks', 'tags paling banyak berisi 2 butir'],
      nip: ['nip harus 18 angka'],
      'competencies[0].code': ['code harus berupa teks'],
    });
  });

  it('passes a valid row without a message', () => {
    expect(messages({ name: 'Andi', kind: 'PUSAT', hours: 4, mandatory: true, tags: ['a'], nip: '198804122015031004', competencies: [{ code: 'AUDIT' }] })).toEqual({});
  });
});
