#!/usr/bin/env python3
"""Regenerate the example workbooks of examples/dspppa-belitung-2024/data/.

The *.tsv files beside this script are the transcription of the reference
report (LKjIP DSPPPA Kabupaten Belitung 2024): Lampiran IX (renja.tsv),
Lampiran XII (realisasi-2024.tsv), the 2023 columns of Tabel 3.43
(realisasi-2023.tsv), Tabel 3.18 (spm.tsv), Lampiran XI / Form 2
(pengukuran.tsv), Tabel 2.3 (renstra.tsv), Tabel 3.3/3.4 and the 2023 columns
of Tabel 3.19-3.37 (riwayat.tsv), Tabel 2.1 (strategi.tsv), Tabel 1.1
(pegawai.tsv) and the agency tables (tabel-3.*.tsv). Review those against the
reference; this script only lays them out the way the official exports look:
title rows, merged multi-row headers, a numbering row, page-break repeats of
the header, amounts as numbers, percentages as the exports print them.

    pip install openpyxl==3.1.5
    python3 examples/dspppa-belitung-2024/sumber/generate.py

Output is written to ../data/. openpyxl stamps the current time into
docProps/core.xml and the zip entries; the script pins both so regenerating
gives the same bytes (with the same openpyxl version).
"""

import csv
import datetime
import os
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data")
FIXED_TIME = datetime.datetime(2025, 1, 13, 8, 0, 0)

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def normalize_zip(path):
    """Rewrite the xlsx with fixed entry times, so regenerating an unchanged
    workbook gives the same bytes (openpyxl stamps the current time)."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-13T08:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            z.writestr(fixed, data)


def read_tsv(name):
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def money(text):
    """'1.234.567,00' -> 1234567 (int); '' -> None."""
    if text is None or text.strip() in ("", "-"):
        return None
    t = text.strip().replace(".", "").replace(",00", "")
    return int(t)


def new_book():
    wb = Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "lkjip example generator"
    return wb


def save(wb, name):
    os.makedirs(OUT, exist_ok=True)
    wb.save(os.path.join(OUT, name))
    normalize_zip(os.path.join(OUT, name))
    print("wrote", os.path.join("data", name))


def header_block(ws, row, rows, merges):
    """Write header rows starting at `row`; merges are (r0, c0, r1, c1) relative."""
    for i, cells in enumerate(rows):
        for j, v in enumerate(cells):
            if v != "":
                c = ws.cell(row=row + i, column=j + 1, value=v)
                c.font = BOLD
                c.alignment = CENTER
    for r0, c0, r1, c1 in merges:
        ws.merge_cells(start_row=row + r0, start_column=c0, end_row=row + r1, end_column=c1)
    return row + len(rows)


# --------------------------------------------------------------------------
# Renja: SIPD "Perubahan Rencana Kerja Pemerintah Daerah (RKPD)", 21 columns
# --------------------------------------------------------------------------

RENJA_HEADER = [
    ["NO", "KODE", "URUSAN / BIDANG URUSAN / PROGRAM / KEGIATAN / SUB KEGIATAN",
     "INDIKATOR PROGRAM / KEGIATAN / SUB KEGIATAN", "TARGET AKHIR PERIODE RENSTRA OPD",
     "REALISASI CAPAIAN RENJA OPD TAHUN 2022", "PRAKIRAAN CAPAIAN TARGET RENJA OPD TAHUN 2023",
     "CAPAIAN KINERJA DAN KERANGKA PENDANAAN", "", "", "", "", "", "", "", "", "",
     "KELOMPOK SASARAN", "PRAKIRAAN MAJU RENCANA TAHUN 2025", "", "PERANGKAT DAERAH PENANGGUNG JAWAB"],
    ["", "", "", "", "", "", "", "TARGET 2024", "", "PAGU INDIKATIF (Rp)", "", "",
     "Bertambah/Berkurang (10-12)", "LOKASI", "SUMBER DANA", "PRIORITAS", "", "", "TARGET",
     "PAGU INDIKATIF (Rp)", ""],
    ["", "", "", "", "", "", "", "SEBELUM", "SESUDAH", "RKPD 2024", "APBD 2024",
     "RKPD PERUBAHAN 2024", "", "", "", "NASIONAL", "DAERAH", "", "", "", ""],
    [str(i) for i in range(1, 22)],
]
RENJA_MERGES = [
    (0, 1, 2, 1), (0, 2, 2, 2), (0, 3, 2, 3), (0, 4, 2, 4), (0, 5, 2, 5), (0, 6, 2, 6),
    (0, 7, 2, 7), (0, 8, 0, 17), (0, 18, 2, 18), (0, 19, 0, 20), (0, 21, 2, 21),
    (1, 8, 1, 9), (1, 10, 1, 12), (1, 13, 2, 13), (1, 14, 2, 14), (1, 15, 2, 15),
    (1, 16, 1, 17), (1, 19, 2, 19), (1, 20, 2, 20),
]


def renja():
    rows = read_tsv("renja.tsv")
    wb = new_book()
    ws = wb.active
    ws.title = "RENJA PERUBAHAN 2024"
    for i, t in enumerate(["PERUBAHAN RENCANA KERJA PEMERINTAH DAERAH (RKPD)", "KAB. BELITUNG", "TAHUN 2024"]):
        ws.cell(row=1 + i, column=1, value=t).font = BOLD
    r = header_block(ws, 5, RENJA_HEADER, RENJA_MERGES)
    since_header = 0
    for rec in rows:
        # SIPD repeats its header block at every printed page.
        if since_header >= 30 and rec["kode"].count(".") >= 4 and len(rec["kode"]) > 12:
            r = header_block(ws, r + 1, RENJA_HEADER, RENJA_MERGES)
            since_header = 0
        kode = rec["kode"]
        money_cols = [("rkpd", 10), ("apbd", 11), ("perubahan", 12), ("bertambah", 13), ("pagu_n1", 20)]
        is_sub = kode.count(".") == 5
        if rec["nama"] == "J U M L A H":
            ws.cell(row=r, column=1, value="J U M L A H").font = BOLD
        else:
            if rec["no"]:
                ws.cell(row=r, column=1, value=rec["no"])
            if kode:
                ws.cell(row=r, column=2, value=kode)
            ws.cell(row=r, column=3, value=rec["nama"]).alignment = WRAP
        target = r
        if is_sub:
            # A sub kegiatan's name row carries the code; its indicator,
            # targets and pagu sit on the next row with an empty KODE.
            r += 1
            since_header += 1
            target = r
        if rec["indikator"]:
            ws.cell(row=target, column=4, value=rec["indikator"]).alignment = WRAP
        for key, col in (("t_akhir", 5), ("r_n2", 6), ("p_n1", 7), ("t_sebelum", 8), ("t_sesudah", 9),
                         ("lokasi", 14), ("sumber", 15), ("pn", 16), ("pd", 17), ("kelompok", 18),
                         ("t_n1", 19), ("pd_pj", 21)):
            if rec[key]:
                ws.cell(row=target, column=col, value=rec[key]).alignment = WRAP
        for key, col in money_cols:
            v = money(rec[key])
            if v is not None:
                c = ws.cell(row=target, column=col, value=v)
                c.number_format = "#,##0.00"
        r += 1
        since_header += 1
    ws.freeze_panes = "A9"
    save(wb, "renja.xlsx")


# --------------------------------------------------------------------------
# Realization: Laporan Realisasi Fisik dan Keuangan, bulan Desember
# --------------------------------------------------------------------------

# As the reference prints Lampiran XII (l. 4081-4095), column for column:
# ANGGARAN 1-4 (C-F), REALISASI over the numbered columns 5 | 6 (G-H) of
# which G is blank in every row and only H, "Total Realisasi", holds the
# amounts, the % (I) under the same group, Total Realisasi Fisik Target |
# Realisasi (J-K), Sisa Pagu (L). The numbering row comes before the last
# header row ("Total Realisasi | %"), as printed.
REAL_HEADER = [
    ["Kode Urusan/Program/ Kegiatan", "Program/Kegiatan/Sub Kegiatan", "ANGGARAN APBD/PERGESERAN/APBD",
     "", "", "", "REALISASI", "", "", "Total Realisasi Fisik", "", "Sisa Pagu"],
    ["", "", "1", "2", "3", "4", "5", "6", "", "Target (%)", "Realisasi (%)", "Rp"],
    ["1", "2", "7", "", "", "", "8", "", "9", "16", "17", "18"],
    ["", "", "", "", "", "", "", "Total Realisasi", "%", "", "", ""],
]
REAL_MERGES = [(0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 6), (0, 7, 0, 9), (0, 10, 0, 11), (2, 3, 2, 6),
               (2, 7, 2, 8)]
C_PAGU_INDUK, C_PAGU, C_REAL, C_PERSEN, C_FT, C_FR, C_SISA = 3, 6, 8, 9, 10, 11, 12


def realisasi(tsv, out, tahun, apbd_of=None, previous=False):
    rows = read_tsv(tsv)
    wb = new_book()
    ws = wb.active
    ws.title = "Realisasi Desember %d" % tahun
    titles = ["LAPORAN REALISASI FISIK DAN KEUANGAN PELAKSANAAN PEMBANGUNAN ORGANISASI PERANGKAT DAERAH",
              "Bulan Desember Tahun %d" % tahun,
              "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak"]
    for i, t in enumerate(titles):
        ws.cell(row=1 + i, column=1, value=t).font = BOLD
    r = header_block(ws, 5, REAL_HEADER, REAL_MERGES)
    for rec in rows:
        kode = rec["kode"]
        ws.cell(row=r, column=2, value=rec["nama"]).alignment = WRAP
        if rec["nama"] == "Total":
            # The export prints its Total row as text, Indonesian style.
            ws.cell(row=r, column=C_PAGU if not previous else 4, value=rec["pagu"] if not previous else rec["perubahan"])
            ws.cell(row=r, column=C_REAL, value=rec["realisasi"])
            ws.cell(row=r, column=C_PERSEN, value=rec["persen"])
            if not previous:
                ws.cell(row=r, column=C_FT, value=rec["fisik_target"])
                ws.cell(row=r, column=C_FR, value=rec["fisik_realisasi"])
                ws.cell(row=r, column=C_SISA, value=rec["sisa"])
            r += 1
            continue
        ws.cell(row=r, column=1, value=kode)
        if previous:
            induk, pagu = money(rec["induk"]), money(rec["perubahan"])
            if induk is not None:
                ws.cell(row=r, column=C_PAGU_INDUK, value=induk).number_format = "#,##0"
            ws.cell(row=r, column=4, value=pagu).number_format = "#,##0"
            real = money(rec["realisasi"]) or 0
            ws.cell(row=r, column=C_REAL, value=real).number_format = "#,##0"
            ws.cell(row=r, column=C_PERSEN, value=rec["persen"])
            ws.cell(row=r, column=C_SISA, value=pagu - real).number_format = "#,##0"
        else:
            pagu = money(rec["pagu"])
            apbd = apbd_of.get(kode.replace("0.00.01", "1.06.01")) if apbd_of else None
            if apbd is not None and apbd != pagu:
                ws.cell(row=r, column=C_PAGU_INDUK, value=apbd).number_format = "#,##0"
            ws.cell(row=r, column=C_PAGU, value=pagu).number_format = "#,##0"
            real = money(rec["realisasi"])
            ws.cell(row=r, column=C_REAL, value=real if real is not None else "-").number_format = "#,##0"
            pct = rec["persen"]
            sub = pct.endswith("%")
            if sub:
                # sub kegiatan rows: a number formatted as percent
                c = ws.cell(row=r, column=C_PERSEN, value=round(float(pct[:-1].replace(",", ".")) / 100, 4))
                c.number_format = "0.00%"
            else:
                ws.cell(row=r, column=C_PERSEN, value=float(pct.replace(",", ".")))
            for key, col in (("fisik_target", C_FT), ("fisik_realisasi", C_FR)):
                v = int(rec[key].rstrip("%"))
                if sub:
                    # printed "100%": the fraction in a percent cell
                    ws.cell(row=r, column=col, value=v / 100).number_format = "0%"
                else:
                    ws.cell(row=r, column=col, value=v)
            ws.cell(row=r, column=C_SISA, value=money(rec["sisa"])).number_format = "#,##0"
        r += 1
    r += 2
    ws.cell(row=r, column=C_FT, value="KEPALA DINAS,")
    ws.cell(row=r + 4, column=C_FT, value="KASIMIN, S.IP., MAB")
    ws.cell(row=r + 5, column=C_FT, value="Pembina Utama Muda / IV.c")
    ws.freeze_panes = "A9"
    save(wb, out)


# --------------------------------------------------------------------------
# e-SPM: Laporan Pencapaian Pemenuhan SPM
# --------------------------------------------------------------------------

SPM_HEADER = [
    ["No", "Indikator Kinerja / Jenis Layanan SPM", "SATUAN", "Indikator Pencapaian / Output", "", "",
     "Total Pencapaian", "AKSI"],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
]
SPM_MERGES = [(0, 4, 0, 6)]


def spm():
    rows = read_tsv("spm.tsv")
    wb = new_book()
    ws = wb.active
    ws.title = "Pencapaian SPM"
    ws.cell(row=1, column=1, value="LAPORAN PENCAPAIAN PEMENUHAN SPM").font = BOLD
    ws.cell(row=2, column=1, value="Urusan Sosial - Kabupaten Belitung - Tahun 2024").font = BOLD
    r = header_block(ws, 4, SPM_HEADER, SPM_MERGES)
    count = 0
    for rec in rows:
        kind = rec["jenis"]
        if kind == "jenis" and count > 0:
            # the portal's PDF/XLSX export repeats the header at page breaks
            r = header_block(ws, r, SPM_HEADER, SPM_MERGES)
        if kind == "indeks":
            ws.cell(row=r, column=2, value=rec["uraian"]).font = BOLD
            ws.cell(row=r, column=7, value=rec["persen"])
        elif kind == "jenis":
            ws.cell(row=r, column=1, value=rec["no"] + ".")
            ws.cell(row=r, column=2, value=rec["uraian"]).font = BOLD
            ws.cell(row=r, column=7, value=rec["persen"])
            count += 1
        elif kind in ("pct_penerima", "pct_mutu"):
            ws.cell(row=r, column=2, value=rec["uraian"])
            if kind == "pct_penerima":
                ws.cell(row=r, column=4, value="Jumlah Total Yang Harus Dilayani")
                ws.cell(row=r, column=5, value="Jumlah Total Yang Terlayani")
                ws.cell(row=r, column=6, value="Yang Belum Terlayani")
            ws.cell(row=r, column=7, value=rec["persen"])
        elif kind == "mutu_total":
            ws.cell(row=r, column=2, value=rec["uraian"])
            ws.cell(row=r, column=4, value="Jumlah Mutu Yang Harus Dilayani / Dipenuhi")
            ws.cell(row=r, column=5, value="Jumlah Mutu Yang Terlayani / Terpenuhi")
            ws.cell(row=r, column=6, value="Mutu Yang Belum Terlayani / Terpenuhi")
            ws.cell(row=r, column=7, value=rec["persen"])
        else:  # penerima, item
            text = rec["uraian"] if kind == "penerima" else "%s . %s" % (rec["no"], rec["uraian"])
            ws.cell(row=r, column=2, value=text).alignment = WRAP
            ws.cell(row=r, column=3, value=rec["satuan"])
            for key, col in (("harus", 4), ("terlayani", 5), ("belum", 6)):
                ws.cell(row=r, column=col, value=int(rec[key]))
            ws.cell(row=r, column=7, value=rec["persen"])
        r += 1
    save(wb, "spm.xlsx")


# --------------------------------------------------------------------------
# kinerja.xlsx: the agency's own measurement workbook (layout by lkjip)
# --------------------------------------------------------------------------

def indo_number(text):
    """Form 2 prints US-style numbers ('6,110.00', '98.79%'); the officer's
    Indonesian Excel holds numbers, or text with a decimal comma."""
    t = text.strip()
    if re.fullmatch(r"-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", t) or re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", t):
        return float(t.replace(",", ""))
    m = re.fullmatch(r"(-?[0-9.]+)\s*%", t)
    if m:
        return m.group(1).replace(".", ",") + " %"
    return t


PENGUKURAN_COLS = [
    ("level", "Level"), ("kode", "Kode"), ("uraian", "Tujuan/Sasaran/Program/Kegiatan/Sub Kegiatan"),
    ("indikator", "Indikator Kinerja"), ("jenis_target", "Jenis Target"), ("target", "Target"),
    ("arah", "Arah"), ("formulasi", "Formulasi/Rumus Perhitungan"), ("data_kinerja", "Data Kinerja"),
    ("teknis_perhitungan", "Teknis Perhitungan"), ("realisasi", "Realisasi"),
    ("capaian_tercetak", "Capaian Tercetak (%)"), ("keterangan", "Keterangan"),
    ("sasaran", "Sasaran"), ("penanggung_jawab", "Penanggung Jawab"),
    ("rencana_tindak_lanjut", "Rencana Tindak Lanjut"),
]


TRIWULAN_COLS = [
    ("kode", "Kode"), ("indikator", "Indikator Kinerja"), ("agregasi", "Agregasi"),
    ("tw1", "Realisasi TW I"), ("tw2", "Realisasi TW II"), ("tw3", "Realisasi TW III"),
    ("tw4", "Realisasi TW IV"), ("pendorong", "Faktor Pendorong"), ("penghambat", "Faktor Penghambat"),
    ("tindak_lanjut", "Tindak Lanjut"),
]


def quarters(rec):
    """The reference reports the year only; the example's quarters are made
    so that they give exactly the yearly realisasi of Form 2 by the rule
    lkjip applies (sumber/README.md, "Triwulan"): a count is split 20/25/25/30 %
    over the quarters (whole numbers, the remainder in TW IV) and summed
    (kumulatif); a percentage, index, ratio or level is the state at the end
    of each quarter, rising by a quarter of the year's figure each quarter
    and the year's figure in TW IV (akhir); a figure per month is the same
    every quarter (rata-rata)."""
    out = {"kode": rec["kode"], "indikator": rec["indikator"],
           "tindak_lanjut": rec.get("rencana_tindak_lanjut", "")}
    text = rec["realisasi"].strip()
    if not text:
        return out
    real = indo_number(text)
    if isinstance(real, float):
        value, unit = real, ""
    else:
        m = re.match(r"^(-?[0-9][0-9.,]*)\s*(.*)$", real)
        if not m:  # a level (Pratama, Madya)
            out.update(agregasi="akhir", tw1=real, tw2=real, tw3=real, tw4=real)
            return out
        num, unit = m.group(1), m.group(2)
        value = float(num.replace(".", "").replace(",", ".")) if "," in num else float(num.replace(".", "")) \
            if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", num) else float(num)
    target = rec["target"].lower()
    per_month = "bulan" in target or "bulan" in unit.lower()
    count = value == int(value) and rec["kode"][0] not in "TS" and unit not in ("%",) \
        and "%" not in target and not per_month
    def with_unit(v):
        if unit == "%":
            return f"{v:.2f}".replace(".", ",") + " %"
        if unit:
            return (f"{v:.2f}".replace(".", ",") if v != int(v) else str(int(v))) + " " + unit
        return round(v, 2)
    if count:
        total = int(value)
        cuts = [int(total * w) for w in (0.20, 0.45, 0.70)] + [total]
        parts = [cuts[0]] + [cuts[i] - cuts[i - 1] for i in range(1, 4)]
        q = [with_unit(x) for x in parts]
        out.update(agregasi="kumulatif", tw1=q[0], tw2=q[1], tw3=q[2], tw4=q[3])
    elif per_month:
        out.update(agregasi="rata-rata", tw1=real, tw2=real, tw3=real, tw4=real)
    else:
        out.update(agregasi="akhir", tw1=with_unit(value / 4), tw2=with_unit(value / 2),
                   tw3=with_unit(value * 3 / 4), tw4=real)
    return out


def table_sheet(ws, cols, rows, convert=()):
    for j, (_, title) in enumerate(cols):
        c = ws.cell(row=1, column=j + 1, value=title)
        c.font = BOLD
        c.alignment = CENTER
    for i, rec in enumerate(rows):
        for j, (key, _) in enumerate(cols):
            v = rec.get(key, "")
            if v in ("", None):
                continue
            if key in convert:
                v = indo_number(v)
            ws.cell(row=i + 2, column=j + 1, value=v).alignment = WRAP
    ws.freeze_panes = "A2"


def kinerja():
    wb = new_book()
    ws = wb.active
    ws.title = "Pengukuran"
    table_sheet(ws, PENGUKURAN_COLS, read_tsv("pengukuran.tsv"),
                convert=("target", "realisasi", "capaian_tercetak"))

    ws = wb.create_sheet("Triwulan")
    table_sheet(ws, TRIWULAN_COLS, [quarters(rec) for rec in read_tsv("pengukuran.tsv")])

    ws = wb.create_sheet("Struktur")
    table_sheet(ws, [("kode", "Kode"), ("unit", "Unit"), ("induk", "Induk"), ("jabatan", "Jabatan"),
                     ("nama", "Nama")], read_tsv("struktur.tsv"))

    ws = wb.create_sheet("Renstra")
    ren = read_tsv("renstra.tsv")
    cols = [("kode", "Kode"), ("tujuan", "Tujuan"), ("sasaran", "Sasaran"), ("indikator", "Indikator Kinerja"),
            ("rumus", "Rumus"), ("arah", "Arah"), ("2024", "2024"), ("2025", "2025"), ("2026", "2026")]
    table_sheet(ws, cols, ren)

    ws = wb.create_sheet("Riwayat")
    cols = [("kode", "Kode"), ("indikator", "Indikator Kinerja"), ("tahun", "Tahun"), ("target", "Target"),
            ("realisasi", "Realisasi"), ("capaian_tercetak", "Capaian Tercetak (%)")]
    riw = read_tsv("riwayat.tsv")
    for rec in riw:
        rec["tahun"] = int(rec["tahun"])
    table_sheet(ws, cols, riw)

    ws = wb.create_sheet("Strategi")
    cols = [("kode_tujuan", "Kode Tujuan"), ("tujuan", "Tujuan"), ("kode_sasaran", "Kode Sasaran"),
            ("sasaran", "Sasaran"), ("strategi", "Strategi"), ("arah_kebijakan", "Arah Kebijakan")]
    table_sheet(ws, cols, read_tsv("strategi.tsv"))

    ws = wb.create_sheet("Pegawai")
    cols = [("kelompok", "Kelompok"), ("no", "No"), ("jenis_pendidikan", "Jenis Pendidikan"),
            ("pns_l", "PNS L"), ("pns_p", "PNS P"), ("pppk_l", "PPPK L"), ("pppk_p", "PPPK P"),
            ("honorer_l", "Honorer L"), ("honorer_p", "Honorer P")]
    peg = read_tsv("pegawai.tsv")
    for rec in peg:
        for k in ("pns_l", "pns_p", "pppk_l", "pppk_p", "honorer_l", "honorer_p"):
            rec[k] = int(rec[k]) if rec[k] else ""
    table_sheet(ws, cols, peg)

    for name in sorted(f for f in os.listdir(HERE) if f.startswith("tabel-")):
        label = "Tabel " + name[len("tabel-"):-len(".tsv")]
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            title = f.readline().rstrip("\n")
            grid = list(csv.reader(f, delimiter="\t"))
        ws = wb.create_sheet(label)
        ws.cell(row=1, column=1, value=title).font = BOLD
        for i, cells in enumerate(grid):
            for j, v in enumerate(cells):
                if v != "":
                    ws.cell(row=3 + i, column=j + 1, value=v).alignment = WRAP
        # merged header cells as the reference prints them: a label over the
        # empty cells beside it when a header row follows, and down over the
        # empty cells below it to the header's last row
        heads = 1
        while heads < len(grid) and grid[heads] and grid[heads][0] == "" and any(grid[heads]):
            heads += 1
        width = max(len(r) for r in grid[:heads])
        cell = lambda r, c: grid[r][c] if c < len(grid[r]) else ""
        for r in range(heads):
            for c in range(width):
                if cell(r, c) == "":
                    continue
                cs = 1
                if r + 1 < heads:
                    while c + cs < width and cell(r, c + cs) == "" and cell(r + 1, c + cs) != "":
                        cs += 1
                rs = 1
                while r + rs < heads and all(cell(r + rs, k) == "" for k in range(c, c + cs)):
                    rs += 1
                if cs > 1 or rs > 1:
                    ws.merge_cells(start_row=3 + r, start_column=c + 1, end_row=3 + r + rs - 1, end_column=c + cs)
    save(wb, "kinerja.xlsx")


def main():
    apbd = {}
    for rec in read_tsv("renja.tsv"):
        v = money(rec["apbd"])
        if rec["kode"] and v is not None:
            apbd[rec["kode"]] = v
    renja()
    realisasi("realisasi-2024.tsv", "realisasi.xlsx", 2024, apbd_of=apbd)
    realisasi("realisasi-2023.tsv", "realisasi-lalu.xlsx", 2023, previous=True)
    spm()
    kinerja()


if __name__ == "__main__":
    main()
