/**
 * class-validator's own English messages, said in Bahasa Indonesia (a person reads them next to the field, e.g. in
 * Admin's import preview). Messages a DTO states itself are already Indonesian and match none of these patterns, so
 * they pass unchanged; field names, values and limits are kept as they are.
 */
const DEFAULT_MESSAGES: readonly [RegExp, string][] = [
  [/^property (\S+) should not exist$/, 'kolom tak dikenal: $1 tidak diterima'],
  [/^nested property (\S+) must be either object or array$/, '$1 harus berupa objek atau daftar'],
  [/^(.+) must be a string$/, '$1 harus berupa teks'],
  [/^(.+) must be an integer number$/, '$1 harus bilangan bulat'],
  [/^(.+) must be a number conforming to the specified constraints$/, '$1 harus berupa angka'],
  [/^(.+) must be a boolean value$/, '$1 harus true atau false'],
  [/^(.+) must be an array$/, '$1 harus berupa daftar'],
  [/^(.+) must be an object$/, '$1 harus berupa objek'],
  [/^(.+) must be one of the following values: (.*)$/, '$1 harus salah satu dari: $2'],
  [/^(.+) must be a valid enum value$/, '$1 bukan nilai yang dikenal'],
  [/^(.+) must be longer than or equal to (\d+) characters?$/, '$1 paling sedikit $2 karakter'],
  [/^(.+) must be shorter than or equal to (\d+) characters?$/, '$1 paling banyak $2 karakter'],
  [/^(.+) must not be less than (\S+)$/, '$1 tidak boleh kurang dari $2'],
  [/^(.+) must not be greater than (\S+)$/, '$1 tidak boleh lebih dari $2'],
  [/^(.+) must contain no more than (\d+) elements$/, '$1 paling banyak berisi $2 butir'],
  [/^(.+) must contain at least (\d+) elements$/, '$1 paling sedikit berisi $2 butir'],
  [/^(.+) should not be empty$/, '$1 wajib diisi'],
  [/^(.+) should not be null or undefined$/, '$1 wajib diisi'],
  [/^(.+) must match .+ regular expression$/, '$1 formatnya tidak sesuai'],
  [/^(.+) must be a valid ISO 8601 date string$/, '$1 harus tanggal ISO 8601'],
  [/^(.+) must be a UUID$/, '$1 harus UUID'],
];

/** The message in Bahasa Indonesia when it is one of class-validator's defaults; "each value in x …" keeps its subject. */
export function indonesianValidatorMessage(message: string): string {
  const each = /^each value in (.+)$/.exec(message);
  if (each) {
    const inner = indonesianValidatorMessage(each[1] as string);
    return inner === each[1] ? message : `setiap nilai di ${inner}`;
  }
  for (const [pattern, replacement] of DEFAULT_MESSAGES) if (pattern.test(message)) return message.replace(pattern, replacement);
  return message;
}
