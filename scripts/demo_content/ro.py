"""Romanian translations (deliberately incomplete: Romanian lags behind)."""

# ruff: noqa: E501

PAGES: dict[str, tuple[str, str]] = {
    "willkommen": (
        "Bun venit",
        """
        <p><strong>Bine ați venit {in_place}!</strong> Aceste pagini vă ajută să vă orientați în primele săptămâni și luni.</p>
        <p>Aici găsiți informații despre autorități, muncă, cursuri de limba germană, grădiniță și școală, locuință și sănătate. Pentru fiecare subiect vă indicăm persoane de contact cu adresă, număr de telefon și program de lucru.</p>
        <p>Ați găsit o greșeală? Scrieți-ne la <a href="mailto:integration@{maildomain}">integration@{maildomain}</a>.</p>
        """,
    ),
    "ueber-app": (
        "Despre această aplicație",
        """
        <p>Integreat este un ghid digital pentru viața de zi cu zi a noilor sosiți. Aplicația funcționează și fără internet: după ce conținutul a fost descărcat o dată, îl puteți citi offline.</p>
        <p>Majoritatea paginilor sunt disponibile în mai multe limbi. Puteți schimba limba în partea de sus a aplicației. Dacă o pagină lipsește în limba dumneavoastră, se afișează versiunea germană.</p>
        """,
    ),
    "erste-schritte": (
        "Primii pași {in_place}",
        """
        <p>În primele zile după sosire aveți câteva lucruri importante de făcut. Această listă vă ajută să nu uitați nimic.</p>
        <ul>
        <li>Înregistrarea domiciliului la biroul cetățenilor (în termen de 14 zile de la mutare)</li>
        <li>Programare la oficiul pentru străini</li>
        <li>Încheierea unei asigurări de sănătate</li>
        <li>Deschiderea unui cont bancar</li>
        <li>Căutarea unui curs de integrare sau de limbă</li>
        <li>Înscrierea copiilor la grădiniță sau la școală</li>
        </ul>
        <p>Aduceți la fiecare programare pașaportul sau documentul înlocuitor.</p>
        """,
    ),
    "behoerden": (
        "Autorități și instituții",
        """
        <p>În Germania, pentru diferite probleme sunt responsabile instituții diferite. Paginile următoare vă explică ce instituție vă ajută și cu ce.</p>
        <p>Pentru multe servicii aveți nevoie de o programare. Aduceți întotdeauna pașaportul, actele de ședere și toate scrisorile primite de la instituție.</p>
        <p>Scrisorile de la autorități au adesea un termen. Deschideți-vă corespondența regulat și cereți ajutor dacă nu înțelegeți o scrisoare.</p>
        """,
    ),
    "buergeramt": (
        "Biroul cetățenilor și înregistrarea domiciliului",
        """
        <p>Când vă mutați într-o locuință, trebuie să vă înregistrați adresa în termen de <strong>14 zile</strong>. Acest lucru este obligatoriu pentru toate persoanele care locuiesc în Germania.</p>
        <p>Aveți nevoie de pașaport și de confirmarea proprietarului (Wohnungsgeberbestätigung). După înregistrare primiți un certificat de domiciliu, necesar de exemplu pentru bancă, grădiniță sau Jobcenter.</p>
        <p><strong>Adresa:</strong> {buergeramt_addr}<br>
        <strong>Telefon:</strong> {buergeramt_tel}</p>
        """,
    ),
    "auslaenderbehoerde": (
        "Oficiul pentru străini",
        """
        <p><strong>Oficiul pentru străini</strong> (Ausländerbehörde) este responsabil pentru toate întrebările legate de șederea dumneavoastră: permise de ședere, prelungiri, permise de muncă, reîntregirea familiei și naturalizare.</p>
        <p><strong>Adresa:</strong> {abh_addr}<br>
        <strong>Telefon:</strong> {abh_tel}</p>
        <p>Program: luni, marți și vineri între 8:00 și 12:00, joi între 13:00 și 17:30. Miercurea oficiul este închis.</p>
        """,
    ),
    "aufenthaltstitel": (
        "Permisul de ședere",
        """
        <p>Permisul de ședere vă permite să locuiți în Germania. Există mai multe tipuri: viza, permisul de ședere temporar, permisul de ședere permanent (Niederlassungserlaubnis) și Cartea Albastră UE pentru specialiști cu studii superioare.</p>
        <p>Permisul se eliberează sub forma unui card electronic. Producerea durează aproximativ patru până la șase săptămâni. Pe card scrie și dacă aveți voie să lucrați.</p>
        """,
    ),
    "arbeit": (
        "Muncă și bani",
        """
        <p>Munca este importantă pentru a trăi independent și pentru a cunoaște oameni. Dacă aveți voie să lucrați scrie pe permisul dumneavoastră de ședere.</p>
        <p><strong>Jobcenter-ul</strong> este responsabil dacă primiți ajutorul cetățenesc (Bürgergeld). <strong>Agenția pentru Ocuparea Forței de Muncă</strong> vă ajută să găsiți un loc de muncă sau o formare profesională.</p>
        """,
    ),
    "jobcenter": (
        "Jobcenter – centrul pentru locuri de muncă",
        """
        <p>Jobcenter-ul {in_place} sprijină persoanele care caută de lucru și nu au suficienți bani pentru a trăi. El plătește ajutorul cetățenesc și vă ajută să găsiți un loc de muncă, o formare sau un curs de limbă.</p>
        <p><strong>Adresa:</strong> {jobcenter_addr}<br>
        <strong>Telefon:</strong> {jobcenter_tel}<br>
        <strong>Program:</strong> de luni până vineri între 8:00 și 12:30</p>
        """,
    ),
    "arbeitsagentur": (
        "Agenția pentru Ocuparea Forței de Muncă",
        """
        <p>Agenția pentru Ocuparea Forței de Muncă (Agentur für Arbeit) vă ajută să găsiți un loc de muncă sau de ucenicie. Ea oferă consiliere profesională gratuită, și pentru adulți.</p>
        <p>Înregistrați-vă ca persoană în căutarea unui loc de muncă cu cel puțin trei luni înainte de încheierea contractului de muncă. Dacă ați lucrat cel puțin douăsprezece luni cu asigurare obligatorie, primiți ajutor de șomaj.</p>
        <p><strong>Adresa:</strong> {aa_addr}<br>
        <strong>Număr de servicii gratuit:</strong> 0800 4 5555 00</p>
        """,
    ),
    "deutsch": (
        "Învățarea limbii germane",
        """
        <p>Cunoștințele bune de limba germană vă ajută în viața de zi cu zi, la căutarea unui loc de muncă și în relațiile cu vecinii. Există multe moduri de a învăța germana: la cursuri, online sau vorbind cu alte persoane.</p>
        <p>Cel mai important curs este cursul de integrare. Dacă lucrați deja sau căutați un loc de muncă, un curs de limbă pentru profesie este util.</p>
        """,
    ),
    "integrationskurs": (
        "Cursul de integrare",
        """
        <p>Cursul de integrare este format dintr-un <strong>curs de limbă</strong> (de obicei 600 de ore) și un <strong>curs de orientare</strong> (100 de ore) despre istoria, politica și valorile din Germania.</p>
        <p>La final susțineți testul de limba germană pentru imigranți (DTZ) și testul „Viața în Germania”. Dacă primiți ajutorul cetățenesc, puteți fi scutiți de costuri.</p>
        <p>Cursuri {in_place}: {vhs_addr}, telefon {vhs_tel}</p>
        """,
    ),
    "wohnen": (
        "Locuința",
        """
        <p>Găsirea unei locuințe proprii {in_place} nu este adesea ușoară. Informați-vă din timp și folosiți mai multe metode de căutare.</p>
        <p>Dacă aveți probleme cu proprietarul, asociația chiriașilor vă poate ajuta: {mieterverein_addr}, telefon {mieterverein_tel}.</p>
        """,
    ),
    "wohnungssuche": (
        "Căutarea unei locuințe",
        """
        <p>Găsiți locuințe pe portaluri de internet, în ziare și pe anunțurile din supermarketuri. Spuneți-le și prietenilor și colegilor că sunteți în căutarea unei locuințe.</p>
        <p><strong>Atenție la înșelătorii:</strong> nu plătiți niciodată bani înainte de a vedea locuința și de a semna contractul de închiriere.</p>
        """,
    ),
    "gesundheit": (
        "Sănătate",
        """
        <p>În Germania, când sunteți bolnav mergeți mai întâi la medicul de familie. Acesta vă trimite, dacă este nevoie, la un medic specialist.</p>
        <p>Aduceți cardul de asigurare de sănătate la fiecare consultație. Medicamentele le primiți cu rețetă la farmacie. Noaptea și în weekend sunați la serviciul medical de gardă la <strong>116117</strong>; în caz de pericol de moarte sunați la <strong>112</strong>.</p>
        """,
    ),
    "krankenversicherung": (
        "Asigurarea de sănătate",
        """
        <p>În Germania, fiecare persoană trebuie să aibă asigurare de sănătate. Există asigurare de sănătate publică și privată; majoritatea oamenilor au asigurare publică.</p>
        <p>Dacă lucrați, angajatorul vă înregistrează la casa de asigurări de sănătate. După înregistrare primiți un <strong>card electronic de sănătate</strong> cu fotografie.</p>
        """,
    ),
    "notdienst": (
        "Serviciul medical de gardă",
        """
        <p>Când cabinetul medicului dumneavoastră este închis, de exemplu noaptea, în weekend sau în zilele de sărbătoare, sunați la serviciul medical de gardă: <strong>116117</strong>. Apelul este gratuit.</p>
        <p><strong>Cabinet de gardă:</strong> {bereitschaft_addr}</p>
        <p>În situații care pun viața în pericol, cum ar fi dificultăți de respirație, pierderea cunoștinței sau dureri puternice în piept, sunați imediat la ambulanță la <strong>112</strong>.</p>
        """,
    ),
    "notfaelle": (
        "Urgențe",
        """
        <p>Într-o situație de urgență fiecare minut contează. Puteți suna gratuit la aceste numere de pe orice telefon, chiar și fără credit:</p>
        <ul>
        <li><strong>110</strong> – poliția</li>
        <li><strong>112</strong> – pompierii și ambulanța</li>
        <li><strong>116117</strong> – serviciul medical de gardă</li>
        </ul>
        <p>La telefon spuneți: Unde este urgența? Ce s-a întâmplat? Câte persoane sunt rănite? Apoi așteptați întrebările.</p>
        """,
    ),
}
