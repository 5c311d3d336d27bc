/** Common Indonesian given names and family names for the fictitious demo people. */
export const MALE_NAMES = [
  'Agus', 'Budi', 'Dedi', 'Eko', 'Fajar', 'Gilang', 'Hendra', 'Irfan', 'Joko', 'Kurniawan', 'Lukman', 'Made', 'Nanda',
  'Oki', 'Putu', 'Rizky', 'Slamet', 'Taufik', 'Umar', 'Wahyu', 'Yusuf', 'Zainal', 'Arif', 'Bambang', 'Dimas', 'Hadi',
] as const;
export const FEMALE_NAMES = [
  'Ayu', 'Bunga', 'Citra', 'Dewi', 'Endah', 'Fitri', 'Gita', 'Hana', 'Indah', 'Kartika', 'Lestari', 'Maya', 'Nur',
  'Putri', 'Ratna', 'Sari', 'Tuti', 'Wulan', 'Yanti', 'Rina', 'Siti', 'Anisa', 'Diah', 'Lina', 'Mega', 'Novi',
] as const;
export const FAMILY_NAMES = [
  'Pratama', 'Saputra', 'Wijaya', 'Hidayat', 'Nugroho', 'Santoso', 'Kusuma', 'Siregar', 'Nasution', 'Harahap',
  'Simanjuntak', 'Wibowo', 'Setiawan', 'Permana', 'Rahmawati', 'Lubis', 'Sitompul', 'Handayani', 'Purnomo', 'Hakim',
  'Syahputra', 'Utami', 'Firmansyah', 'Maharani', 'Gunawan', 'Susanti', 'Ramadhan', 'Yulianti',
] as const;
