import pytest

from kinerja_desktop.db.models import UnitKerja
from kinerja_desktop.domain.errors import NotFound
from kinerja_desktop.services.muat import PESAN_BERUBAH, ambil, ambil_opsional


def test_ambil_stale_id_is_a_message(session):
    with pytest.raises(NotFound) as info:
        ambil(session, UnitKerja, 987654)
    assert str(info.value) == PESAN_BERUBAH


def test_ambil_opsional_none_and_missing(session):
    assert ambil_opsional(session, UnitKerja, None) is None
    assert ambil_opsional(session, UnitKerja, 987654) is None
