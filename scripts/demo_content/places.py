"""Region-specific placeholder values for the demo texts (all fictional)."""

# ruff: noqa: E501

# Values that are the same in every language of a region (German proper names, addresses,
# phone numbers, web addresses). Domains use the reserved ``.example`` TLD.
COMMON: dict[str, dict[str, str]] = {
    "neustadt": {
        "verwaltung": "Stadtverwaltung Neustadt am Lindenfluss",
        "web": "https://www.neustadt-lindenfluss.example",
        "webhost": "www.neustadt-lindenfluss.example",
        "maildomain": "neustadt-lindenfluss.example",
        "buergeramt_addr": "Bürgeramt im Rathaus, Marktplatz 1, 67999 Neustadt am Lindenfluss",
        "buergeramt_tel": "(01234) 567-100",
        "abh_addr": "Ausländerbehörde, Lindenallee 12, 67999 Neustadt am Lindenfluss",
        "abh_tel": "(01234) 567-310",
        "jobcenter_addr": "Jobcenter Neustadt, Bahnhofstraße 40, 67999 Neustadt am Lindenfluss",
        "jobcenter_tel": "(01234) 8810-0",
        "aa_addr": "Agentur für Arbeit Neustadt, Kanalstraße 5, 67999 Neustadt am Lindenfluss",
        "vhs_addr": "Volkshochschule Neustadt, Schulgasse 4",
        "vhs_tel": "(01234) 567-420",
        "treff_addr": "Stadtteiltreff Lindenhof, Weidenweg 8",
        "kita_addr": "Kita-Servicestelle im Rathaus, Marktplatz 1, Zimmer 114",
        "kita_tel": "(01234) 567-230",
        "schulamt_addr": "Staatliches Schulamt Neustadt, Schulgasse 10",
        "schulamt_tel": "(01234) 7730-0",
        "mieterverein_addr": "Mieterverein Neustadt, Gartenstraße 3",
        "mieterverein_tel": "(01234) 4471-20",
        "wohnbau": "Neustädter Wohnungsbau GmbH",
        "wohnamt_addr": "Amt für Wohnen, Lindenallee 14, 67999 Neustadt am Lindenfluss",
        "wohnamt_tel": "(01234) 567-520",
        "bereitschaft_addr": "Klinikum Neustadt, Am Stadtpark 20, 67999 Neustadt am Lindenfluss",
        "mbe_addr": "Caritasverband Neustadt, Kirchplatz 6, 67999 Neustadt am Lindenfluss",
        "mbe_tel": "(01234) 3390-15",
        "frauen_addr": "Beratungsstelle Lichtblick, Rosenstraße 11, 67999 Neustadt am Lindenfluss",
        "frauen_tel": "(01234) 2265-40",
    },
    "landkreis-birkenau": {
        "verwaltung": "Landratsamt Birkenau",
        "web": "https://www.landkreis-birkenau.example",
        "webhost": "www.landkreis-birkenau.example",
        "maildomain": "landkreis-birkenau.example",
        "buergeramt_addr": "Bürgerbüro der Gemeinde Birkenau, Am Rathausplatz 2, 67888 Birkenau",
        "buergeramt_tel": "(01235) 601-0",
        "abh_addr": "Landratsamt Birkenau, Ausländerbehörde, Kreishausstraße 3, 67888 Birkenau",
        "abh_tel": "(01235) 840-220",
        "jobcenter_addr": "Jobcenter Landkreis Birkenau, Gewerbering 7, 67888 Birkenau",
        "jobcenter_tel": "(01235) 9120-0",
        "aa_addr": "Agentur für Arbeit, Geschäftsstelle Birkenau, Gewerbering 9, 67888 Birkenau",
        "vhs_addr": "Kreisvolkshochschule Birkenau, Lindenhainer Straße 15",
        "vhs_tel": "(01235) 840-610",
        "treff_addr": "Mehrgenerationenhaus Oberbirkach, Dorfstraße 22",
        "kita_addr": "Kita-Servicestelle im Landratsamt, Kreishausstraße 3, Zimmer 2.07",
        "kita_tel": "(01235) 840-330",
        "schulamt_addr": "Staatliches Schulamt Birkenau, Kreishausstraße 5",
        "schulamt_tel": "(01235) 8500-0",
        "mieterverein_addr": "Mieterverein Birkenau und Umgebung, Bahnhofplatz 2",
        "mieterverein_tel": "(01235) 3318-10",
        "wohnbau": "Kreisbaugesellschaft Birkenau",
        "wohnamt_addr": "Landratsamt Birkenau, Sachgebiet Wohnen, Kreishausstraße 3, 67888 Birkenau",
        "wohnamt_tel": "(01235) 840-450",
        "bereitschaft_addr": "Kreisklinik Birkenau, Klinikweg 4, 67888 Birkenau",
        "mbe_addr": "Diakonisches Werk Birkenau, Bergstraße 21, 67888 Birkenau",
        "mbe_tel": "(01235) 6620-30",
        "frauen_addr": "Frauen- und Familienberatung Birkenau, Mühlgasse 5, 67888 Birkenau",
        "frauen_tel": "(01235) 7741-0",
    },
}

# Language-dependent place phrases (grammar differs per language).
LOCAL: dict[str, dict[str, dict[str, str]]] = {
    "neustadt": {
        "de": {"place": "Neustadt", "in_place": "in Neustadt", "to_place": "nach Neustadt"},
        "en": {"place": "Neustadt", "in_place": "in Neustadt", "to_place": "to Neustadt"},
        "ar": {"place": "نويشتات", "in_place": "في مدينة نويشتات", "to_place": "إلى مدينة نويشتات"},
        "fa": {"place": "نویشتات", "in_place": "در شهر نویشتات", "to_place": "به شهر نویشتات"},
        "uk": {
            "place": "Нойштадт",
            "in_place": "у місті Нойштадт",
            "to_place": "до міста Нойштадт",
        },
        "ro": {"place": "Neustadt", "in_place": "în Neustadt", "to_place": "la Neustadt"},
        "tr": {"place": "Neustadt", "in_place": "Neustadt'ta", "to_place": "Neustadt'a"},
        "ru": {
            "place": "Нойштадт",
            "in_place": "в городе Нойштадт",
            "to_place": "в город Нойштадт",
        },
    },
    "landkreis-birkenau": {
        "de": {
            "place": "Birkenau",
            "in_place": "im Landkreis Birkenau",
            "to_place": "in den Landkreis Birkenau",
        },
        "en": {
            "place": "Birkenau",
            "in_place": "in the district of Birkenau",
            "to_place": "to the district of Birkenau",
        },
        "ar": {
            "place": "بيركيناو",
            "in_place": "في مقاطعة بيركيناو",
            "to_place": "إلى مقاطعة بيركيناو",
        },
        "fa": {
            "place": "بیرکناو",
            "in_place": "در شهرستان بیرکناو",
            "to_place": "به شهرستان بیرکناو",
        },
        "uk": {
            "place": "Біркенау",
            "in_place": "у районі Біркенау",
            "to_place": "до району Біркенау",
        },
        "ro": {
            "place": "Birkenau",
            "in_place": "în districtul Birkenau",
            "to_place": "în districtul Birkenau",
        },
        "tr": {
            "place": "Birkenau",
            "in_place": "Birkenau ilçesinde",
            "to_place": "Birkenau ilçesine",
        },
        "ru": {
            "place": "Биркенау",
            "in_place": "в районе Биркенау",
            "to_place": "в район Биркенау",
        },
    },
}


def values(region: str, lang: str) -> dict[str, str]:
    """All placeholder values for one region and language."""
    return {**COMMON[region], **LOCAL[region][lang]}
