"""Reusable widgets for every view (PySide6 only).

- :mod:`.paged_model` — ``PagedTableModel``: a QAbstractTableModel base that loads rows in
  pages from a service (``canFetchMore``/``fetchMore``), sorts by asking the service again
  (sorting in SQL), and keeps a total count. Subclass it and implement ``muat_jumlah()``,
  ``muat_halaman(offset, limit)`` and ``tampil(row, kolom, role)``; describe the columns with
  ``Kolom(judul, urut=<service sort key or None>, lebar=...)``. Call ``reload()`` after a
  filter changes; ``baris(i)`` gives the row object (a frozen dataclass from the service).
- :mod:`.search` — ``SearchLineEdit``: a QLineEdit with a clear button and a placeholder
  that emits ``cari(str)`` after the user pauses typing (debounced, 200 ms by default;
  ``segera()`` emits now, used by tests and the Enter key).
- :mod:`.filter_bar` — ``FilterBar``: the Tahun / Periode / Pegawai selection of the SKP,
  Pemantauan and Evaluasi views (``periode=``, ``pegawai=``, ``cari_pegawai=``,
  ``ketik_pegawai=``, ``tahun_dari_data=``); ``isi_tahun``/``isi_periode``/``isi_pegawai`` fill
  without emitting signals; ``tambah_tombol`` puts a view's buttons before "Muat ulang".
- :mod:`.form` — ``FormGrid``: a tidy multi-column form: ``add(key, label, widget, kolom=0)``
  puts "label / widget / small red error text" in the given column; ``set_error(key, text)``
  shows the message under the field (and marks it), ``clear_errors()`` clears all,
  ``first_error_widget()`` for focusing. Also ``tanggal_edit()`` (a QDateEdit with calendar
  popup and dd-MM-yyyy), ``qdate``/``pydate`` converters, ``judul_halaman(teks)`` (a view's
  big bold title label), ``label_keterangan(teks)`` (a grey hint line).
"""
