//! Stage 2, assemble: the report model from the ingested tables: the program tree
//! from the realization report, reconciled code by code with the Renja
//! (Program Penunjang `1.06.01…` ↔ `0.00.01…`/`X.XX.01…`), indicators from
//! kinerja.xlsx attached by code, rollups sub kegiatan → kegiatan → program
//! → OPD. Every code that does not match is a finding.

use crate::finding::{Findings, Location};
use crate::ingest::Inputs;
use crate::ingest::kinerja::{IndikatorRow, Kinerja, RiwayatRow};
use crate::ingest::realisasi::{Realisasi, RealisasiRow};
use crate::model::kode::Level;
use crate::model::triwulan::sum_quarters;
use crate::model::*;
use crate::tampil::{normalize, tanggal_indonesia};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// Where a node sits in the tree.
#[derive(Clone, Copy, Debug)]
enum Node {
    P(usize),
    K(usize, usize),
    S(usize, usize, usize),
}

fn tercetak(row: &RealisasiRow) -> Tercetak {
    Tercetak {
        pagu: Some(row.pagu),
        realisasi: Some(row.realisasi),
        persen: row.persen_tercetak,
        sisa: row.sisa_tercetak,
        lokasi: row.lokasi.clone(),
    }
}

fn indikator(row: &IndikatorRow) -> Indikator {
    Indikator {
        uraian: row.indikator.clone(),
        target: row.target.clone(),
        realisasi: row.realisasi.clone(),
        arah: row.arah.clone(),
        jenis_target: row.jenis_target.clone(),
        formulasi: row.formulasi.clone(),
        data_kinerja: row.data_kinerja.clone(),
        teknis_perhitungan: row.teknis_perhitungan.clone(),
        capaian_tercetak: row.capaian_tercetak,
        keterangan: row.keterangan.clone(),
        penanggung_jawab: row.penanggung_jawab.clone(),
        rencana_tindak_lanjut: row.rencana_tindak_lanjut.clone(),
        riwayat: Vec::new(),
        lokasi: row.lokasi.clone(),
        sdm_target: row.sdm_target,
        sdm_realisasi: row.sdm_realisasi,
        capaian: None,
        predikat: None,
        kategori: None,
        triwulan: row.triwulan.clone(),
    }
}

/// Builds the model; `None` when the Renja or the realization report could
/// not be read at all (the findings say why).
pub fn assemble(inputs: Inputs, f: &mut Findings) -> Option<ReportModel> {
    let Inputs {
        config,
        renja,
        realisasi,
        realisasi_lalu,
        realisasi_tw,
        // its figures are in realisasi_tw (ingest::evaluasi)
        evaluasi: _,
        apbd,
        spm,
        kinerja,
        sumber,
        pemetaan: _,
    } = inputs;
    let (Some(renja), Some(realisasi)) = (renja, realisasi) else {
        return None;
    };
    let kinerja = kinerja.unwrap_or_default();
    let tahun = config.identitas.tahun;

    let renja_by_key: HashMap<String, &crate::model::renja::RenjaEntry> =
        renja.entri.iter().map(|e| (e.kode.match_key(), e)).collect();

    let (mut programs, index) = tree(&realisasi, f);

    // Reconcile every node with its Renja entry.
    let mut matched: HashSet<String> = HashSet::new();
    for (key, node) in &index {
        let (kode, indikator_renja, lokasi, level) = match *node {
            Node::P(p) => {
                let n = &mut programs[p];
                (
                    &mut n.kode,
                    &mut n.indikator_renja,
                    n.tercetak.lokasi.clone(),
                    Level::Program,
                )
            }
            Node::K(p, k) => {
                let n = &mut programs[p].kegiatan[k];
                (
                    &mut n.kode,
                    &mut n.indikator_renja,
                    n.tercetak.lokasi.clone(),
                    Level::Kegiatan,
                )
            }
            Node::S(p, k, s) => {
                let n = &mut programs[p].kegiatan[k].sub_kegiatan[s];
                (
                    &mut n.kode,
                    &mut n.indikator_renja,
                    n.tercetak.lokasi.clone(),
                    Level::SubKegiatan,
                )
            }
        };
        match renja_by_key.get(key) {
            Some(e) => {
                *kode = e.kode.clone();
                *indikator_renja = e.indikator.clone();
                matched.insert(key.clone());
            }
            None => {
                f.warning(
                    "code-unmatched",
                    lokasi,
                    format!(
                        "{} {kode} ada di laporan realisasi tetapi tidak ditemukan di Renja",
                        level.name()
                    ),
                );
            }
        }
    }
    let mut renja_only: HashSet<String> = HashSet::new();
    // a funded Renja program of which the realization report has no row at
    // all: a page of the report is missing, or it is another agency's
    let realized: Vec<&String> = index.iter().map(|(k, _)| k).collect();
    let mut missing_programs: Vec<String> = Vec::new();
    for e in &renja.entri {
        if !matches!(e.level, Level::Program | Level::Kegiatan | Level::SubKegiatan) {
            continue;
        }
        let key = e.kode.match_key();
        if matched.contains(&key) {
            continue;
        }
        renja_only.insert(key.clone());
        let funded = !e.pagu_perubahan.unwrap_or_default().is_zero();
        if funded && e.level == Level::Program && !realized.iter().any(|k| k.starts_with(&format!("{key}."))) {
            f.error(
                "program-missing",
                e.lokasi.clone(),
                format!(
                    "program {} \"{}\" didanai di Renja (pagu {}) tetapi tidak ada satu baris pun di laporan realisasi: halaman laporan realisasi hilang, atau berkasnya dari perangkat daerah lain?",
                    e.kode,
                    crate::tampil::short(&e.nama),
                    crate::tampil::fmt_rupiah(e.pagu_perubahan.unwrap_or_default())
                ),
            );
            missing_programs.push(format!("{key}."));
            continue;
        }
        if missing_programs.iter().any(|p| key.starts_with(p.as_str())) {
            continue; // said once, for its program
        }
        if !funded {
            f.info(
                "not-funded",
                e.lokasi.clone(),
                format!(
                    "{} {} tidak memiliki pagu pada RKPD Perubahan: tetap tercantum di Lampiran IX, tidak masuk analisis realisasi",
                    e.level.name(),
                    e.kode
                ),
            );
        } else {
            f.warning(
                "code-unmatched",
                e.lokasi.clone(),
                format!(
                    "{} {} ada di Renja (pagu {}) tetapi tidak ditemukan di laporan realisasi",
                    e.level.name(),
                    e.kode,
                    e.pagu_perubahan.unwrap_or_default()
                ),
            );
        }
    }

    let perjanjian_kinerja = attach_indicators(&mut programs, &index, &kinerja, &renja_only, tahun, f);
    let mut perjanjian_kinerja = perjanjian_kinerja;
    attach_history(&mut programs, &index, &mut perjanjian_kinerja, &kinerja.riwayat, f);

    let realisasi_lalu = realisasi_lalu.map(|r| previous_year(&mut programs, &index, r, tahun - 1));
    by_quarter(&mut programs, &index, &realisasi_tw, config.triwulan, f);
    if let Some(a) = &apbd {
        with_apbd(&mut programs, a, f);
    }
    // a quarterly build says which quarters' spending it could not separate
    if let Some(tw) = config.triwulan {
        for q in 1..tw {
            let Some(peran) = crate::config::Peran::triwulan(q) else {
                continue;
            };
            if realisasi_tw[usize::from(q) - 1].is_none() {
                let file = config
                    .configured(peran)
                    .map_or_else(|| format!("data/{}.xlsx", peran.stem()), str::to_string);
                f.warning(
                    "quarter-report-missing",
                    Location::file(file),
                    format!(
                        "{} tidak ada: realisasi anggaran triwulan {} digabung ke triwulan berikutnya di Evaluasi Renja (jumlahnya tetap benar)",
                        peran.label(),
                        crate::model::triwulan::ROMAWI[usize::from(q) - 1]
                    ),
                );
            }
        }
    }

    let ringkasan = Ringkasan {
        jumlah_program: programs.len(),
        jumlah_kegiatan: programs.iter().map(|p| p.kegiatan.len()).sum(),
        jumlah_sub_kegiatan: programs
            .iter()
            .flat_map(|p| &p.kegiatan)
            .map(|k| k.sub_kegiatan.len())
            .sum(),
        jumlah_sub_kegiatan_renja: renja.entri.iter().filter(|e| e.level == Level::SubKegiatan).count(),
        pagu: programs.iter().map(|p| p.pagu).sum(),
        realisasi: programs.iter().map(|p| p.realisasi).sum(),
        sisa: programs.iter().map(|p| p.sisa).sum(),
    };

    let spm = spm.map(|s| Spm {
        indeks_tercetak: s.indeks_tercetak.as_ref().map(|(v, _)| *v),
        lokasi_indeks: s.indeks_tercetak.map(|(_, l)| l),
        jenis_layanan: s.jenis,
    });

    let identitas = Identitas {
        nama_opd: config.identitas.nama_opd.clone(),
        singkatan: config.identitas.singkatan.clone(),
        kode: config.identitas.kode.clone(),
        pemerintah_daerah: config.identitas.pemerintah_daerah.clone(),
        alamat: config.identitas.alamat.clone(),
        tahun,
        kepala: config.kepala.clone(),
        atasan: config.atasan.clone(),
        tempat: config.laporan.tempat.clone(),
        tanggal: config.laporan.tanggal.clone(),
        tanggal_teks: tanggal_indonesia(&config.laporan.tanggal).unwrap_or_default(),
        tanggal_perjanjian_kinerja: config.perjanjian_kinerja.as_ref().map(|p| p.tanggal.clone()),
        tempat_perjanjian_kinerja: config
            .perjanjian_kinerja
            .as_ref()
            .map(|p| p.tempat.clone())
            .filter(|t| !t.trim().is_empty()),
        perjanjian_kinerja_perubahan: config.perjanjian_kinerja.as_ref().is_some_and(|p| p.perubahan),
        triwulan: config.triwulan,
    };

    Some(ReportModel {
        skema: SKEMA,
        identitas,
        ringkasan,
        programs,
        perjanjian_kinerja,
        renja: renja.entri,
        renstra: kinerja.renstra,
        strategi: kinerja.strategi,
        pegawai: kinerja.pegawai,
        struktur: kinerja.struktur,
        tabel_tambahan: kinerja.tabel,
        spm,
        realisasi_lalu,
        sumber,
        hasil: Hasil::default(),
        narasi: Default::default(),
        temuan: Vec::new(),
    })
}

/// The realization up to the end of each quarter, per sub kegiatan, from
/// the quarterly realization reports (the year's own report is the last
/// quarter read: December's, or in a quarterly build that of its quarter);
/// kegiatan and programs summed from their sub kegiatan. Nothing when no
/// quarterly report is there and the build is the year's.
fn by_quarter(
    programs: &mut [Program],
    index: &[(String, Node)],
    reports: &[Option<Realisasi>; 3],
    triwulan: Option<u8>,
    f: &mut Findings,
) {
    let last = usize::from(triwulan.unwrap_or(4).clamp(1, 4));
    if triwulan.is_none() && reports.iter().all(Option::is_none) {
        return;
    }
    let by_key: HashMap<&str, Node> = index.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    // the cumulative figure of every sub kegiatan in each report read
    let mut read: Vec<Option<HashMap<String, (Decimal, Location)>>> = Vec::new();
    for (q, report) in reports.iter().enumerate().take(last - 1) {
        let Some(r) = report else {
            read.push(None);
            continue;
        };
        let mut rows = HashMap::new();
        for row in r.baris.iter().filter(|b| b.kode.level() == Level::SubKegiatan) {
            let key = row.kode.match_key();
            if !matches!(by_key.get(key.as_str()), Some(Node::S(..))) {
                f.warning(
                    "quarter-row-unknown",
                    row.lokasi.clone(),
                    format!(
                        "sub kegiatan {} ada di laporan realisasi triwulan {} tetapi tidak di laporan realisasi {}; realisasinya tidak masuk angka triwulan",
                        row.kode,
                        crate::model::triwulan::ROMAWI[q],
                        if triwulan.is_some() { "triwulan ini" } else { "Desember" }
                    ),
                );
            }
            rows.insert(key, (row.realisasi, row.lokasi.clone()));
        }
        read.push(Some(rows));
    }
    for p in programs.iter_mut() {
        for k in p.kegiatan.iter_mut() {
            for s in k.sub_kegiatan.iter_mut() {
                let key = s.kode.match_key();
                let mut cum: Vec<Option<Decimal>> = vec![None; 4];
                let mut at: Vec<Option<Location>> = vec![None; 4];
                for (q, rows) in read.iter().enumerate() {
                    if let Some(rows) = rows {
                        // a sub kegiatan the report lacks had spent nothing yet
                        let (v, l) = rows
                            .get(&key)
                            .map_or((Decimal::ZERO, None), |(v, l)| (*v, Some(l.clone())));
                        cum[q] = Some(v);
                        at[q] = l;
                    }
                }
                cum[last - 1] = Some(s.realisasi);
                at[last - 1] = Some(s.tercetak.lokasi.clone());
                let mut before: Option<(usize, Decimal)> = None;
                for q in 0..last {
                    let Some(v) = cum[q] else { continue };
                    if let Some((b, prev)) = before
                        && v < prev
                    {
                        f.warning(
                            "quarter-decrease",
                            at[q].clone().unwrap_or_else(|| s.tercetak.lokasi.clone()),
                            format!(
                                "realisasi sub kegiatan {} sampai triwulan {} (Rp {}) lebih kecil daripada sampai triwulan {} (Rp {}): realisasi kumulatif tidak dapat turun; periksa laporan triwulannya",
                                s.kode,
                                crate::model::triwulan::ROMAWI[q],
                                crate::tampil::rp(v),
                                crate::model::triwulan::ROMAWI[b],
                                crate::tampil::rp(prev)
                            ),
                        );
                    }
                    before = Some((q, v));
                }
                s.realisasi_triwulan = cum;
            }
            k.realisasi_triwulan = sum_quarters(k.sub_kegiatan.iter().map(|s| &s.realisasi_triwulan));
        }
        p.realisasi_triwulan = sum_quarters(p.kegiatan.iter().map(|k| &k.realisasi_triwulan));
    }
}

/// The pagu of the SIPD-RI Rekap against the realization report's, sub
/// kegiatan by sub kegiatan (either budget column: a Rekap of the APBD
/// murni matches the first, one after the perubahan the last), and the
/// sumber dana of each sub kegiatan from it.
fn with_apbd(programs: &mut [Program], apbd: &crate::ingest::apbd::Apbd, f: &mut Findings) {
    let mut per_sub = apbd.per_sub_kegiatan();
    // a Rekap that agrees with the realization report on no more than half
    // of the sub kegiatan both have is another year's or another budget's
    // (a flat list states no TAHUN): refused whole, its sumber dana unused
    let subs = || programs.iter().flat_map(|p| &p.kegiatan).flat_map(|k| &k.sub_kegiatan);
    let both: Vec<bool> = subs()
        .filter_map(|s| {
            let (pagu, _) = per_sub.get(&s.kode.match_key())?;
            Some(*pagu == s.pagu || Some(*pagu) == s.pagu_awal)
        })
        .collect();
    let differ = both.iter().filter(|agrees| !**agrees).count();
    if both.len() >= 3 && differ * 2 > both.len() {
        f.error(
            "apbd-misread",
            Location::file(&apbd.berkas),
            format!(
                "pagu {differ} dari {} sub kegiatan di Rekap APBD berbeda dari laporan realisasi (APBD murni maupun perubahan): Rekap ini tampaknya dari tahun atau anggaran lain, dan tidak dipakai",
                both.len()
            ),
        );
        return;
    }
    for s in programs
        .iter_mut()
        .flat_map(|p| &mut p.kegiatan)
        .flat_map(|k| &mut k.sub_kegiatan)
    {
        let key = s.kode.match_key();
        let Some((pagu, lokasi)) = per_sub.remove(&key) else {
            f.warning(
                "apbd-row-missing",
                s.tercetak.lokasi.clone(),
                format!(
                    "sub kegiatan {} (pagu Rp {}) tidak ada di Rekap APBD {}",
                    s.kode,
                    crate::tampil::rp(s.pagu),
                    apbd.berkas
                ),
            )
            .concerns(Kunci::Kode(s.kode.to_string()));
            continue;
        };
        s.sumber_dana = apbd
            .sumber_dana(&key)
            .into_iter()
            .map(|(nama, pagu)| crate::model::SumberDana { nama, pagu })
            .collect();
        if pagu != s.pagu && Some(pagu) != s.pagu_awal {
            f.warning(
                "apbd-pagu-differs",
                lokasi,
                format!(
                    "pagu sub kegiatan {} menurut Rekap APBD Rp {}, menurut laporan realisasi Rp {}{} (selisih Rp {})",
                    s.kode,
                    crate::tampil::rp(pagu),
                    crate::tampil::rp(s.pagu),
                    s.pagu_awal
                        .filter(|a| *a != s.pagu)
                        .map(|a| format!(", APBD murni Rp {}", crate::tampil::rp(a)))
                        .unwrap_or_default(),
                    crate::tampil::rp(pagu - s.pagu)
                ),
            )
            .concerns(Kunci::Kode(s.kode.to_string()));
        }
    }
    for (_, (pagu, lokasi)) in per_sub {
        let kode = apbd
            .baris
            .iter()
            .find(|b| b.lokasi == lokasi)
            .map(|b| b.kode.to_string())
            .unwrap_or_default();
        f.warning(
            "apbd-row-unknown",
            lokasi,
            format!(
                "sub kegiatan {kode} (pagu Rp {}) ada di Rekap APBD tetapi tidak di laporan realisasi",
                crate::tampil::rp(pagu)
            ),
        );
    }
}

/// The program tree from the realization rows, in their order, with rollups.
fn tree(r: &Realisasi, f: &mut Findings) -> (Vec<Program>, Vec<(String, Node)>) {
    let mut programs: Vec<Program> = Vec::new();
    let mut by_key: HashMap<String, Node> = HashMap::new();
    let mut order: Vec<(String, Node)> = Vec::new();
    for row in &r.baris {
        let key = row.kode.match_key();
        match row.kode.level() {
            Level::Urusan | Level::BidangUrusan => {}
            Level::Program => {
                programs.push(Program {
                    kode: row.kode.clone(),
                    kode_realisasi: row.kode.clone(),
                    nama: row.nama.clone(),
                    pagu: Decimal::ZERO,
                    realisasi: Decimal::ZERO,
                    sisa: Decimal::ZERO,
                    sasaran: None,
                    indikator: Vec::new(),
                    indikator_renja: Vec::new(),
                    lalu: None,
                    persen: None,
                    capaian_kinerja: None,
                    realisasi_triwulan: Vec::new(),
                    efisien: None,
                    rata_rata_kegiatan: Default::default(),
                    tercetak: tercetak(row),
                    kegiatan: Vec::new(),
                });
                let node = Node::P(programs.len() - 1);
                by_key.insert(key.clone(), node);
                order.push((key, node));
            }
            Level::Kegiatan => {
                let parent = row.kode.parent().map(|p| p.match_key()).unwrap_or_default();
                let Some(Node::P(p)) = by_key.get(&parent).copied() else {
                    f.error(
                        "parent-missing",
                        row.lokasi.clone(),
                        format!("kegiatan {} tanpa baris program induk di laporan realisasi", row.kode),
                    );
                    continue;
                };
                programs[p].kegiatan.push(Kegiatan {
                    kode: row.kode.clone(),
                    kode_realisasi: row.kode.clone(),
                    nama: row.nama.clone(),
                    pagu: Decimal::ZERO,
                    realisasi: Decimal::ZERO,
                    sisa: Decimal::ZERO,
                    indikator: Vec::new(),
                    indikator_renja: Vec::new(),
                    lalu: None,
                    persen: None,
                    capaian_kinerja: None,
                    realisasi_triwulan: Vec::new(),
                    efisien: None,
                    tercetak: tercetak(row),
                    sub_kegiatan: Vec::new(),
                });
                let node = Node::K(p, programs[p].kegiatan.len() - 1);
                by_key.insert(key.clone(), node);
                order.push((key, node));
            }
            Level::SubKegiatan => {
                let parent = row.kode.parent().map(|p| p.match_key()).unwrap_or_default();
                let Some(Node::K(p, k)) = by_key.get(&parent).copied() else {
                    f.error(
                        "parent-missing",
                        row.lokasi.clone(),
                        format!(
                            "sub kegiatan {} tanpa baris kegiatan induk di laporan realisasi",
                            row.kode
                        ),
                    );
                    continue;
                };
                if row.pagu.is_zero() && row.realisasi.is_zero() {
                    f.info(
                        "not-funded",
                        row.lokasi.clone(),
                        format!("sub kegiatan {} tanpa pagu: tidak masuk analisis realisasi", row.kode),
                    );
                    continue;
                }
                let subs = &mut programs[p].kegiatan[k].sub_kegiatan;
                subs.push(SubKegiatan {
                    kode: row.kode.clone(),
                    kode_realisasi: row.kode.clone(),
                    nama: row.nama.clone(),
                    pagu: row.pagu,
                    realisasi: row.realisasi,
                    sisa: row.pagu - row.realisasi,
                    pagu_awal: row.anggaran.first().copied().flatten(),
                    fisik_target: row.fisik_target,
                    fisik_realisasi: row.fisik_realisasi,
                    indikator: Vec::new(),
                    indikator_renja: Vec::new(),
                    lalu: None,
                    persen: None,
                    capaian_kinerja: None,
                    realisasi_triwulan: Vec::new(),
                    sumber_dana: Vec::new(),
                    efisien: None,
                    tercetak: tercetak(row),
                });
                let node = Node::S(p, k, subs.len() - 1);
                by_key.insert(key.clone(), node);
                order.push((key, node));
            }
        }
    }
    for p in &mut programs {
        for k in &mut p.kegiatan {
            k.pagu = k.sub_kegiatan.iter().map(|s| s.pagu).sum();
            k.realisasi = k.sub_kegiatan.iter().map(|s| s.realisasi).sum();
            k.sisa = k.pagu - k.realisasi;
        }
        p.pagu = p.kegiatan.iter().map(|k| k.pagu).sum();
        p.realisasi = p.kegiatan.iter().map(|k| k.realisasi).sum();
        p.sisa = p.pagu - p.realisasi;
    }
    (programs, order)
}

fn node_indicators(programs: &mut [Program], node: Node) -> &mut Vec<Indikator> {
    match node {
        Node::P(p) => &mut programs[p].indikator,
        Node::K(p, k) => &mut programs[p].kegiatan[k].indikator,
        Node::S(p, k, s) => &mut programs[p].kegiatan[k].sub_kegiatan[s].indikator,
    }
}

/// Attaches the Pengukuran rows to their nodes; returns the tujuan and
/// sasaran rows as the Perjanjian Kinerja.
fn attach_indicators(
    programs: &mut [Program],
    index: &[(String, Node)],
    kinerja: &Kinerja,
    renja_only: &HashSet<String>,
    tahun: i32,
    f: &mut Findings,
) -> Vec<IndikatorKinerja> {
    let by_key: HashMap<&str, Node> = index.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    let mut pk = Vec::new();
    for row in &kinerja.pengukuran {
        match row.budget_kode() {
            None => {
                let renstra = kinerja.renstra.iter().find(|r| r.kode == row.kode);
                pk.push(IndikatorKinerja {
                    kode: row.kode.clone(),
                    tingkat: row.tingkat,
                    uraian: row.uraian.clone(),
                    indikator: indikator(row),
                    target_renstra: renstra.and_then(|r| r.target.get(&tahun).cloned()),
                    target_akhir_renstra: renstra.and_then(|r| r.target_akhir.clone()),
                    capaian_target_akhir: None,
                    realisasi_lalu: None,
                    capaian_lalu: None,
                    selisih_realisasi: None,
                });
            }
            Some(kode) => {
                let key = kode.match_key();
                match by_key.get(key.as_str()) {
                    Some(node) => {
                        node_indicators(programs, *node).push(indikator(row));
                        if let Node::P(p) = node
                            && !row.sasaran.is_empty()
                        {
                            programs[*p].sasaran = Some(row.sasaran.clone());
                        }
                    }
                    None if renja_only.contains(&key) => {
                        f.info(
                            "indicator-not-funded",
                            row.lokasi.clone(),
                            format!("indikator untuk {kode}, yang tidak didanai tahun ini, tidak masuk analisis"),
                        );
                    }
                    None => {
                        f.warning(
                            "code-unmatched",
                            row.lokasi.clone(),
                            format!("indikator untuk kode {kode} yang tidak ada di Renja maupun laporan realisasi"),
                        );
                    }
                }
            }
        }
    }
    pk
}

/// Attaches each Riwayat row to the indicator of the same code (and, when a
/// code has several indicators, the same indicator text).
fn attach_history(
    programs: &mut [Program],
    index: &[(String, Node)],
    pk: &mut [IndikatorKinerja],
    riwayat: &[RiwayatRow],
    f: &mut Findings,
) {
    let by_key: HashMap<&str, Node> = index.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    for r in riwayat {
        let point = Riwayat {
            tahun: r.tahun,
            target: r.target.clone(),
            realisasi: r.realisasi.clone(),
            capaian_tercetak: r.capaian_tercetak,
            capaian: None,
        };
        let list: Option<&mut Vec<Indikator>> = match crate::ingest::cell::parse_kode_text(&r.kode) {
            Some(k) if !r.kode.starts_with(['T', 'S']) => by_key
                .get(k.match_key().as_str())
                .map(|n| node_indicators(programs, *n)),
            _ => None,
        };
        let target: Option<&mut Indikator> = match list {
            Some(list) => pick(list.iter_mut(), &r.indikator),
            None => pick(
                pk.iter_mut().filter(|p| p.kode == r.kode).map(|p| &mut p.indikator),
                &r.indikator,
            ),
        };
        match target {
            Some(i) => i.riwayat.push(point),
            None => {
                f.warning(
                "history-unmatched",
                r.lokasi.clone(),
                format!(
                    "riwayat tahun {} untuk kode {} (\"{}\") tidak cocok dengan indikator mana pun di lembar Pengukuran",
                    r.tahun,
                    r.kode,
                    crate::tampil::short(&r.indikator)
                ),
            );
            }
        }
    }
}

/// The only indicator, or the one whose text matches.
fn pick<'a>(it: impl Iterator<Item = &'a mut Indikator>, text: &str) -> Option<&'a mut Indikator> {
    let all: Vec<&'a mut Indikator> = it.collect();
    if all.len() == 1 {
        return all.into_iter().next();
    }
    let want = normalize(text);
    all.into_iter().find(|i| normalize(&i.uraian) == want)
}

/// The previous year's rows, and their pagu/realisasi attached to the nodes
/// of the same code: sub kegiatan as printed, kegiatan and programs rolled
/// up from their sub kegiatan (as this year's are), or as printed when the
/// report has no sub kegiatan rows under them.
fn previous_year(programs: &mut [Program], index: &[(String, Node)], r: Realisasi, tahun: i32) -> RealisasiLalu {
    let by_key: HashMap<&str, Node> = index.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    let mut sums: HashMap<String, (Decimal, Decimal)> = HashMap::new();
    for row in r.baris.iter().filter(|b| b.kode.level() == Level::SubKegiatan) {
        let kegiatan = row.kode.parent();
        let program = kegiatan.as_ref().and_then(Kode::parent);
        for up in [kegiatan, program].into_iter().flatten() {
            let e = sums.entry(up.match_key()).or_default();
            e.0 += row.pagu;
            e.1 += row.realisasi;
        }
    }
    let mut baris = Vec::new();
    for row in r.baris {
        let key = row.kode.match_key();
        let lalu = match (row.kode.level(), sums.get(&key)) {
            (Level::Program | Level::Kegiatan, Some((p, re))) => Anggaran::new(*p, *re),
            _ => Anggaran::new(row.pagu, row.realisasi),
        };
        if let Some(node) = by_key.get(key.as_str()) {
            let slot = match *node {
                Node::P(p) => &mut programs[p].lalu,
                Node::K(p, k) => &mut programs[p].kegiatan[k].lalu,
                Node::S(p, k, s) => &mut programs[p].kegiatan[k].sub_kegiatan[s].lalu,
            };
            *slot = Some(lalu);
        }
        baris.push(BarisLalu {
            pagu_awal: row.anggaran.first().copied().flatten(),
            kode: row.kode,
            nama: row.nama,
            pagu: row.pagu,
            realisasi: row.realisasi,
            persen_tercetak: row.persen_tercetak,
        });
    }
    RealisasiLalu { tahun, baris }
}
