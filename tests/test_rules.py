"""The shared text rules: a table of lines and what they are (the examples of the catalogue's
comments), and proof that the trigger-word gate lets every labelled pattern fire."""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse

import pytest

from cleaners.rules import Captured, Kind, classify, strip_signoff_tail
from cleaners.rules.catalogue import ALL_RIGHTS, LABELLED, RESERVED_MARKS, TRIGGER
from cleaners.rules.classify import _may_be_labelled

PARAGRAPH = (
    "Harga beras di pasar tradisional Jakarta naik untuk pekan ketiga berturut-turut, "
    "kata pedagang kepada wartawan pada Senin pagi."
)
# line, kind, what goes to metadata (field -> value) or None
TABLE = [
    (PARAGRAPH, Kind.TEXT, None),
    ("Baca juga: Harga Emas Antam Hari Ini Naik Rp 5.000", Kind.DROP, None),
    ("BACA JUGA: Putin Terima Kasih", Kind.DROP, None),
    ("Lihat juga: Video Banjir Bekasi", Kind.DROP, None),
    ("ADVERTISEMENT", Kind.DROP, None),
    ("ADVERTISEMENTSCROLL TO CONTINUE WITH CONTENT", Kind.DROP, None),
    ("- Advertisement -", Kind.DROP, None),
    ("Kamis, 11 Desember 2025 - 10:05 WIB", Kind.DROP, None),
    ("Jum'at, 12 Desember 2025 | 08.30 WIB", Kind.DROP, None),
    ("11 Desember 2025", Kind.DROP, None),
    ("Diterbitkan: 21 November 2024, 08.15 WITA", Kind.DROP, None),
    ("Diposting pada 9 Desember 2024", Kind.DROP, None),
    ("17/11/2024 07:45", Kind.DROP, None),
    ("2 jam yang lalu", Kind.DROP, None),
    ("[video]", Kind.DROP, None),
    ("[embed]https://www.youtube.com/watch?v=abc[/embed]", Kind.DROP, None),
    ("Scroll untuk melanjutkan", Kind.DROP, None),
    ("Scroll ke bawah untuk lanjut membaca", Kind.DROP, None),
    ("(END)", Kind.SIGNOFF, None),
    ("[SELESAI]", Kind.SIGNOFF, None),
    ("(Video: YouTube/Pemkab Kampar)", Kind.DROP, None),
    ("(Rep: Wahyu Setiawan)", Kind.META, {"authors": ["Wahyu Setiawan"]}),
    (
        "Rep: Dyah Ratna Meta Novia Red: Julkifli Marbun",
        Kind.META,
        {"authors": ["Dyah Ratna Meta Novia"], "editor": "Julkifli Marbun"},
    ),
    (
        "*Ikuti berita terkini dari Republika di Google News dan saluran WhatsApp Republika",
        Kind.DROP,
        None,
    ),
    ("Yuk gabung diskusi sebagai member Republika.", Kind.DROP, None),
    ("Belum ada komentar. Jadilah yang pertama berkomentar!", Kind.DROP, None),
    ("Silakan login untuk berkomentar.", Kind.DROP, None),
    ("Silakan tinggalkan komentar yang sopan.", Kind.DROP, None),
    ("Jasa Pembuatan Website Berita – profesional, cepat, harga bersahabat", Kind.DROP, None),
    ("Belum ada laporan korban jiwa dalam kejadian itu.", Kind.TEXT, None),
    # a post's counters, taxonomy, ad sales, calls for news, reactions (blocks10)
    ("1.204 views", Kind.DROP, None),
    ("3,2 rb kali dibaca", Kind.DROP, None),
    ("Posted in Daerah | Tagged KAI, mudik", Kind.DROP, None),
    ("Filed under Berita, Ekonomi", Kind.DROP, None),
    ("Pasang iklan di Kabar Banyumas, hubungi 0812-2233-4455.", Kind.DROP, None),
    ("Info iklan: iklan@kabarbanyumas.id", Kind.DROP, None),
    ("Kirim berita dan foto kegiatan ke redaksi@kabarbanyumas.id", Kind.DROP, None),
    ("Punya info menarik? Hubungi WhatsApp redaksi 0812-2233-4455", Kind.DROP, None),
    ("Suka artikel ini? Beri reaksi Anda!", Kind.DROP, None),
    ("Bagaimana reaksi Anda?", Kind.DROP, None),
    ("Info dari BMKG menyebutkan hujan turun hingga sore di Jakarta Selatan.", Kind.TEXT, None),
    ("Punya usaha sendiri membuat Rina bisa menyekolahkan tiga anaknya.", Kind.TEXT, None),
    ("Kirim bantuan ke lokasi banjir dilakukan dengan perahu karet BPBD.", Kind.TEXT, None),
    ("Suka duka guru honorer diceritakan Siti di depan anggota dewan.", Kind.TEXT, None),
    ("Pasang surut air laut membuat nelayan tidak melaut selama sepekan.", Kind.TEXT, None),
    ("Kompas.com - 01/12/2026, 10:22 WIB", Kind.DROP, None),  # the page's date, the outlet first
    # a village portal's (OpenSID, desa WordPress) lines under the post
    (
        "Silakan tulis komentar dalam formulir berikut ini (Gunakan bahasa yang santun). Komentar "
        "akan ditampilkan setelah disetujui oleh Admin",
        Kind.DROP,
        None,
    ),
    ("Kirim Komentar", Kind.DROP, None),
    ("Bagikan ke:", Kind.END, None),
    ("Administrator | 12 Januari 2026", Kind.DROP, None),
    ("Update terakhir: 12 Januari 2026", Kind.DROP, None),
    ("Telah dilihat 1.230 kali", Kind.DROP, None),
    ("« Artikel Sebelumnya | Artikel Berikutnya »", Kind.DROP, None),
    ("Hubungi kami di 0812-3456-7890", Kind.DROP, None),
    ("Telah dilakukan musyawarah desa khusus untuk menetapkan penerima BLT.", Kind.TEXT, None),
    ("Hubungan kedua desa membaik setelah musyawarah itu, kata kepala desa.", Kind.TEXT, None),
    ("Operator desa mencatat 86 keluarga penerima bantuan tahun ini.", Kind.TEXT, None),
    # a press release's number, signing office, media contact and hashtags (rules/press.py)
    ("Siaran Pers Nomor: 045/SP/HM/BKP/V/2025", Kind.DROP, None),
    ("Biro Komunikasi Publik Kementerian PUPR", Kind.DROP, None),
    ("Narahubung: Endra S. Atmawidjaja (0812-1234-5678)", Kind.DROP, None),
    ("#SigapMembangunNegeri #PUPRMelayani", Kind.DROP, None),
    ("Pusat informasi banjir dibuka di kantor kecamatan sejak Senin pagi.", Kind.TEXT, None),
    ("Bagian hulu sungai tertimbun longsor sehingga air meluap ke permukiman.", Kind.TEXT, None),
    ("Kontak dengan korban terakhir dilakukan pada Minggu malam, kata petugas.", Kind.TEXT, None),
    ("Kompas.comSelasa, 1 Desember 2026", Kind.DROP, None),
    ("Kompas.com - Gempa mengguncang Sukabumi pada 1 Desember 2026", Kind.TEXT, None),
    ("(Pradita Utama/detikcom)", Kind.DROP, None),
    ("Muhammad Rizki/detikcom", Kind.DROP, None),  # a bare credit beside a photo
    ("Foto Lainnya", Kind.RELATED, None),
    ("Jurnalis: Ahmad Fauzi", Kind.META, {"authors": ["Ahmad Fauzi"]}),
    ("Laporan: Rizky Hasibuan", Kind.META, {"authors": ["Rizky Hasibuan"]}),
    ("Kontributor Lamongan: Muhammad Fauzan", Kind.META, {"authors": ["Muhammad Fauzan"]}),
    ("Penulis – Muhammad Fauzan", Kind.META, {"authors": ["Muhammad Fauzan"]}),
    ("Penulis Buku: Andi", Kind.TEXT, None),  # a place after the key only for correspondents
    (
        "Laporan wartawan wartalamongan.com, Muhammad Fauzan",
        Kind.META,
        {"authors": ["Muhammad Fauzan"]},
    ),
    (
        "Editor : Rudi Hartono / Reporter : Dina Amalia",
        Kind.META,
        {"authors": ["Dina Amalia"], "editor": "Rudi Hartono"},
    ),
    ("Reporter : Muhammad Fauzan (Humas ITS)", Kind.META, {"authors": ["Muhammad Fauzan"]}),
    # "Oleh"-style bylines name whoever posted the story: a writer, noted as no role's (`by`)
    ("Ditulis oleh: Super User", Kind.META, {"authors": ["Super User"], "by": ["Super User"]}),
    ("Diposting oleh Admin Desa", Kind.META, {"authors": ["Admin Desa"], "by": ["Admin Desa"]}),
    (
        "(Muhammad Fauzan/Humas ITS)",
        Kind.SIGNOFF,
        {"signed": ["Muhammad Fauzan"], "source": "Humas ITS"},
    ),
    ("(Muhammad Fauzan/Warta Lamongan)", Kind.SIGNOFF, {"signed": ["Muhammad Fauzan"]}),
    ("(Agung Pambudhy/Antara)", Kind.DROP, None),  # a photo credit, not a writer's sign-off
    (
        "Ditulis pada 29 November 2025 oleh Administrator - Dibaca 58 kali",
        Kind.META,
        {"authors": ["Administrator"], "by": ["Administrator"]},
    ),
    ("Posted by admin on Maret 14, 2016", Kind.META, {"authors": ["admin"], "by": ["admin"]}),
    ("Wonosobo, 14 Maret 2016", Kind.DROP, None),
    ("Terakhir Diperbaharui ( Senin, 14 Maret 2016 12:01 )", Kind.DROP, None),
    ("Dilihat 523 kali | Dikomentari 0 kali", Kind.DROP, None),
    # kompas's credit without its key: the role, its place, the name (a line no sentence reads so)
    ("Kontributor Bandung, Reni Susanti", Kind.META, {"authors": ["Reni Susanti"]}),
    ("Kontributor terbesar inflasi bulan ini, Beras dan Cabai", Kind.TEXT, None),
    (
        "Pewarta: Rina Ayu/Editor: Budi Santoso",
        Kind.META,
        {"authors": ["Rina Ayu"], "editor": "Budi Santoso"},
    ),
    ("Laporan Reporter: Rina Ayu | Foto: Budi Santoso", Kind.META, {"authors": ["Rina Ayu"]}),
    (
        "Pewarta: Rina AyuEditor: Budi Santoso",
        Kind.META,
        {"authors": ["Rina Ayu"], "editor": "Budi Santoso"},
    ),
    ("Penulis: Kontributor Bandung, Reni Susanti", Kind.META, {"authors": ["Reni Susanti"]}),
    ("Uploader : Wisnu Adhi Nugroho", Kind.META, {"editor": "Wisnu Adhi Nugroho"}),
    ("Laporan Andi Baso, Maros", Kind.META, {"authors": ["Andi Baso"]}),
    ("Laporan Keuangan Daerah, Pemkab Maros", Kind.TEXT, None),
    ("(Andi Baso)", Kind.SIGNOFF, {"signed": ["Andi Baso"]}),
    ("Oleh: Ahmad Fauzi, S.Pd.", Kind.META, {"authors": ["Ahmad Fauzi"], "by": ["Ahmad Fauzi"]}),
    ("Penulis: Ahmad Fauzi, M Rizal", Kind.META, {"authors": ["Ahmad Fauzi", "M Rizal"]}),
    ("(Humas Pemkab Maros)", Kind.SIGNOFF, {"source": "Humas Pemkab Maros"}),
    ("---", Kind.DROP, None),
    ("* * *", Kind.DROP, None),
    ("Tonton video selengkapnya di kanal YouTube Kabar Pesisir TV", Kind.DROP, None),
    ("Halaman 2 dari 3", Kind.DROP, None),
    ("Halaman selanjutnya", Kind.DROP, None),
    ("Foto: Dok. Humas PUPR", Kind.META, None),  # a credit line: nothing of it is kept
    ("Jasa pembuatan website murah", Kind.DROP, None),
    ("Dapatkan update berita pilihan dan breaking news setiap hari dari Kontan", Kind.DROP, None),
    ("Ikuti saluran WhatsApp kami untuk berita terbaru", Kind.DROP, None),
    ("Alexey NIKOLSKY / SPUTNIK / AFP", Kind.DROP, None),
    ("KCNA VIA KNS/AFP", Kind.DROP, None),
    ("Warga melintasi jalan yang rusak di Pelalawan. Foto: Dok. Humas PUPR", Kind.DROP, None),
    (
        "Presiden Rusia Vladimir Putin di Moskow, Rusia. (Foto: AFP/Alexander Kazakov)",
        Kind.DROP,
        None,
    ),
    (
        "WASHINGTON, DC - JUNI 06: Presiden berbicara kepada wartawan di Gedung Putih",
        Kind.DROP,
        None,
    ),
    ("Sumber: Reuters | Editor: Handoyo", Kind.META, {"source": "Reuters", "editor": "Handoyo"}),
    ("Penulis: Rina Ayu | Editor: Budi", Kind.META, {"authors": ["Rina Ayu"], "editor": "Budi"}),
    ("Kamis, 11 Desember 2025 | Penulis: Rina Ayu", Kind.META, {"authors": ["Rina Ayu"]}),
    ("Reporter Budi Santoso", Kind.META, {"authors": ["Budi Santoso"]}),
    ("Laporan Wartawan Tribunnews.com, Rina Ayu", Kind.META, {"authors": ["Rina Ayu"]}),
    (
        "Artikel ini telah tayang di Kompas.com dengan judul Harga Beras Naik",
        Kind.DROP,
        {"source": "Kompas.com"},
    ),
    ("(Tribunnews.com/Rina Ayu)", Kind.SIGNOFF, {"signed": ["Rina Ayu"]}),
    ("(tfq/gil)", Kind.SIGNOFF, {"initials": ["tfq", "gil"]}),
    ("(*/rin)", Kind.SIGNOFF, {"initials": ["rin"]}),
    ("(Rina Ayu/Tribunnews.com)", Kind.SIGNOFF, {"signed": ["Rina Ayu"]}),
    ("(wan/hen)", Kind.SIGNOFF, {"initials": ["wan", "hen"]}),
    ("(Foto/Istimewa)", Kind.SIGNOFF, None),  # a credit, not a reporter's code
    (
        "Penulis: Abdul Majid Editor: Dwi Setiawan",
        Kind.META,
        {"authors": ["Abdul Majid"], "editor": "Dwi Setiawan"},
    ),
    (
        "Penulis : Abdul Majid, Editor : Dwi Setiawan",
        Kind.META,
        {"authors": ["Abdul Majid"], "editor": "Dwi Setiawan"},
    ),
    (
        "Laporan Wartawan Tribunnews.com, Rina Ayu Editor: Anita K Wardhani",
        Kind.META,
        {"authors": ["Rina Ayu"], "editor": "Anita K Wardhani"},
    ),
    ("Reporter: Rina Ayu | Editor: Budi", Kind.META, {"authors": ["Rina Ayu"], "editor": "Budi"}),
    (
        "Sabtu, 22 November 2025 | 11:40 WIB | Penulis: Fadli Yusuf",
        Kind.META,
        {"authors": ["Fadli Yusuf"]},
    ),
    ("(***)", Kind.SIGNOFF, None),
    ("Berita Terkait", Kind.RELATED, None),
    ("Rekomendasi untuk Anda", Kind.RELATED, None),
    ("Bagikan artikel ini", Kind.END, None),
    # WordPress (Jetpack) share and like headings; a sentence opening so stays
    ("Bagikan ini:", Kind.END, None),
    ("Suka ini:", Kind.END, None),
    ("Bagikan ini kepada keluarga yang membutuhkan.", Kind.TEXT, None),
    # a paid post's mark in any case, alone on its line
    ("(ADV)", Kind.DROP, None),
    ("[Advertorial]", Kind.DROP, None),
    ("(ADV) Pameran UMKM digelar di alun-alun.", Kind.TEXT, None),
    # the place the report was filed from after the reporter's name
    (
        "Laporan Kontributor Tribunjateng.com, Khoirul Muzaki, Banjarnegara",
        Kind.META,
        {"authors": ["Khoirul Muzaki"]},
    ),
    ("Tags: beras, harga", Kind.END, None),
    ("© 2025 Kontan. Hak cipta dilindungi", Kind.END, None),
    ("Kontan 2025. All rights reserved.", Kind.END, None),
    ("Lihat Video: Petani Panen Raya di Karawang", Kind.DROP, None),
    ("Saksikan Live DetikSore:", Kind.DROP, None),
    # a channel's syndication note: the channel is the source
    (
        'Baca artikel detikjabar, "Harga Gabah di Karawang Naik" selengkapnya'
        " https://www.detik.com/jabar/x",
        Kind.DROP,
        {"source": "detikjabar"},
    ),
    ("Artikel ini telah tayang di detikJateng.", Kind.DROP, {"source": "detikJateng"}),
    ("Artikel ini telah terbit di jurnal Nature.", Kind.TEXT, None),
    # the outlet's app, not an app a story tells readers of
    ("Download Apps Detikcom Sekarang https://apps.detik.com/detik/", Kind.DROP, None),
    ("Unduh aplikasi SatuSehat di Play Store untuk melihat sertifikat.", Kind.TEXT, None),
    ("Saksikan live streaming pertandingan itu di kanal resmi klub.", Kind.TEXT, None),
    ("Lihat video yang beredar di media sosial, antrean tampak mengular.", Kind.TEXT, None),
    # an infographic's title over its picture goes; a sentence about one stays
    ("Infografis Mudik Gratis Lebaran 2026", Kind.DROP, None),
    ("INFOGRAFIS: Jadwal Kapal Mudik dari Tanjung Priok", Kind.DROP, None),
    ("Infografis itu menunjukkan angka kemiskinan turun.", Kind.TEXT, None),
    ("Infografis kemiskinan yang dirilis BPS", Kind.TEXT, None),
    # a caption left in the body's text, the wire's credit after its last sentence
    (
        "Tim SAR gabungan menyisir perairan Selat Bali, Jumat (4/7/2025). ANTARA FOTO/Budi"
        " Candra Setya/nym.",
        Kind.DROP,
        None,
    ),
    ("Warga berunjuk rasa di depan gedung DPR. REUTERS/Willy Kurniawan", Kind.DROP, None),
    ("Kawasan perumahan di Tangerang, Banten. KONTAN/Baihaki/19/05/2026", Kind.DROP, None),
    ("Warga bertahan di rumah meski air masuk. KOMPAS.com/ARI HIMAWAN", Kind.DROP, None),
    ("Rapat digelar di Balai Kota. DPRD/Pemkot sepakat menambah pompa.", Kind.TEXT, None),
    ("Hal itu disampaikan kepada ANTARA/Jakarta.", Kind.TEXT, None),
    ("Kantor berita itu menyebut rasio 20/30 pada Jumat (4/7/2025).", Kind.TEXT, None),
    # a notice forbidding reuse of the content, wherever it stands; a story's own rule stays
    (
        "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI"
        " di situs web ini tanpa izin tertulis dari Kantor Berita ANTARA.",
        Kind.DROP,
        None,
    ),
    (
        "Dilarang mengambil dan/atau menayangkan ulang sebagian atau keseluruhan artikel di atas"
        " untuk konten akun media sosial komersil tanpa seizin redaksi.",
        Kind.DROP,
        None,
    ),
    (
        "Dilarang mengambil gambar di dalam ruang sidang tanpa izin hakim, kata dia.",
        Kind.TEXT,
        None,
    ),
]


@pytest.mark.parametrize(("line", "kind", "meta"), TABLE, ids=[t[0][:40] for t in TABLE])
def test_line_kind(line, kind, meta):
    captured = Captured()
    assert classify(line, captured) is kind
    got = {k: v for k, v in vars(captured).items() if v}
    assert got == (meta or {})


def test_signoff_tail_is_cut_from_the_last_paragraph():
    captured = Captured()
    assert strip_signoff_tail("… kata dia. (tfq/gil)", captured) == "… kata dia."
    assert captured.initials == ["tfq", "gil"]
    assert strip_signoff_tail("… kata dia (dalam rapat).") == "… kata dia (dalam rapat)."


@pytest.mark.parametrize("mark", ["(ADV)", "(adv)", "[ADV]", "(Advertorial)"])
def test_a_paid_posts_mark_is_cut_from_the_last_paragraph_as_no_ones_initials(mark: str):
    captured = Captured()
    assert (
        strip_signoff_tail(f"… selama pameran berlangsung. {mark}", captured)
        == "… selama pameran berlangsung."
    )
    assert captured.initials == []
    assert strip_signoff_tail("… kata dia (ADV Indonesia).") == "… kata dia (ADV Indonesia)."


# --- the trigger gate -------------------------------------------------------------------------

NONLETTER = "#"  # stands for a class of characters none of which is a letter (digits, spaces)
MAX_PREFIX = 16


def _starts(items) -> set[tuple[str, bool]]:
    """The literal starts a parsed pattern can have: (text, open) where open means the
    pattern may go on with more literal text after it."""
    out = {("", True)}
    for op, av in items:
        step = _one(op, av)
        out = {(p + q, o2) if o else (p, o) for p, o in out for q, o2 in (step if o else [("", o)])}
        out = {(p[:MAX_PREFIX], o and len(p) < MAX_PREFIX) for p, o in out}
        if not any(o for _, o in out):
            break
    return out


def _one(op, av) -> set[tuple[str, bool]]:
    if op is sre.LITERAL:
        return {(chr(av).lower(), True)}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {("", True)}
    if op is sre.SUBPATTERN:
        return _starts(av[-1])
    if op is sre.BRANCH:
        return set().union(*(_starts(branch) for branch in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _, inner = av
        once = {(p, False) for p, _ in _starts(inner)}
        return once | ({("", True)} if low == 0 else set())
    if op is sre.IN and all(_nonletter_member(m) for m in av):
        return {(NONLETTER, False)}
    if op is sre.IN and all(m[0] is sre.LITERAL for m in av):
        return set().union(*(_one(*m) for m in av))
    return {("", False)}  # any character may start here: not covered by a word


def _nonletter_member(member) -> bool:
    op, av = member
    if op is sre.LITERAL:
        return not chr(av).isalpha()
    return op is sre.CATEGORY and av in (sre.CATEGORY_DIGIT, sre.CATEGORY_SPACE)


@pytest.mark.parametrize("pattern", LABELLED, ids=lambda p: p.pattern[:30])
def test_trigger_words_cover_every_start_of_a_labelled_pattern(pattern):
    for start, _ in _starts(sre_parse.parse(pattern.pattern, pattern.flags)):
        assert (start[:1] and not start[:1].isalpha()) or TRIGGER.match(start), (
            f"{pattern.pattern[:60]!r} can start with {start!r}, which no trigger word opens: "
            "add it to TRIGGER_WORDS in cleaners/rules/triggers.py"
        )


def test_the_gate_opens_for_a_new_start():
    # The check above must catch a pattern whose start no trigger word covers.
    loose = re.compile(r"^(?:baca juga|dengarkan juga)\s*:", re.I)
    starts = {s for s, _ in _starts(sre_parse.parse(loose.pattern, loose.flags))}
    assert "dengarkan juga:" in starts and not TRIGGER.match("dengarkan juga:")


def test_rights_lines_pass_the_gate_by_their_mark():
    for line in ("Kontan 2025. All rights reserved.", "PT X. ALL RIGHTS RESERVED"):
        assert ALL_RIGHTS.match(line) and _may_be_labelled(line)
    assert any(mark in "reserved" for mark in RESERVED_MARKS)


@pytest.mark.parametrize(
    ("caption", "kept"),
    [
        (
            "Warga menata dagangan pekan ini. (Agung Pambudhy/detikcom)",
            "Warga menata dagangan pekan ini.",
        ),
        (
            "Warga menata dagangan pekan ini. Agung Pambudhy/detikcom",
            "Warga menata dagangan pekan ini.",
        ),
        ("FOTO: ANTARA/Hery Sidik - Warga menata dagangan.", "Warga menata dagangan."),
        ("Warga menata dagangan. [Foto: Rizal]", "Warga menata dagangan."),
        ("Warga menata dagangan. (Dok. Humas Pemkab Bantul)", "Warga menata dagangan."),
        (
            "Warga menata dagangan pekan ini. WIB.Foto: X/detikcom",
            "Warga menata dagangan pekan ini. WIB.",
        ),
        ("Harga naik di Pasar Senen (12/3/2024).", "Harga naik di Pasar Senen (12/3/2024)."),
        (
            "Warga antre di kantor BPBD (Badan Penanggulangan Bencana).",
            "Warga antre di kantor BPBD (Badan Penanggulangan Bencana).",
        ),
    ],
)
def test_a_story_captions_credit_is_cut_its_prose_kept(caption, kept):
    from cleaners.rules.classify import strip_credit

    assert strip_credit(caption) == kept
