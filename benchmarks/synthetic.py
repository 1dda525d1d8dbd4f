"""A deterministic synthetic Integreat region, and a real HTTP server on 127.0.0.1 for it.

`build_region()` makes a region of `pages` German pages in up to 15 languages, in the exact
shape of the Integreat API v3 (`/api/v3/<region>/languages/`, `/api/v3/<region>/<lang>/pages/`):
realistic HTML (h2, p, ul/li, strong, a href) of 1-10 KB per German page, `excerpt` = the text
without tags, `last_updated` as ISO 8601 with offset, `available_languages` linking every
translation of a page to all the others (both ways).

Translations follow a realistic mix, decided per page and language by a seeded RNG:
about 85 % present, of those about 15 % older than their German page (outdated), about 2 %
the German text copied unchanged (title too in half of them) and about 1 % the English text
copied. The region's truth (what was injected) is kept in `Region.truth` so a benchmark can
check what the tools found.

`serve()` serves the pre-serialized JSON bytes with `http.server.ThreadingHTTPServer` from a
background thread on an ephemeral port, for a bounded time.
"""

from __future__ import annotations

import json
import random
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

REGION = "bench"
SEED = 20240501
NOW = datetime(2024, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
"""The moment the synthetic region is checked at (timestamps are generated relative to it)."""
PUBLIC_URL = "http://127.0.0.1:8000"
"""The host the CMS puts into `url` fields (as in the recorded reference responses)."""

P_PRESENT = 0.85
P_OUTDATED = 0.15
P_COPY_DEFAULT = 0.02
P_COPY_ENGLISH = 0.01

# (code, bcp47_tag, native_name, dir)
LANGUAGES: list[tuple[str, str, str, str]] = [
    ("de", "de-DE", "Deutsch", "LEFT_TO_RIGHT"),
    ("en", "en-GB", "English", "LEFT_TO_RIGHT"),
    ("ar", "ar-arb", "العربية", "RIGHT_TO_LEFT"),
    ("fa", "fa-IR", "فارسی", "RIGHT_TO_LEFT"),
    ("uk", "uk-UA", "Українська", "LEFT_TO_RIGHT"),
    ("ro", "ro-RO", "Română", "LEFT_TO_RIGHT"),
    ("tr", "tr-TR", "Türkçe", "LEFT_TO_RIGHT"),
    ("ru", "ru-RU", "Русский", "LEFT_TO_RIGHT"),
    ("fr", "fr-FR", "Français", "LEFT_TO_RIGHT"),
    ("es", "es-ES", "Español", "LEFT_TO_RIGHT"),
    ("it", "it-IT", "Italiano", "LEFT_TO_RIGHT"),
    ("pl", "pl-PL", "Polski", "LEFT_TO_RIGHT"),
    ("ps", "ps-AF", "پښتو", "RIGHT_TO_LEFT"),
    ("ckb", "ckb-IR", "کوردی", "RIGHT_TO_LEFT"),
    ("so", "so-SO", "Soomaali", "LEFT_TO_RIGHT"),
]


@dataclass(frozen=True)
class Corpus:
    """The same eight sentences, eight topics, six list items and a link label per language."""

    sentences: tuple[str, ...]
    topics: tuple[str, ...]
    items: tuple[str, ...]
    more: str


def _corpus(sentences: str, topics: str, items: str, more: str) -> Corpus:
    def lines(text: str) -> tuple[str, ...]:
        return tuple(line.strip() for line in text.strip().splitlines() if line.strip())

    return Corpus(lines(sentences), lines(topics), lines(items), more)


CORPUS: dict[str, Corpus] = {
    "de": _corpus(
        """
        Nach Ihrer Ankunft müssen Sie sich innerhalb von zwei Wochen beim Bürgeramt anmelden.
        Für die Anmeldung brauchen Sie Ihren Pass und eine Bestätigung Ihres Vermieters.
        Der Integrationskurs besteht aus einem Sprachkurs und einem Orientierungskurs.
        Wenn Sie krank sind, gehen Sie zuerst zu einer Hausärztin oder einem Hausarzt.
        Kinder zwischen sechs und sechzehn Jahren müssen in Deutschland zur Schule gehen.
        Das Jobcenter hilft Ihnen bei der Suche nach einer Arbeit.
        Die Beratungsstelle ist von Montag bis Freitag von neun bis zwölf Uhr geöffnet.
        Bitte bringen Sie alle wichtigen Dokumente zu Ihrem Termin mit.
        """,
        """
        Anmeldung
        Wohnen
        Sprachkurse
        Gesundheit
        Schule und Kita
        Arbeit
        Beratung
        Freizeit
        """,
        """
        Reisepass oder Personalausweis
        Mietvertrag
        Geburtsurkunde der Kinder
        Aufenthaltstitel
        Krankenversicherungskarte
        Meldebescheinigung
        """,
        "Weitere Informationen",
    ),
    "en": _corpus(
        """
        After your arrival you must register at the citizens' office within two weeks.
        For the registration you need your passport and a confirmation from your landlord.
        The integration course consists of a language course and an orientation course.
        If you are ill, first go to a general practitioner.
        Children between six and sixteen years of age must attend school in Germany.
        The job centre helps you to find work.
        The counselling centre is open from Monday to Friday from nine to twelve o'clock.
        Please bring all important documents to your appointment.
        """,
        """
        Registration
        Housing
        Language courses
        Health
        School and day care
        Work
        Counselling
        Leisure
        """,
        """
        Passport or identity card
        Rental agreement
        Birth certificates of the children
        Residence permit
        Health insurance card
        Registration certificate
        """,
        "More information",
    ),
    "ar": _corpus(
        """
        بعد وصولك يجب عليك التسجيل في مكتب المواطنين خلال أسبوعين.
        للتسجيل تحتاج إلى جواز سفرك وتأكيد من المؤجر.
        تتكون دورة الاندماج من دورة لغة ودورة توجيه.
        إذا كنت مريضاً، اذهب أولاً إلى طبيب الأسرة.
        يجب على الأطفال بين السادسة والسادسة عشرة من العمر الذهاب إلى المدرسة في ألمانيا.
        يساعدك مركز العمل في البحث عن عمل.
        مركز الاستشارات مفتوح من الاثنين إلى الجمعة من الساعة التاسعة حتى الثانية عشرة.
        يرجى إحضار جميع الوثائق المهمة إلى موعدك.
        """,
        """
        التسجيل
        السكن
        دورات اللغة
        الصحة
        المدرسة وروضة الأطفال
        العمل
        الاستشارة
        أوقات الفراغ
        """,
        """
        جواز السفر أو بطاقة الهوية
        عقد الإيجار
        شهادات ميلاد الأطفال
        تصريح الإقامة
        بطاقة التأمين الصحي
        شهادة التسجيل
        """,
        "مزيد من المعلومات",
    ),
    "fa": _corpus(
        """
        پس از ورود باید ظرف دو هفته در اداره ثبت احوال نام‌نویسی کنید.
        برای ثبت‌نام به گذرنامه و تأییدیه‌ای از صاحبخانه خود نیاز دارید.
        دوره ادغام شامل یک دوره زبان و یک دوره آشنایی است.
        اگر بیمار هستید، ابتدا به پزشک خانواده مراجعه کنید.
        کودکان بین شش تا شانزده سال در آلمان باید به مدرسه بروند.
        مرکز کاریابی در پیدا کردن کار به شما کمک می‌کند.
        مرکز مشاوره از دوشنبه تا جمعه از ساعت نه تا دوازده باز است.
        لطفاً همه مدارک مهم را به قرار ملاقات خود بیاورید.
        """,
        """
        ثبت‌نام
        مسکن
        کلاس‌های زبان
        سلامت
        مدرسه و مهدکودک
        کار
        مشاوره
        اوقات فراغت
        """,
        """
        گذرنامه یا کارت شناسایی
        قرارداد اجاره
        شناسنامه فرزندان
        اجازه اقامت
        کارت بیمه درمانی
        گواهی ثبت‌نام
        """,
        "اطلاعات بیشتر",
    ),
    "uk": _corpus(
        """
        Після прибуття ви повинні зареєструватися в бюро громадян протягом двох тижнів.
        Для реєстрації вам потрібен паспорт і підтвердження від вашого орендодавця.
        Інтеграційний курс складається з мовного курсу та орієнтаційного курсу.
        Якщо ви захворіли, спочатку зверніться до сімейного лікаря.
        Діти віком від шести до шістнадцяти років у Німеччині зобов'язані ходити до школи.
        Джобцентр допомагає вам у пошуку роботи.
        Консультаційний центр працює з понеділка по п'ятницю з дев'ятої до дванадцятої години.
        Будь ласка, візьміть із собою на прийом усі важливі документи.
        """,
        """
        Реєстрація
        Житло
        Мовні курси
        Здоров'я
        Школа і дитячий садок
        Робота
        Консультації
        Дозвілля
        """,
        """
        Паспорт або посвідчення особи
        Договір оренди
        Свідоцтва про народження дітей
        Посвідка на проживання
        Картка медичного страхування
        Довідка про реєстрацію
        """,
        "Докладніше",
    ),
    "ro": _corpus(
        """
        După sosire trebuie să vă înregistrați la biroul cetățenilor în termen de două săptămâni.
        Pentru înregistrare aveți nevoie de pașaport și de o confirmare de la proprietar.
        Cursul de integrare constă dintr-un curs de limbă și un curs de orientare.
        Dacă sunteți bolnav, mergeți mai întâi la un medic de familie.
        Copiii cu vârste între șase și șaisprezece ani trebuie să meargă la școală în Germania.
        Jobcenter vă ajută să găsiți un loc de muncă.
        Centrul de consiliere este deschis de luni până vineri, între orele nouă și douăsprezece.
        Vă rugăm să aduceți toate documentele importante la programare.
        """,
        """
        Înregistrare
        Locuință
        Cursuri de limbă
        Sănătate
        Școală și grădiniță
        Muncă
        Consiliere
        Timp liber
        """,
        """
        Pașaport sau carte de identitate
        Contract de închiriere
        Certificatele de naștere ale copiilor
        Permis de ședere
        Cardul de asigurare de sănătate
        Certificat de înregistrare
        """,
        "Mai multe informații",
    ),
    "tr": _corpus(
        """
        Geldikten sonra iki hafta içinde vatandaşlık bürosuna kayıt yaptırmanız gerekir.
        Kayıt için pasaportunuza ve ev sahibinizden bir onay belgesine ihtiyacınız var.
        Uyum kursu bir dil kursu ve bir oryantasyon kursundan oluşur.
        Hasta olduğunuzda önce bir aile hekimine gidin.
        Almanya'da altı ile on altı yaş arasındaki çocukların okula gitmesi zorunludur.
        Jobcenter iş bulmanızda size yardımcı olur.
        Danışma merkezi pazartesiden cumaya kadar saat dokuzdan on ikiye kadar açıktır.
        Lütfen randevunuza tüm önemli belgelerinizi getirin.
        """,
        """
        Kayıt
        Konut
        Dil kursları
        Sağlık
        Okul ve kreş
        Çalışma
        Danışmanlık
        Boş zaman
        """,
        """
        Pasaport veya kimlik kartı
        Kira sözleşmesi
        Çocukların doğum belgeleri
        Oturma izni
        Sağlık sigortası kartı
        İkamet belgesi
        """,
        "Daha fazla bilgi",
    ),
    "ru": _corpus(
        """
        После приезда вы должны зарегистрироваться в бюро граждан в течение двух недель.
        Для регистрации вам нужен паспорт и подтверждение от вашего арендодателя.
        Интеграционный курс состоит из языкового курса и ориентационного курса.
        Если вы заболели, сначала обратитесь к семейному врачу.
        Дети в возрасте от шести до шестнадцати лет в Германии обязаны ходить в школу.
        Джобцентр помогает вам в поиске работы.
        Консультационный центр открыт с понедельника по пятницу с девяти до двенадцати часов.
        Пожалуйста, возьмите с собой на приём все важные документы.
        """,
        """
        Регистрация
        Жильё
        Языковые курсы
        Здоровье
        Школа и детский сад
        Работа
        Консультации
        Досуг
        """,
        """
        Паспорт или удостоверение личности
        Договор аренды
        Свидетельства о рождении детей
        Вид на жительство
        Карта медицинского страхования
        Справка о регистрации
        """,
        "Подробнее",
    ),
    "fr": _corpus(
        """
        Après votre arrivée, vous devez vous inscrire au bureau des citoyens dans les deux semaines.
        Pour l'inscription, il vous faut votre passeport et une attestation du propriétaire.
        Le cours d'intégration comprend un cours de langue et un cours d'orientation.
        Si vous êtes malade, allez d'abord chez un médecin généraliste.
        Les enfants âgés de six à seize ans doivent aller à l'école en Allemagne.
        Le Jobcenter vous aide à trouver un travail.
        Le centre de conseil est ouvert du lundi au vendredi de neuf heures à midi.
        Veuillez apporter tous les documents importants à votre rendez-vous.
        """,
        """
        Inscription
        Logement
        Cours de langue
        Santé
        École et crèche
        Travail
        Conseil
        Loisirs
        """,
        """
        Passeport ou carte d'identité
        Contrat de location
        Actes de naissance des enfants
        Titre de séjour
        Carte d'assurance maladie
        Attestation de domicile
        """,
        "Plus d'informations",
    ),
    "es": _corpus(
        """
        Después de su llegada, debe empadronarse en la oficina municipal en un plazo de dos semanas.
        Para el empadronamiento necesita su pasaporte y una confirmación de su arrendador.
        El curso de integración consta de un curso de idioma y un curso de orientación.
        Si está enfermo, vaya primero a un médico de cabecera.
        Los niños de entre seis y dieciséis años deben ir a la escuela en Alemania.
        El Jobcenter le ayuda a buscar trabajo.
        El centro de asesoramiento está abierto de lunes a viernes de nueve a doce.
        Por favor, traiga todos los documentos importantes a su cita.
        """,
        """
        Empadronamiento
        Vivienda
        Cursos de idiomas
        Salud
        Escuela y guardería
        Trabajo
        Asesoramiento
        Tiempo libre
        """,
        """
        Pasaporte o documento de identidad
        Contrato de alquiler
        Partidas de nacimiento de los hijos
        Permiso de residencia
        Tarjeta del seguro médico
        Certificado de empadronamiento
        """,
        "Más información",
    ),
    "it": _corpus(
        """
        Dopo il vostro arrivo dovete registrarvi presso l'ufficio anagrafe entro due settimane.
        Per la registrazione avete bisogno del passaporto e di una conferma del padrone di casa.
        Il corso di integrazione comprende un corso di lingua e un corso di orientamento.
        Se siete malati, andate prima da un medico di famiglia.
        I bambini tra i sei e i sedici anni devono andare a scuola in Germania.
        Il Jobcenter vi aiuta a cercare un lavoro.
        Il centro di consulenza è aperto dal lunedì al venerdì dalle nove alle dodici.
        Portate tutti i documenti importanti al vostro appuntamento.
        """,
        """
        Registrazione
        Abitazione
        Corsi di lingua
        Salute
        Scuola e asilo
        Lavoro
        Consulenza
        Tempo libero
        """,
        """
        Passaporto o carta d'identità
        Contratto d'affitto
        Certificati di nascita dei figli
        Permesso di soggiorno
        Tessera sanitaria
        Certificato di residenza
        """,
        "Ulteriori informazioni",
    ),
    "pl": _corpus(
        """
        Po przyjeździe należy zameldować się w urzędzie miejskim w ciągu dwóch tygodni.
        Do zameldowania potrzebny jest paszport oraz potwierdzenie od właściciela mieszkania.
        Kurs integracyjny składa się z kursu językowego i kursu orientacyjnego.
        Jeśli jesteś chory, najpierw idź do lekarza rodzinnego.
        Dzieci w wieku od sześciu do szesnastu lat muszą chodzić do szkoły w Niemczech.
        Jobcenter pomaga w szukaniu pracy.
        Poradnia jest czynna od poniedziałku do piątku w godzinach od dziewiątej do dwunastej.
        Prosimy zabrać wszystkie ważne dokumenty na wizytę.
        """,
        """
        Zameldowanie
        Mieszkanie
        Kursy językowe
        Zdrowie
        Szkoła i przedszkole
        Praca
        Doradztwo
        Czas wolny
        """,
        """
        Paszport lub dowód osobisty
        Umowa najmu
        Akty urodzenia dzieci
        Dokument pobytowy
        Karta ubezpieczenia zdrowotnego
        Zaświadczenie o zameldowaniu
        """,
        "Więcej informacji",
    ),
    "ps": _corpus(
        """
        تاسو باید د رارسېدو وروسته په دوو اونیو کې د ښاریانو په دفتر کې ځان ثبت کړئ.
        د ثبت لپاره تاسو خپل پاسپورټ او د کور د خاوند تصدیق ته اړتیا لرئ.
        د ادغام کورس د ژبې له یوه کورس او د لارښوونې له یوه کورس څخه جوړ دی.
        که تاسو ناروغه یاست، لومړی د کورنۍ ډاکټر ته لاړ شئ.
        په آلمان کې د شپږو او شپاړسو کلونو ترمنځ ماشومان باید ښوونځي ته لاړ شي.
        د کار مرکز تاسو سره د کار په موندلو کې مرسته کوي.
        د مشورې مرکز له دوشنبې څخه تر جمعې پورې د سهار له نهو بجو تر دولسو بجو پورې خلاص دی.
        مهرباني وکړئ ټول مهم اسناد خپلې ملاقات ته راوړئ.
        """,
        """
        ثبت نام
        کور
        د ژبې کورسونه
        روغتیا
        ښوونځی او وړکتون
        کار
        مشوره
        وزګار وخت
        """,
        """
        پاسپورټ یا د پېژندنې کارت
        د کرایې تړون
        د ماشومانو د زیږون سندونه
        د اوسېدو اجازه
        د روغتیا بیمې کارت
        د ثبت سند
        """,
        "نور معلومات",
    ),
    "ckb": _corpus(
        """
        دوای گەیشتنت دەبێت لە ماوەی دوو هەفتەدا لە فەرمانگەی هاووڵاتیان خۆت تۆمار بکەیت.
        بۆ تۆمارکردن پێویستت بە پاسپۆرتەکەت و پشتڕاستکردنەوەیەک لە خاوەن خانووەکەت هەیە.
        خولی تێکەڵبوون لە خولێکی زمان و خولێکی ئاشنابوون پێکدێت.
        ئەگەر نەخۆش بیت، سەرەتا بچۆ بۆ لای پزیشکی خێزان.
        منداڵانی نێوان شەش بۆ شازدە ساڵ لە ئەڵمانیا دەبێت بچنە قوتابخانە.
        سەنتەری کار یارمەتیت دەدات بۆ دۆزینەوەی کار.
        ناوەندی ڕاوێژکاری لە دووشەممە تا هەینی لە کاتژمێر نۆ تا دوازدە کراوەیە.
        تکایە هەموو بەڵگەنامە گرنگەکان بۆ چاوپێکەوتنەکەت بهێنە.
        """,
        """
        تۆمارکردن
        نیشتەجێبوون
        خولەکانی زمان
        تەندروستی
        قوتابخانە و باخچەی ساوایان
        کار
        ڕاوێژکاری
        کاتی بەتاڵ
        """,
        """
        پاسپۆرت یان ناسنامە
        گرێبەستی کرێ
        بڕوانامەی لەدایکبوونی منداڵان
        مۆڵەتی نیشتەجێبوون
        کارتی بیمەی تەندروستی
        بەڵگەی تۆمارکردن
        """,
        "زانیاری زیاتر",
    ),
    "so": _corpus(
        """
        Markaad timaaddo waa inaad is-diiwaangelisaa xafiiska dadweynaha laba toddobaad gudahood.
        Diiwaangelinta waxaad u baahan tahay baasaboorkaaga iyo xaqiijin milkiilaha guriga.
        Koorsada is-dhexgalka waxay ka kooban tahay koorso luqadeed iyo koorso hanuunin.
        Haddii aad xanuunsan tahay, marka hore u tag dhakhtarka qoyska.
        Carruurta da'doodu u dhaxayso lix ilaa lix iyo toban sano waa inay iskuul ku dhigtaan.
        Xarunta shaqada ayaa kaa caawinaysa raadinta shaqo.
        Xarunta la-talinta waxay furan tahay Isniinta ilaa Jimcaha, saacadda sagaalka ilaa duhurka.
        Fadlan keen dhammaan dukumiintiyada muhiimka ah ballantaada.
        """,
        """
        Diiwaangelin
        Guri
        Koorsooyinka luqadda
        Caafimaad
        Dugsiga iyo xannaanada
        Shaqo
        La-talin
        Waqtiga firaaqada
        """,
        """
        Baasaboor ama kaarka aqoonsiga
        Heshiiska kirada
        Shahaadooyinka dhalashada carruurta
        Sharciga deganaanshaha
        Kaarka caymiska caafimaadka
        Shahaadada diiwaangelinta
        """,
        "Macluumaad dheeraad ah",
    ),
}

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_NOT_SLUG = re.compile(r"[^\w]+")


@dataclass
class Truth:
    """What the generator put into the region, per target language."""

    present: int = 0
    outdated: int = 0
    missing: int = 0
    copies: set[int] = field(default_factory=set)
    """Translation ids whose text is copied (German or English) instead of translated."""


@dataclass
class Region:
    """A generated region: the API answers as bytes, plus what was put in."""

    slug: str
    languages: list[str]
    languages_json: bytes
    pages_json: dict[str, bytes]
    truth: dict[str, Truth]
    default_html_sizes: list[int]
    seed: int

    def routes(self) -> dict[str, bytes]:
        """URL path -> response body."""
        routes = {f"/api/v3/{self.slug}/languages/": self.languages_json}
        for code, body in self.pages_json.items():
            routes[f"/api/v3/{self.slug}/{code}/pages/"] = body
        return routes

    @property
    def payload_bytes(self) -> int:
        """Bytes of all page lists together."""
        return sum(len(body) for body in self.pages_json.values())


# A page is planned once (block kinds and pool indices) and rendered in every language.
_Block = tuple[str, tuple[int, ...]]


def _plan(rng: random.Random, page: int, target: int) -> tuple[list[_Block], int, int]:
    """Blocks for one page, growing until the German HTML reaches `target` bytes."""
    de = CORPUS["de"]
    topic = rng.randrange(len(de.topics))
    item = rng.randrange(len(de.items))
    blocks: list[_Block] = [("p", _sentences(rng, 2, 4))]
    size = len(_render_blocks(blocks, "de", page).encode())
    while size < target:
        kind = rng.choices(("p", "h2", "ul", "strong", "link"), (5, 2, 2, 1, 1))[0]
        if kind == "p":
            block: _Block = ("p", _sentences(rng, 1, 5))
        elif kind == "h2":
            block = ("h2", (rng.randrange(len(de.topics)),))
        elif kind == "ul":
            block = ("ul", tuple(rng.sample(range(len(de.items)), rng.randint(2, 5))))
        elif kind == "strong":
            block = ("strong", _sentences(rng, 2, 3))
        else:
            block = ("link", (rng.randrange(1000),))
        grown = size + len(_render_blocks([block], "de", page).encode())
        if grown > 10_240:
            break
        blocks.append(block)
        size = grown
    return blocks, topic, item


def _sentences(rng: random.Random, low: int, high: int) -> tuple[int, ...]:
    return tuple(rng.randrange(len(CORPUS["de"].sentences)) for _ in range(rng.randint(low, high)))


def _render_blocks(blocks: list[_Block], code: str, page: int) -> str:
    corpus = CORPUS[code]
    parts = []
    for kind, args in blocks:
        if kind == "p":
            parts.append("<p>" + " ".join(escape(corpus.sentences[i]) for i in args) + "</p>")
        elif kind == "h2":
            parts.append(f"<h2>{escape(corpus.topics[args[0]])}</h2>")
        elif kind == "ul":
            items = "".join(f"<li>{escape(corpus.items[i])}</li>" for i in args)
            parts.append(f"<ul>{items}</ul>")
        elif kind == "strong":
            first, *rest = (escape(corpus.sentences[i]) for i in args)
            parts.append(f"<p><strong>{first}</strong> {' '.join(rest)}</p>")
        else:
            parts.append(
                f'<p><a href="https://www.example.org/service/{page}-{args[0]}" '
                f'target="_blank" rel="noopener">{escape(corpus.more)}</a>: '
                f"Tel. 0821 324-{args[0]:04d}, beratung{args[0]}@example.org</p>"
            )
    return "\n".join(parts)


def excerpt_of(html: str) -> str:
    """The text of an HTML fragment without tags (what the CMS sends as `excerpt`)."""
    from html import unescape

    return _SPACE.sub(" ", unescape(_TAG.sub(" ", html))).strip()


def _slug(text: str, page: int) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-") + f"-{page}"


def _stamp(moment: datetime) -> tuple[str, str]:
    """(`last_updated` with the Berlin offset, `modified_gmt` in UTC with Z)."""
    local = moment.astimezone(ZoneInfo("Europe/Berlin"))
    gmt = moment.astimezone(ZoneInfo("UTC"))
    return (
        local.isoformat(timespec="milliseconds"),
        gmt.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
    )


def _translation_id(page: int, language_index: int) -> int:
    return 10_000 + page * 20 + language_index


def _page_record(
    page: int, codes: list[str], truth: dict[str, Truth], seed: int
) -> tuple[dict[str, dict[str, Any]], int]:
    """Decide one page: its German text and time, and which translations exist and how.

    Returns {code: {title, content, updated, parent}} and the size of the German HTML.
    """
    rng = random.Random(seed * 1_000_003 + page)
    blocks, topic, item = _plan(rng, page, rng.randint(1024, 9_600))
    parent = rng.randrange(page) if page and rng.random() < 0.8 else None
    de_updated = NOW - timedelta(days=rng.uniform(0, 1_500), seconds=rng.uniform(0, 86_400))
    rendered: dict[str, tuple[str, str]] = {}

    def render(code: str) -> tuple[str, str]:
        if code not in rendered:
            corpus = CORPUS[code]
            title = f"{corpus.topics[topic]}: {corpus.items[item]}"
            rendered[code] = (title, _render_blocks(blocks, code, page))
        return rendered[code]

    title, content = render("de")
    record = {"de": {"title": title, "content": content, "updated": de_updated, "parent": parent}}
    for index, code in enumerate(codes[1:], start=1):
        facts = truth[code]
        if rng.random() >= P_PRESENT:
            facts.missing += 1
            continue
        facts.present += 1
        if rng.random() < P_OUTDATED:
            facts.outdated += 1
            updated = de_updated - timedelta(days=rng.uniform(1, 400))
        else:
            updated = de_updated + timedelta(hours=rng.uniform(1, 24 * 60))
            # never in the future; a German page edited minutes ago gets a translation after it
            updated = max(min(updated, NOW - timedelta(minutes=5)), de_updated + timedelta(1e-5))
        roll = rng.random()
        if roll < P_COPY_DEFAULT:
            facts.copies.add(_translation_id(page, index))
            t_title, t_content = render("de")
            if rng.random() < 0.5:  # translated title over copied German text
                t_title = render(code)[0]
        elif roll < P_COPY_DEFAULT + P_COPY_ENGLISH and code != "en":
            facts.copies.add(_translation_id(page, index))
            t_title, t_content = render("en")
        else:
            t_title, t_content = render(code)
        record[code] = {"title": t_title, "content": t_content, "updated": updated,
                        "parent": parent}  # fmt: skip
    return record, len(content.encode())


def _api_page(
    page: int,
    code: str,
    records: list[dict[str, dict[str, Any]]],
    addresses: list[dict[str, tuple[str, str]]],
    ids: dict[str, int],
) -> dict[str, Any]:
    """One page object of `/api/v3/<region>/<code>/pages/`."""
    data = records[page][code]
    path, url = addresses[page][code]
    last_updated, modified_gmt = _stamp(data["updated"])
    parent = data["parent"]
    parent_link: dict[str, Any] = {"id": 0, "url": None, "path": None}
    if parent is not None and code in records[parent]:
        parent_path, parent_url = addresses[parent][code]
        parent_link = {"id": _translation_id(parent, ids[code]), "url": parent_url,
                       "path": parent_path}  # fmt: skip
    return {
        "id": _translation_id(page, ids[code]),
        "url": url,
        "path": path,
        "title": data["title"],
        "modified_gmt": modified_gmt,
        "last_updated": last_updated,
        "excerpt": excerpt_of(data["content"]),
        "content": data["content"],
        "parent": parent_link,
        "order": page,
        "available_languages": {
            other: {
                "id": _translation_id(page, ids[other]),
                "url": addresses[page][other][1],
                "path": addresses[page][other][0],
            }
            for other in records[page]
            if other != code
        },
        "thumbnail": None,
        "organization": None,
        "hash": None,
        "embedded_offers": [],
    }


def build_region(pages: int = 1000, languages: int = 15, seed: int = SEED) -> Region:
    """Generate the region deterministically (same arguments, same bytes)."""
    if not 2 <= languages <= len(LANGUAGES):
        raise ValueError(f"languages must be between 2 and {len(LANGUAGES)}")
    langs = LANGUAGES[:languages]
    codes = [code for code, *_ in langs]
    ids = {code: index for index, code in enumerate(codes)}
    truth = {code: Truth() for code in codes[1:]}
    records, sizes = [], []
    for page in range(pages):
        record, size = _page_record(page, codes, truth, seed)
        records.append(record)
        sizes.append(size)
    addresses = [
        {
            code: (path := f"/{REGION}/{code}/{_slug(data['title'], page)}/", PUBLIC_URL + path)
            for code, data in record.items()
        }
        for page, record in enumerate(records)
    ]
    lists: dict[str, list[dict[str, Any]]] = {code: [] for code in codes}
    for page, record in enumerate(records):
        for code in record:
            lists[code].append(_api_page(page, code, records, addresses, ids))
    languages_json = json.dumps(
        [
            {"id": i + 1, "code": code, "bcp47_tag": tag, "native_name": name, "dir": direction}
            for i, (code, tag, name, direction) in enumerate(langs)
        ]
    ).encode()
    # Django's JsonResponse escapes non-ASCII (ensure_ascii), as the recorded answers show.
    pages_json = {code: json.dumps(items).encode() for code, items in lists.items()}
    return Region(REGION, codes, languages_json, pages_json, truth, sizes, seed)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real server
    routes: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        body = self.routes.get(self.path.split("?", 1)[0])
        status = 200
        if body is None:
            status, body = 404, b'{"error": "Not found."}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(routes: dict[str, bytes], lifetime: float = 600.0) -> Iterator[str]:
    """Serve `routes` on 127.0.0.1 (ephemeral port) from a background thread; yields the base URL.

    The server stops when the block ends, or after `lifetime` seconds at the latest.
    """
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="bench-server", daemon=True)
    thread.start()
    timer = threading.Timer(lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        timer.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


if __name__ == "__main__":
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    region = build_region(count)
    print(f"{len(region.default_html_sizes)} pages x {len(region.languages)} languages, "
          f"{region.payload_bytes / 1e6:.1f} MB of page lists, German HTML "
          f"{min(region.default_html_sizes)}-{max(region.default_html_sizes)} bytes")  # fmt: skip
    for code, facts in region.truth.items():
        print(f"{code:>4}: present {facts.present}, outdated {facts.outdated}, "
              f"missing {facts.missing}, copies {len(facts.copies)}")  # fmt: skip
