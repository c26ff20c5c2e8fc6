#!/usr/bin/env python3
"""Extract the example's narrative (narasi/*.md) from the reference report.

The officer's prose of the reference is copied as Markdown; figures that the
model computes are replaced by placeholders, tables and pictures are left to
lkjip. Run once; the files are then edited by hand like any officer would.

    python3 examples/dspppa-belitung-2024/sumber/narasi.py PATH/TO/lkjip-dspppa-belitung-2024.txt
"""
import os
import re
import sys

REF = sys.argv[1] if len(sys.argv) > 1 else "../../../../shared/reference/lkjip-dspppa-belitung-2024.txt"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "narasi")
L = open(REF, encoding="utf-8").read().split("\n")

SKIP = re.compile(r"^(Tabel|TABEL|TAABEL|Grafik|Gambar|\*\*|\$|\\)|Screen Shoot")


def convert(a, b, headings=True):
    out = []
    for ln in L[a - 1:b]:
        s = ln.strip()
        if not s or "\t" in ln or SKIP.search(s) or s.startswith("<") or s in ("BAB I", "BAB II", "BAB III", "BAB IV"):
            continue
        if re.match(r"^\d+\.\d*\.?\s+[A-Z][A-Z ,/()-]+$", s) or re.match(r"^\d\. [A-Z ]+$", s):
            continue  # section headings belong to the template
        m = re.match(r"^(\d+\.\d+\.\d+\.?)\s+(.*)$", s)
        if m:
            if headings:
                out.append("### " + m.group(2).strip())
            continue
        m = re.match(r"^-?\s*(\d+)\)\s+(.*)$", s)
        if m:
            out.append("%s. %s" % (m.group(1), m.group(2)))
            continue
        m = re.match(r"^-?\s*\(?(\d+)\)\s+(.*)$", s)
        if m:
            out.append("%s. %s" % (m.group(1), m.group(2)))
            continue
        m = re.match(r"^-\s+([a-z])\.\s+(.*)$", s)
        if m:
            out.append("\n%s. %s\n" % (m.group(1), m.group(2)))
            continue
        out.append("\n" + s + "\n")
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def write(name, text):
    for old, new in FIGURES:
        text = text.replace(old, new)
    with open(os.path.join(OUT, name + ".md"), "w", encoding="utf-8") as f:
        f.write(text)


# Figures the model computes, replaced by placeholders in the copied prose.
FIGURES = [
    ("dengan nilai rata-rata capaian dari 6 (enam) Indikator Kinerja adalah 1068,61% dan persentase realisasi anggaran 92,31%",
     "dengan persentase realisasi anggaran {{ hasil.persen_realisasi | persen }}%"),
]

RINGKASAN = """Berdasarkan Rencana Strategis (Renstra) {{ identitas.nama_opd }} ({{ identitas.singkatan }}) {{ identitas.pemerintah_daerah }} Tahun 2024 - 2026 tujuan dari {{ identitas.singkatan }} adalah untuk mendukung tujuan pembangunan Bupati Belitung yaitu tujuan pembangunan di bidang rehabilitasi dan perlindungan jaminan sosial, serta pemberdayaan sosial dan penanganan fakir miskin dan di bidang kualitas hidup perempuan, perlindungan perempuan, kualitas keluarga, sistem data gender dan anak, pemenuhan hak anak dan perlindungan khusus anak di Kabupaten Belitung, oleh karena itulah perlunya penjabaran rencana program dan kegiatan dari tujuan dan sasaran yang telah ditetapkan dalam Renstra.

Untuk mencapai tujuan tersebut, terdapat 3 tujuan dan 3 sasaran yang memuat {{ hasil.jumlah_indikator_kinerja }} indikator kinerja pada Perubahan Kedua Renstra {{ identitas.nama_opd }} {{ identitas.pemerintah_daerah }} Tahun 2024 – 2026 yang dijabarkan dalam program dan kegiatan. Adapun untuk jumlah program dan kegiatan, tahun {{ identitas.tahun }} {{ identitas.nama_opd }} telah melaksanakan {{ ringkasan.jumlah_program }} program, {{ ringkasan.jumlah_kegiatan }} kegiatan dan {{ ringkasan.jumlah_sub_kegiatan }} sub kegiatan dengan Pagu Anggaran sebesar Rp. {{ ringkasan.pagu | rupiah }},- dan Realisasi Anggaran Rp. {{ ringkasan.realisasi | rupiah }},- atau {{ hasil.persen_realisasi | persen }}% yang bersumber anggaran DAU, Fiskal dan DAK Non Fisik PPA.

Faktor pendukung dari pelaksanaan program/ kegiatan yaitu adanya sarana dan prasarana pendukung dan anggaran yang memadai serta adanya koordinasi yang baik dengan OPD terkait. Adapun faktor penghambat yaitu data yang belum terintegrasi, termutakhir, dan termanfaatkan secara baik dalam penyusunan, pelaksanaan program/ kegiatan/ kebijakan, serta faktor kuantitas dan kualitas SDM di lingkungan {{ identitas.nama_opd }} {{ identitas.pemerintah_daerah }}.

Beberapa langkah-langkah yang harus lebih ditekankan pada masa-masa mendatang, diantaranya:

1. Peningkatan Jumlah Sumber Daya Manusia (SDM) dan Kompetensi SDM melalui Diklat Kompetensi baik fungsional maupun Struktural.
2. Meningkatkan sarana dan prasarana guna menunjang pelayanan publik.

Pencapaian kinerja saat ini akan menjadi perhatian dalam perencanaan serta pelaksanaan program dan kegiatan pada tahun-tahun berikutnya. Selain itu, Laporan Kinerja Tahun {{ identitas.tahun }} ini juga merupakan bagian evaluasi akuntabilitas kinerja bagi pihak yang membutuhkan untuk penyempurnaan berbagai kebijakan di bidang keuangan daerah.
"""


def main():
    os.makedirs(OUT, exist_ok=True)
    write("ringkasan-eksekutif", RINGKASAN)
    write("kata-pengantar", convert(17, 21))
    write("1.1-tugas-dan-fungsi", convert(79, 88))
    write("1.2-struktur-organisasi", convert(91, 113) + "\n" + convert(141, 219))
    write("1.3-aspek-strategis", convert(266, 330))
    write("1.4-sistematika", convert(333, 359))
    write("2.1-target-kinerja", convert(365, 427) + "\n" + convert(625, 628) + "\n" + convert(647, 650))
    write("2.2-perjanjian-kinerja", convert(651, 660))
    write("3.0-akuntabilitas-kinerja", convert(689, 700))
    write("3.1-capaian-kinerja", convert(717, 728))
    write("sasaran-1", '{{ tabel("Tabel 3.15") }}\n\n{{ tabel("Tabel 3.16") }}\n\n{{ tabel("Tabel 3.17") }}\n\n' + convert(1195, 1212) + '\n{{ tabel("Tabel 3.38") }}\n')
    write("sasaran-2", convert(1800, 1810) + '\n{{ tabel("Tabel 3.39") }}\n')
    write("sasaran-3", convert(2079, 2091))
    write("3.2-kinerja-lainnya", convert(2515, 2562) + "\n" + convert(2565, 2572) + "\n" + convert(2641, 2660) + '\n{{ tabel("Tabel 3.40") }}\n\n{{ tabel("Tabel 3.41") }}\n')
    write("4.1-kesimpulan", convert(2993, 3014))
    write("4.2-langkah-perbaikan", convert(3017, 3030))


if __name__ == "__main__":
    main()
