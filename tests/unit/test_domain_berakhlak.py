import ast
from pathlib import Path

import pytest

import kinerja_desktop.domain as domain
from kinerja_desktop.domain.berakhlak import BERAKHLAK, nilai_perilaku
from kinerja_desktop.domain.errors import ValidationError


def test_tujuh_nilai_berurutan():
    assert [n.kode for n in BERAKHLAK] == [
        "BERORIENTASI_PELAYANAN",
        "AKUNTABEL",
        "KOMPETEN",
        "HARMONIS",
        "LOYAL",
        "ADAPTIF",
        "KOLABORATIF",
    ]
    assert next(n.nama for n in BERAKHLAK) == "Berorientasi Pelayanan"
    assert all(len(n.panduan) == 3 for n in BERAKHLAK)


def test_teks_panduan_persis():
    assert nilai_perilaku("AKUNTABEL").panduan[0] == (
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan "
        "berintegritas tinggi"
    )
    assert nilai_perilaku("LOYAL").panduan[0] == (
        "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia "
        "Tahun 1945, setia kepada NKRI serta pemerintahan yang sah"
    )
    assert nilai_perilaku("ADAPTIF").panduan == (
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    )
    assert nilai_perilaku("KOLABORATIF").panduan[2] == (
        "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"
    )


def test_teks_sama_dengan_spesifikasi():
    spec = Path("/work/shared/spec/domain.md")
    if not spec.exists():
        pytest.skip("spesifikasi tidak tersedia")
    teks = spec.read_text(encoding="utf-8")
    for nilai in BERAKHLAK:
        baris = f"| {nilai.nama} | " + " · ".join(nilai.panduan) + " |"
        assert baris in teks


def test_kode_tidak_dikenal():
    with pytest.raises(ValidationError, match="tidak dikenal"):
        nilai_perilaku("JUJUR")


def test_domain_tanpa_qt_dan_sqlalchemy():
    # The domain stays importable and testable without Qt or a database.
    terlarang = {"PySide6", "PyQt5", "PyQt6", "sqlalchemy", "alembic"}
    for berkas in Path(domain.__file__).parent.glob("*.py"):
        pohon = ast.parse(berkas.read_text(encoding="utf-8"))
        for simpul in ast.walk(pohon):
            if isinstance(simpul, ast.Import):
                nama = [a.name for a in simpul.names]
            elif isinstance(simpul, ast.ImportFrom):
                nama = [simpul.module or ""]
            else:
                continue
            for n in nama:
                assert n.split(".")[0] not in terlarang, f"{berkas.name} mengimpor {n}"
