"""Attacks on `verify` of a PDF: a forged text under a genuine footer, pages added or taken
away, a 10,000-page file and an oversized one; a genuine printout shows its key facts."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen import canvas

from kinerja_desktop.cli import main
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.reports import verifikasi as rv
from kinerja_desktop.reports.verifikasi import baca_halaman_pdf, baca_kode_dari_pdf
from kinerja_desktop.services.uow import run
from kinerja_desktop.services.verifikasi_pdf import verifikasi_pdf
from tests.unit.test_cli_evaluasi import siap  # noqa: F401  (fixture: two final evaluations)


@pytest.fixture
def cetakan(siap, tmp_path, capsys):  # noqa: F811
    k, path = siap
    out = tmp_path / "asli.pdf"
    argv = ["--db", path, "print-evaluasi", "--nip", k.staf.nip, "--tahun", "2025"]
    assert main([*argv, "--periode", "TW1", "--out", str(out)]) == 0
    capsys.readouterr()
    return k, path, out


def _tulis_ulang(halaman: list[str], out: Path) -> Path:
    """A forger's PDF: the given text of each page, its footer line copied as is."""
    c = canvas.Canvas(str(out))
    for teks in halaman:
        y = 800
        for baris in teks.splitlines():
            c.drawString(30, y, baris)
            y -= 12
        c.showPage()
    c.save()
    return out


def _teks(path: Path) -> list[str]:
    return [h.teks for h in baca_halaman_pdf(path)]


def test_a_genuine_printout_matches_and_shows_its_key_facts(cetakan, capsys):
    k, path, out = cetakan
    assert main(["--db", path, "verify", str(out)]) == 0
    teks = capsys.readouterr().out
    assert teks.count("COCOK  EVALUASI-") == 1 and teks.count("COCOK  DOKEVAL-") == 1
    assert "Cocokkan dengan kertasnya" in teks
    for fakta in (k.staf.nama, format_nip(k.staf.nip), "Triwulan I 2025"):
        assert fakta in teks
    assert "DI ATAS EKSPEKTASI" in teks and "SESUAI EKSPEKTASI" in teks
    assert "Predikat kinerja" in teks and "BAIK" in teks


def test_a_typed_code_shows_the_key_facts_too(cetakan, capsys):
    k, path, out = cetakan
    (dok, ver), _ = baca_kode_dari_pdf(str(out))
    assert main(["--db", path, "verify", dok, ver]) == 0
    teks = capsys.readouterr().out
    assert "Cocokkan dengan kertasnya" in teks and k.staf.nama in teks and "BAIK" in teks
    assert main(["--db", path, "verify", dok, "0000-0000-0000"]) == 3
    assert "Cocokkan" not in capsys.readouterr().out  # an unknown code shows nothing


def test_a_forged_text_under_a_genuine_footer_is_not_cocok(cetakan, tmp_path, capsys):
    k, path, out = cetakan
    asli = _teks(out)
    # the same pages, text for text, except the name of the rated pegawai on page 1
    palsu = [asli[0].replace(k.staf.nama, "Rina Palsu, S.E."), *asli[1:]]
    assert palsu != asli
    berkas = _tulis_ulang(palsu, tmp_path / "palsu.pdf")
    assert main(["--db", path, "verify", str(berkas)]) == 3
    teks = capsys.readouterr().out
    assert "TIDAK COCOK  EVALUASI-" in teks and "BERBEDA" in teks
    assert "Rina Palsu" in teks and "seharusnya" in teks and k.staf.nama in teks
    # the other document of the file, untouched, still matches
    assert "COCOK  DOKEVAL-" in teks.replace("TIDAK COCOK  DOKEVAL-", "")


def test_a_retyped_genuine_text_matches_but_pages_added_or_removed_do_not(
    cetakan, tmp_path, db, capsys
):
    _k, _path, out = cetakan
    asli = _teks(out)
    sama = _tulis_ulang(asli, tmp_path / "sama.pdf")
    with db.session_factory() as s:
        hasil = verifikasi_pdf(s, _siapa(), str(sama))
    assert [h.cocok for h in hasil] == [True, True]
    kurang = _tulis_ulang(asli[1:], tmp_path / "kurang.pdf")  # page 1 of the evaluation dropped
    sisip = _tulis_ulang([asli[0], "Halaman sisipan tanpa kaki", *asli[1:]], tmp_path / "s.pdf")
    with db.session_factory() as s:
        h_kurang = verifikasi_pdf(s, _siapa(), str(kurang))
        h_sisip = verifikasi_pdf(s, _siapa(), str(sisip))
    assert not h_kurang[0].cocok and "Jumlah halaman" in h_kurang[0].selisih[0]
    assert not any(h.cocok for h in h_sisip)
    assert any("tanpa kode verifikasi" in s for s in h_sisip[0].selisih)


def _siapa():
    from kinerja_desktop.domain.peran import Actor

    return Actor(nama="pemeriksa")


def test_a_pdf_of_ten_thousand_pages_is_refused_before_reading(tmp_path, db):
    pdf = pikepdf.new()
    for _ in range(10_000):
        pdf.add_blank_page()
    path = tmp_path / "besar.pdf"
    pdf.save(path)
    with pytest.raises(rv.PdfDitolak, match="10000 halaman"):
        baca_halaman_pdf(path)
    with pytest.raises(ValidationError, match="lebih dari batas"):
        run(db.session_factory, _siapa(), verifikasi_pdf, str(path))


def test_an_oversized_or_broken_file_is_refused(tmp_path, db, monkeypatch, capsys):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 2048)
    monkeypatch.setattr(rv, "BATAS_UKURAN_PDF", 1024)
    with pytest.raises(rv.PdfDitolak, match="lebih besar dari batas"):
        baca_halaman_pdf(path, batas_ukuran=rv.BATAS_UKURAN_PDF)
    with pytest.raises(ValidationError, match="bukan PDF"):
        run(db.session_factory, _siapa(), verifikasi_pdf, b"bukan pdf")
    with pytest.raises(ValidationError, match="Tidak ada kode verifikasi"):
        run(db.session_factory, _siapa(), verifikasi_pdf, _tulis_ulang(["teks"], path).read_bytes())
