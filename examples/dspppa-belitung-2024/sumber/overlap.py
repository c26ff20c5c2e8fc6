#!/usr/bin/env python3
"""Print every run of N (default 8) consecutive words that a narrative file
shares with the reference report.

    python3 examples/dspppa-belitung-2024/sumber/overlap.py narasi/FILE.md [more.md ...] [-n 8] [--model model.json]

With --model (the JSON of `lkjip model DIR`), n-grams that lie inside an
official name the model holds (program, kegiatan, sub kegiatan, indicator,
tujuan/sasaran statement, Renja rows, the agency's name) are not reported:
official names may stay verbatim. Occurrences of those names (and of the
few proper names in EXTRA) in the file are cut out before comparing, so a
name does not join the words around it into a run.

Both texts are normalized to lowercase words without punctuation (letters
and digits kept; minijinja placeholders {{ ... }} / {% ... %} are dropped
from the narrative first). Overlapping shared n-grams are merged into one
run per place, printed with the file's line number. Exit status 1 when a
run is found.
"""
import os
import re
import sys

REF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "reference", "lkjip-dspppa-belitung-2024.txt")

# proper names of this report that no workbook holds (used with --model)
EXTRA = [
    "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
    "Rencana Pembangunan Daerah (RPD) Kabupaten Belitung",
    "Pemerintah Kabupaten Belitung",
    "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak",
    "Desa Ramah Perempuan dan Peduli Anak",
    "UPT Perlindungan Perempuan dan Anak",
    "UPTD Perlindungan Perempuan dan Anak",
    "Pusat Pembelajaran Keluarga",
    "Perlindungan Anak Terpadu Berbasis Masyarakat",
    "Forum Partisipasi Publik untuk Kesejahteraan Perempuan dan Anak",
    "Sistem Informasi Gender dan Anak",
    "Badan Pusat Statistik",
    "Provinsi Kepulauan Bangka Belitung",
    "SMP Negeri 4 Tanjungpandan",
    "Lembaga Kesejahteraan Sosial Anak",
]


def words(text):
    return re.findall(r"[0-9a-z\u00c0-\u024f]+", text.lower())


def main(argv):
    n = 8
    files = []
    model = None
    it = iter(argv)
    for a in it:
        if a == "-n":
            n = int(next(it))
        elif a == "--model":
            model = next(it)
        else:
            files.append(a)
    if not files:
        print(__doc__)
        return 2
    ref = words(open(REF, encoding="utf-8").read())
    grams = {tuple(ref[i:i + n]) for i in range(len(ref) - n + 1)}
    if model:
        import json
        names = []

        def walk(v):
            if isinstance(v, dict):
                for k, x in v.items():
                    if k in ("nama", "uraian", "nama_opd", "pemerintah_daerah", "judul") and isinstance(x, str):
                        names.append(x)
                    elif k != "narasi":
                        walk(x)
            elif isinstance(v, list):
                for x in v:
                    walk(x)

        walk(json.load(open(model, encoding="utf-8")))
        official = set()
        for nm in names:
            w = words(nm)
            official.update(tuple(w[i:i + n]) for i in range(len(w) - n + 1))
        grams -= official
        name_seqs = {tuple(words(x)) for x in names + EXTRA if len(words(x)) >= 3}
    else:
        name_seqs = set()
    by_first = {}
    for seq in name_seqs:
        by_first.setdefault(seq[0], []).append(seq)
    found = False
    for f in files:
        src = open(f, encoding="utf-8").read()
        src = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", src, flags=re.S)
        toks = []  # (word, line)
        for ln, line in enumerate(src.splitlines(), 1):
            for w in words(line):
                toks.append((w, ln))
        ws = [w for w, _ in toks]
        named = [False] * len(ws)
        for i, w in enumerate(ws):
            for seq in by_first.get(w, ()):
                if tuple(ws[i:i + len(seq)]) == seq:
                    for j in range(i, i + len(seq)):
                        named[j] = True
        hit = [False] * len(ws)
        for i in range(len(ws) - n + 1):
            if any(named[i:i + n]):
                continue
            if tuple(ws[i:i + n]) in grams:
                for j in range(i, i + n):
                    hit[j] = True
        i = 0
        while i < len(ws):
            if hit[i]:
                j = i
                while j < len(ws) and hit[j]:
                    j += 1
                found = True
                print(f"{f}:{toks[i][1]}: [{j - i} words] {' '.join(ws[i:j])}")
                i = j
            else:
                i += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
