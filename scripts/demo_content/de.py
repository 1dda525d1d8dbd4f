"""German source pages (default language of both demo regions)."""

# ruff: noqa: E501

PAGES: dict[str, tuple[str, str]] = {
    "willkommen": (
        "Willkommen",
        """
        <p><strong>Herzlich willkommen {in_place}!</strong> Diese Seiten helfen Ihnen, sich in den ersten Wochen und Monaten gut zurechtzufinden.</p>
        <p>Hier finden Sie Informationen zu Ämtern, Arbeit, Deutschkursen, Kita und Schule, Wohnen und Gesundheit. Zu jedem Thema nennen wir Ihnen Ansprechpersonen mit Adresse, Telefonnummer und Öffnungszeiten.</p>
        <p>Die Inhalte werden vom Integrationsbüro ({verwaltung}) gemeinsam mit Wohlfahrtsverbänden und Ehrenamtlichen gepflegt. Haben Sie einen Fehler gefunden? Schreiben Sie uns an <a href="mailto:integration@{maildomain}">integration@{maildomain}</a>.</p>
        """,
    ),
    "ueber-app": (
        "Über diese App",
        """
        <p>Integreat ist ein digitaler Alltagsguide für Neuzugewanderte. Die App funktioniert auch offline: Wenn Sie die Inhalte einmal geladen haben, können Sie sie ohne Internet lesen.</p>
        <h2>Mehrsprachig</h2>
        <p>Die meisten Seiten gibt es in mehreren Sprachen. Die Sprache können Sie oben rechts in der App wechseln. Wenn eine Seite in Ihrer Sprache fehlt, wird die deutsche Fassung angezeigt.</p>
        <h2>Wer steckt dahinter?</h2>
        <p>Verantwortlich für die Inhalte ist das Integrationsbüro ({verwaltung}). Die Übersetzungen werden von geschulten Sprachmittlerinnen und Sprachmittlern geprüft.</p>
        """,
    ),
    "erste-schritte": (
        "Erste Schritte {in_place}",
        """
        <p>In den ersten Tagen nach Ihrer Ankunft gibt es einige wichtige Dinge zu erledigen. Diese Liste hilft Ihnen, nichts zu vergessen.</p>
        <ul>
        <li>Wohnung beim Bürgeramt anmelden (innerhalb von 14 Tagen nach dem Einzug)</li>
        <li>Termin bei der Ausländerbehörde vereinbaren</li>
        <li>Krankenversicherung abschließen</li>
        <li>Bankkonto eröffnen (Basiskonto)</li>
        <li>Integrationskurs oder Sprachkurs suchen</li>
        <li>Kinder für Kita oder Schule anmelden</li>
        </ul>
        <p>Bringen Sie zu allen Terminen Ihren Pass oder Ihr Ersatzdokument mit. Wenn Sie noch wenig Deutsch sprechen, dürfen Sie eine Person zum Übersetzen mitnehmen.</p>
        <p>Unsicher, wo Sie anfangen sollen? Die Migrationsberatung hilft Ihnen kostenlos weiter.</p>
        """,
    ),
    "nahverkehr": (
        "Bus und Bahn",
        """
        <p>Mit Bus und Bahn kommen Sie {in_place} gut an Ihr Ziel. Fahrkarten kaufen Sie am Automaten, im Bus beim Fahrer oder in der App des Verkehrsverbunds.</p>
        <h2>Deutschlandticket</h2>
        <p>Mit dem Deutschlandticket fahren Sie für einen festen Monatspreis mit allen Bussen und Regionalzügen in ganz Deutschland. Es ist ein Abonnement und kann monatlich gekündigt werden.</p>
        <h2>Sozialticket</h2>
        <p>Wenn Sie Bürgergeld, Sozialhilfe oder Leistungen nach dem Asylbewerberleistungsgesetz bekommen, erhalten Sie ein vergünstigtes Sozialticket. Den Antrag stellen Sie im Bürgeramt.</p>
        <p>Fahrpläne: <a href="{web}/nahverkehr">{webhost}/nahverkehr</a></p>
        """,
    ),
    "behoerden": (
        "Ämter und Behörden",
        """
        <p>In Deutschland sind für verschiedene Anliegen verschiedene Ämter zuständig. Auf den folgenden Seiten erfahren Sie, welches Amt Ihnen wobei hilft.</p>
        <p>Für viele Anliegen brauchen Sie einen Termin. Bringen Sie immer Ihren Pass, Ihre Aufenthaltspapiere und alle Briefe mit, die Sie vom Amt bekommen haben.</p>
        <p>Briefe von Behörden haben oft eine Frist. Öffnen Sie Ihre Post regelmäßig und lassen Sie sich helfen, wenn Sie einen Brief nicht verstehen.</p>
        """,
    ),
    "buergeramt": (
        "Bürgeramt und Anmeldung",
        """
        <p>Wenn Sie in eine Wohnung einziehen, müssen Sie sich innerhalb von <strong>14 Tagen</strong> anmelden. Das ist Pflicht für alle Menschen, die in Deutschland wohnen.</p>
        <h2>Was brauchen Sie?</h2>
        <ul>
        <li>Pass oder Personalausweis</li>
        <li>Wohnungsgeberbestätigung (bekommen Sie von Ihrem Vermieter)</li>
        <li>bei Familien: Geburts- und Heiratsurkunden</li>
        </ul>
        <p>Nach der Anmeldung bekommen Sie eine Meldebescheinigung. Diese brauchen Sie zum Beispiel für das Bankkonto, die Kita oder das Jobcenter.</p>
        <p><strong>Adresse:</strong> {buergeramt_addr}<br>
        <strong>Öffnungszeiten:</strong> Montag bis Freitag 8:00–12:00 Uhr, Donnerstag zusätzlich 14:00–18:00 Uhr<br>
        <strong>Telefon:</strong> {buergeramt_tel}</p>
        <p>Termine können Sie online buchen: <a href="{web}/buergeramt">{webhost}/buergeramt</a></p>
        """,
    ),
    "auslaenderbehoerde": (
        "Ausländerbehörde",
        """
        <p>Die <strong>Ausländerbehörde</strong> ist zuständig für alle Fragen zu Ihrem Aufenthalt: Aufenthaltstitel, Verlängerungen, Arbeitserlaubnis, Familiennachzug und Einbürgerung.</p>
        <p><strong>Adresse:</strong> {abh_addr}<br>
        <strong>Telefon:</strong> {abh_tel}<br>
        <strong>E-Mail:</strong> <a href="mailto:auslaenderbehoerde@{maildomain}">auslaenderbehoerde@{maildomain}</a></p>
        <p><strong>Öffnungszeiten:</strong> Montag, Dienstag und Freitag 8:00–12:00 Uhr, Donnerstag 13:00–17:30 Uhr. Mittwochs ist die Behörde geschlossen.</p>
        <p>Ohne Termin werden nur Notfälle bearbeitet, zum Beispiel wenn Ihr Aufenthaltstitel in den nächsten Tagen abläuft.</p>
        """,
    ),
    "aufenthaltstitel": (
        "Aufenthaltstitel",
        """
        <p>Ein Aufenthaltstitel erlaubt Ihnen, in Deutschland zu leben. Es gibt verschiedene Arten:</p>
        <ul>
        <li><strong>Visum</strong> – für die Einreise und die ersten Monate</li>
        <li><strong>Aufenthaltserlaubnis</strong> – befristet, zum Beispiel für Studium, Arbeit, Familie oder aus humanitären Gründen</li>
        <li><strong>Niederlassungserlaubnis</strong> – unbefristet</li>
        <li><strong>Blaue Karte EU</strong> – für Fachkräfte mit Hochschulabschluss</li>
        </ul>
        <p>Den Aufenthaltstitel bekommen Sie als Karte im Scheckkartenformat (elektronischer Aufenthaltstitel, eAT). Die Herstellung dauert etwa vier bis sechs Wochen. Sie bekommen einen Brief, wenn Sie die Karte abholen können.</p>
        <p>Auf der Karte steht auch, ob Sie arbeiten dürfen. Fragen Sie bei Unklarheiten bei der Ausländerbehörde nach.</p>
        """,
    ),
    "verlaengerung": (
        "Aufenthaltstitel verlängern",
        """
        <p>Ihr Aufenthaltstitel ist nur für eine bestimmte Zeit gültig. Stellen Sie den Antrag auf Verlängerung <strong>rechtzeitig, spätestens sechs Wochen</strong> vor Ablauf.</p>
        <p>Für die Verlängerung brauchen Sie in der Regel:</p>
        <ul>
        <li>gültigen Pass</li>
        <li>aktuelles biometrisches Passfoto</li>
        <li>Mietvertrag und Meldebescheinigung</li>
        <li>Nachweise über Ihr Einkommen (zum Beispiel Lohnabrechnungen der letzten drei Monate oder Bescheid vom Jobcenter)</li>
        <li>Nachweis über die Krankenversicherung</li>
        </ul>
        <p>Wenn Sie den Antrag rechtzeitig gestellt haben, bekommen Sie eine <strong>Fiktionsbescheinigung</strong>. Damit gilt Ihr Aufenthalt weiter, bis über den Antrag entschieden ist.</p>
        <p>Das Antragsformular finden Sie hier: <a href="{web}/auslaenderbehoerde/verlaengerung">{webhost}/auslaenderbehoerde/verlaengerung</a></p>
        """,
    ),
    "termin": (
        "Termin bei der Ausländerbehörde",
        """
        <p>Termine bei der Ausländerbehörde vergeben wir nur online oder telefonisch. Bitte kommen Sie pünktlich und bringen Sie alle Unterlagen mit.</p>
        <h2>Online-Termin</h2>
        <p>Buchen Sie Ihren Termin unter <a href="{web}/termine">{webhost}/termine</a>. Sie bekommen eine Bestätigung per E-Mail.</p>
        <h2>Telefonisch</h2>
        <p>Telefon {abh_tel}, Montag bis Donnerstag 9:00–11:30 Uhr.</p>
        <p>Wenn Sie einen Termin nicht wahrnehmen können, sagen Sie ihn bitte ab. So kann eine andere Person den Termin bekommen.</p>
        """,
    ),
    "arbeit": (
        "Arbeit und Geld",
        """
        <p>Arbeit ist wichtig, um selbstständig zu leben und Menschen kennenzulernen. Ob Sie arbeiten dürfen, steht auf Ihrem Aufenthaltstitel oder Ihrer Aufenthaltsgestattung.</p>
        <p>Das <strong>Jobcenter</strong> ist zuständig, wenn Sie Bürgergeld bekommen. Die <strong>Agentur für Arbeit</strong> hilft bei der Suche nach Arbeit und Ausbildung und zahlt Arbeitslosengeld, wenn Sie vorher gearbeitet haben.</p>
        <p>Haben Sie im Ausland einen Beruf gelernt oder studiert? Dann lassen Sie Ihren Abschluss anerkennen. Das verbessert Ihre Chancen auf eine gute Arbeit.</p>
        """,
    ),
    "jobcenter": (
        "Jobcenter",
        """
        <p>Das Jobcenter {in_place} unterstützt Menschen, die Arbeit suchen und nicht genug Geld zum Leben haben. Es zahlt das Bürgergeld und hilft bei der Suche nach Arbeit, Ausbildung oder Sprachkursen.</p>
        <p>Sie bekommen eine feste Ansprechperson, die Integrationsfachkraft. Mit ihr besprechen Sie in einem Kooperationsplan Ihre nächsten Schritte.</p>
        <p><strong>Adresse:</strong> {jobcenter_addr}<br>
        <strong>Telefon:</strong> {jobcenter_tel}<br>
        <strong>Öffnungszeiten:</strong> Montag bis Freitag 8:00–12:30 Uhr, Donnerstag zusätzlich 14:00–17:00 Uhr</p>
        <p>Viele Anliegen können Sie auch online erledigen: <a href="https://www.jobcenter.digital">www.jobcenter.digital</a></p>
        """,
    ),
    "buergergeld": (
        "Bürgergeld",
        """
        <p>Das Bürgergeld sichert Ihren Lebensunterhalt, wenn Sie arbeiten können, aber kein oder zu wenig Einkommen haben. Es besteht aus dem Regelbedarf und den Kosten für Unterkunft und Heizung.</p>
        <p>Auch wenn Sie arbeiten und wenig verdienen, können Sie ergänzend Bürgergeld bekommen.</p>
        <h2>Ihre Pflichten</h2>
        <ul>
        <li>Melden Sie Änderungen sofort, zum Beispiel eine neue Arbeit, einen Umzug oder die Geburt eines Kindes.</li>
        <li>Nehmen Sie Termine beim Jobcenter wahr.</li>
        <li>Wenn Sie verreisen möchten, fragen Sie vorher beim Jobcenter um Erlaubnis.</li>
        </ul>
        <p>Wer seine Pflichten ohne wichtigen Grund nicht erfüllt, dem kann das Bürgergeld gekürzt werden.</p>
        """,
    ),
    "buergergeld-antrag": (
        "Bürgergeld beantragen",
        """
        <p>Den Antrag auf Bürgergeld können Sie online unter <a href="https://www.jobcenter.digital">www.jobcenter.digital</a> oder persönlich beim Jobcenter stellen. Das Geld gibt es erst ab dem Monat, in dem Sie den Antrag gestellt haben.</p>
        <p>Diese Unterlagen brauchen Sie:</p>
        <ul>
        <li>Pass und Aufenthaltstitel</li>
        <li>Mietvertrag und Nachweise über Nebenkosten</li>
        <li>Kontoauszüge der letzten drei Monate</li>
        <li>Nachweise über Einkommen und Vermögen</li>
        </ul>
        <p>Wenn Ihnen Unterlagen fehlen, stellen Sie den Antrag trotzdem. Sie können die Nachweise später nachreichen.</p>
        <p>Hilfe beim Ausfüllen bekommen Sie bei der Migrationsberatung.</p>
        """,
    ),
    "arbeitsagentur": (
        "Agentur für Arbeit",
        """
        <p>Die Agentur für Arbeit hilft Ihnen bei der Suche nach Arbeit und Ausbildung. Sie bietet eine kostenlose Berufsberatung an, auch für Erwachsene.</p>
        <p>Melden Sie sich spätestens drei Monate vor dem Ende Ihres Arbeitsvertrags arbeitsuchend. Wenn Sie vorher mindestens zwölf Monate versicherungspflichtig gearbeitet haben, bekommen Sie Arbeitslosengeld.</p>
        <p><strong>Adresse:</strong> {aa_addr}<br>
        <strong>Servicenummer:</strong> 0800 4 5555 00 (kostenlos)<br>
        <strong>Internet:</strong> <a href="https://www.arbeitsagentur.de">www.arbeitsagentur.de</a></p>
        """,
    ),
    "anerkennung": (
        "Anerkennung von Berufsabschlüssen",
        """
        <p>Wenn Sie im Ausland eine Berufsausbildung oder ein Studium abgeschlossen haben, können Sie prüfen lassen, ob Ihr Abschluss einem deutschen Abschluss gleichwertig ist.</p>
        <p>Für manche Berufe ist die Anerkennung Pflicht, zum Beispiel für Ärztinnen und Ärzte, Pflegefachkräfte, Lehrkräfte sowie Erzieherinnen und Erzieher. Für andere Berufe ist sie freiwillig, aber hilfreich bei der Bewerbung.</p>
        <p>Welche Stelle für Sie zuständig ist, finden Sie auf <a href="https://www.anerkennung-in-deutschland.de">www.anerkennung-in-deutschland.de</a>. Die Kosten für das Verfahren übernimmt unter Umständen das Jobcenter oder die Agentur für Arbeit.</p>
        """,
    ),
    "deutsch": (
        "Deutsch lernen",
        """
        <p>Gute Deutschkenntnisse helfen Ihnen im Alltag, bei der Arbeitssuche und im Kontakt mit Nachbarn. Es gibt viele Möglichkeiten, Deutsch zu lernen – in Kursen, online oder im Gespräch mit anderen.</p>
        <p>Der wichtigste Kurs ist der Integrationskurs. Wenn Sie bereits arbeiten oder eine Arbeit suchen, ist ein Berufssprachkurs sinnvoll.</p>
        <p>Kostenlose Angebote ohne Anmeldung finden Sie auf der Seite „Deutsch lernen ohne Kurs“.</p>
        """,
    ),
    "integrationskurs": (
        "Integrationskurs",
        """
        <p>Der Integrationskurs besteht aus einem <strong>Sprachkurs</strong> (in der Regel 600 Unterrichtsstunden) und einem <strong>Orientierungskurs</strong> (100 Unterrichtsstunden) über Geschichte, Politik und Werte in Deutschland.</p>
        <p>Am Ende machen Sie den Deutsch-Test für Zuwanderer (DTZ) und den Test „Leben in Deutschland“. Mit dem Zertifikat Integrationskurs können Sie schneller eingebürgert werden.</p>
        <h2>Kosten und Anmeldung</h2>
        <p>Sie zahlen einen geringen Kostenbeitrag pro Unterrichtsstunde. Wer Bürgergeld bekommt oder wenig verdient, kann sich von den Kosten befreien lassen. Die Zulassung beantragen Sie beim Bundesamt für Migration und Flüchtlinge (BAMF) oder über die Ausländerbehörde.</p>
        <p>Kurse {in_place}: {vhs_addr}, Telefon {vhs_tel}. Weitere Kursträger finden Sie auf <a href="https://www.bamf.de">www.bamf.de</a>.</p>
        """,
    ),
    "berufssprachkurs": (
        "Berufssprachkurs",
        """
        <p>Berufssprachkurse bereiten Sie auf die Sprache im Beruf vor. Es gibt Basiskurse bis zum Niveau B2, C1 oder C2 und Spezialkurse, zum Beispiel für Pflegeberufe oder den Einzelhandel.</p>
        <p>Voraussetzung ist in der Regel, dass Sie den Integrationskurs abgeschlossen haben oder bereits Deutsch auf dem Niveau B1 sprechen.</p>
        <p>Die Teilnahme ist kostenlos, wenn Sie arbeitslos gemeldet sind oder Bürgergeld bekommen. Fragen Sie Ihre Ansprechperson beim Jobcenter oder bei der Agentur für Arbeit nach einem Berechtigungsschein.</p>
        """,
    ),
    "deutsch-ohne-kurs": (
        "Deutsch lernen ohne Kurs",
        """
        <p>Sie können auch ohne Kurs Deutsch üben. Im <strong>Sprachcafé</strong> treffen Sie Menschen aus der Nachbarschaft und sprechen in entspannter Atmosphäre Deutsch.</p>
        <p><strong>Sprachcafé:</strong> jeden Mittwoch 16:00–18:00 Uhr, {treff_addr}. Die Teilnahme ist kostenlos, eine Anmeldung ist nicht nötig.</p>
        <p>Online lernen Sie kostenlos mit der App „Einstieg Deutsch“ oder auf der Seite <a href="https://learngerman.dw.com/de/overview">Deutsche Welle – Deutsch lernen</a>.</p>
        <p>Auch in der Bibliothek gibt es Bücher, Hörbücher und Lernsoftware zum Ausleihen.</p>
        """,
    ),
    "kita-schule": (
        "Kita und Schule",
        """
        <p>Kinder lernen in Kita und Schule schnell Deutsch und finden Freunde. In Deutschland hat jedes Kind ab einem Jahr einen Rechtsanspruch auf einen Betreuungsplatz.</p>
        <p>Für Kinder und Jugendliche gilt die Schulpflicht, in der Regel vom sechsten Lebensjahr an. Die Schule ist kostenlos.</p>
        <p>Auf den folgenden Seiten erfahren Sie, wie Sie einen Kita-Platz bekommen und Ihr Kind in der Schule anmelden.</p>
        """,
    ),
    "kita": (
        "Kita-Platz und Kita-Gutschein",
        """
        <p>Kinder können ab dem ersten Geburtstag eine Kita (Kindertagesstätte) oder eine Tagesmutter besuchen. Melden Sie Ihr Kind möglichst früh an, denn die Wartelisten sind lang.</p>
        <h2>Kita-Gutschein</h2>
        <p>Für einen Kita-Platz brauchen Sie einen <strong>Kita-Gutschein</strong>. Den Antrag stellen Sie bei der Kita-Servicestelle. Mit dem Gutschein suchen Sie sich dann eine Kita aus.</p>
        <p>Wenn Sie wenig Geld haben, zahlen Sie keine oder nur geringe Gebühren. Das Mittagessen kann über das Bildungspaket bezahlt werden.</p>
        <p><strong>Kita-Servicestelle:</strong> {kita_addr}, Telefon {kita_tel}, E-Mail <a href="mailto:kita@{maildomain}">kita@{maildomain}</a></p>
        """,
    ),
    "schulanmeldung": (
        "Schulanmeldung",
        """
        <p>Kinder, die bis zum 30. Juni sechs Jahre alt werden, kommen im Herbst in die Grundschule. Die Schulanmeldung findet im Frühjahr statt; Sie bekommen dazu einen Brief.</p>
        <p>Wenn Sie neu zugezogen sind, melden Sie Ihr Kind direkt bei der Grundschule in Ihrer Nähe an. Für ältere Kinder und Jugendliche berät Sie das Staatliche Schulamt.</p>
        <p>Kinder ohne Deutschkenntnisse besuchen oft zuerst eine <strong>Vorbereitungsklasse</strong> oder bekommen zusätzlichen Deutschunterricht.</p>
        <p><strong>Staatliches Schulamt:</strong> {schulamt_addr}, Telefon {schulamt_tel}</p>
        <p>Bringen Sie zur Anmeldung die Meldebescheinigung, die Geburtsurkunde und, falls vorhanden, Zeugnisse aus dem Herkunftsland mit.</p>
        """,
    ),
    "wohnen": (
        "Wohnen",
        """
        <p>Eine eigene Wohnung zu finden ist {in_place} oft nicht leicht. Informieren Sie sich frühzeitig und nutzen Sie verschiedene Wege der Suche.</p>
        <p>Auf den folgenden Seiten finden Sie Tipps zur Wohnungssuche, zum Wohnberechtigungsschein und zum Mietvertrag.</p>
        <p>Bei Problemen mit Ihrer Vermieterin oder Ihrem Vermieter hilft der Mieterverein: {mieterverein_addr}, Telefon {mieterverein_tel}.</p>
        """,
    ),
    "wohnungssuche": (
        "Wohnungssuche",
        """
        <p>Wohnungen finden Sie auf Internetportalen, in der Tageszeitung und über Aushänge im Supermarkt. Erzählen Sie auch Freunden und Kollegen, dass Sie eine Wohnung suchen.</p>
        <p>Die {wohnbau} vermietet günstige Wohnungen. Lassen Sie sich dort auf die Warteliste setzen.</p>
        <h2>Vorsicht vor Betrug</h2>
        <p>Zahlen Sie niemals Geld, bevor Sie die Wohnung gesehen und einen Mietvertrag unterschrieben haben. Seriöse Vermieter verlangen keine Vorauszahlung per Überweisung ins Ausland.</p>
        <p>Wenn Sie Bürgergeld bekommen, fragen Sie vor der Unterschrift beim Jobcenter, ob die Miete angemessen ist.</p>
        """,
    ),
    "wbs": (
        "Wohnberechtigungsschein",
        """
        <p>Für viele günstige Sozialwohnungen brauchen Sie einen <strong>Wohnberechtigungsschein (WBS)</strong>. Ob Sie einen WBS bekommen, hängt von Ihrem Einkommen und der Größe Ihres Haushalts ab.</p>
        <p>Den Antrag stellen Sie beim Amt für Wohnen. Sie brauchen Ihren Pass, Ihren Aufenthaltstitel (mindestens ein Jahr gültig) und Einkommensnachweise aller Haushaltsmitglieder.</p>
        <p>Der WBS ist ein Jahr gültig. Die Bearbeitung dauert etwa vier Wochen.</p>
        <p><strong>Amt für Wohnen:</strong> {wohnamt_addr}, Telefon {wohnamt_tel}, Sprechzeiten Dienstag und Donnerstag 9:00–12:00 Uhr</p>
        """,
    ),
    "mietvertrag": (
        "Mietvertrag",
        """
        <p>Lesen Sie den Mietvertrag genau, bevor Sie unterschreiben. Lassen Sie sich helfen, wenn Sie etwas nicht verstehen.</p>
        <h2>Wichtige Begriffe</h2>
        <ul>
        <li><strong>Kaltmiete:</strong> Miete ohne Nebenkosten</li>
        <li><strong>Nebenkosten:</strong> Kosten für Wasser, Müll, Hausreinigung und oft Heizung</li>
        <li><strong>Warmmiete:</strong> Kaltmiete plus Nebenkosten</li>
        <li><strong>Kaution:</strong> höchstens drei Kaltmieten; Sie bekommen sie beim Auszug zurück</li>
        </ul>
        <p>Die Kündigungsfrist für Mieterinnen und Mieter beträgt in der Regel drei Monate. Kündigen Sie immer schriftlich.</p>
        """,
    ),
    "energiekosten": (
        "Hilfe bei hohen Energiekosten",
        """
        <p>Die Kosten für Heizung und Strom sind gestiegen. Wenn Sie eine hohe Nachzahlung bekommen haben und diese nicht bezahlen können, gibt es Hilfe.</p>
        <p>Wer Bürgergeld oder Sozialhilfe bekommt, kann beim Jobcenter oder beim Sozialamt die Übernahme der Heizkostennachzahlung beantragen. Auch Haushalte mit geringem Einkommen können in dem Monat, in dem die Rechnung kommt, einen Anspruch haben.</p>
        <p>Die Energieberatung der Verbraucherzentrale gibt kostenlose Tipps zum Energiesparen: jeden ersten Dienstag im Monat im Rathaus, Zimmer 12. Anmeldung unter {buergeramt_tel}.</p>
        """,
    ),
    "mobilitaet": (
        "Rufbus und Mobilität im Landkreis",
        """
        <p>Nicht in allen Orten {in_place} fahren regelmäßig Busse. Deshalb gibt es den <strong>Rufbus</strong>: Sie bestellen ihn mindestens eine Stunde vorher per Telefon oder App, und er holt Sie an der Haltestelle ab.</p>
        <p><strong>Rufbus-Zentrale:</strong> (01235) 840-500, täglich 6:00–22:00 Uhr. Es gilt der normale Bustarif; das Deutschlandticket wird anerkannt.</p>
        <p>Gebrauchte Fahrräder zu günstigen Preisen bekommen Sie in der Fahrradwerkstatt: {mbe_addr}.</p>
        """,
    ),
    "gesundheit": (
        "Gesundheit",
        """
        <p>In Deutschland gehen Sie bei Krankheit zuerst zu Ihrer Hausärztin oder Ihrem Hausarzt. Diese überweisen Sie bei Bedarf an eine Fachärztin oder einen Facharzt.</p>
        <p>Bringen Sie zu jedem Arztbesuch Ihre Gesundheitskarte der Krankenkasse mit. Medikamente bekommen Sie mit einem Rezept in der Apotheke.</p>
        <p>Nachts und am Wochenende hilft der ärztliche Bereitschaftsdienst unter <strong>116117</strong>. Bei Lebensgefahr rufen Sie <strong>112</strong>.</p>
        """,
    ),
    "krankenversicherung": (
        "Krankenversicherung",
        """
        <p>In Deutschland muss jede Person krankenversichert sein. Es gibt die gesetzliche und die private Krankenversicherung. Die meisten Menschen sind gesetzlich versichert.</p>
        <p>Wenn Sie arbeiten, meldet Ihr Arbeitgeber Sie bei der Krankenkasse an. Wenn Sie Bürgergeld bekommen, zahlt das Jobcenter den Beitrag. Asylsuchende bekommen in den ersten Monaten Behandlungsscheine vom Sozialamt.</p>
        <p>Sie können Ihre Krankenkasse selbst auswählen. Nach der Anmeldung bekommen Sie eine <strong>elektronische Gesundheitskarte</strong> mit Foto.</p>
        <p>Familienmitglieder ohne eigenes Einkommen sind oft kostenlos mitversichert (Familienversicherung).</p>
        """,
    ),
    "hausarzt": (
        "Hausarzt finden",
        """
        <p>Eine feste Hausarztpraxis ist wichtig. Ihre Hausärztin oder Ihr Hausarzt kennt Ihre Krankengeschichte und ist die erste Anlaufstelle bei Beschwerden.</p>
        <p>Eine Praxis in Ihrer Nähe finden Sie über die Arztsuche der Kassenärztlichen Vereinigung unter <a href="https://www.116117.de">www.116117.de</a>. Dort sehen Sie auch, welche Sprachen in der Praxis gesprochen werden.</p>
        <p>Vereinbaren Sie vorher telefonisch einen Termin. Wenn Sie keinen Termin bei einer Fachärztin oder einem Facharzt finden, hilft die Terminservicestelle unter 116117.</p>
        """,
    ),
    "notdienst": (
        "Ärztlicher Bereitschaftsdienst",
        """
        <p>Wenn Ihre Arztpraxis geschlossen ist, zum Beispiel nachts, am Wochenende oder an Feiertagen, rufen Sie den ärztlichen Bereitschaftsdienst an: <strong>116117</strong>. Der Anruf ist kostenlos.</p>
        <p><strong>Bereitschaftspraxis:</strong> {bereitschaft_addr}<br>
        <strong>Öffnungszeiten:</strong> Mittwoch und Freitag 16:00–21:00 Uhr, Samstag, Sonntag und an Feiertagen 9:00–21:00 Uhr</p>
        <p>Bei lebensbedrohlichen Notfällen wie Atemnot, Bewusstlosigkeit oder starken Brustschmerzen rufen Sie sofort den Rettungsdienst unter <strong>112</strong>.</p>
        <p>Den Apotheken-Notdienst in Ihrer Nähe finden Sie auf <a href="https://www.aponet.de">www.aponet.de</a>.</p>
        """,
    ),
    "beratung": (
        "Beratungsstellen",
        """
        <p>Beratungsstellen helfen Ihnen kostenlos und vertraulich bei Fragen und Problemen. Viele Beraterinnen und Berater sprechen mehrere Sprachen oder organisieren eine Dolmetscherin.</p>
        <p>Sie können mit allen Fragen kommen: Aufenthalt, Briefe von Ämtern, Arbeit, Familie, Schulden oder Gesundheit.</p>
        <p>Eine Übersicht über alle Beratungsangebote {in_place} finden Sie auch auf <a href="{web}/beratung">{webhost}/beratung</a>.</p>
        """,
    ),
    "migrationsberatung": (
        "Migrationsberatung",
        """
        <p>Die <strong>Migrationsberatung für erwachsene Zugewanderte (MBE)</strong> berät Menschen ab 27 Jahren. Für junge Menschen zwischen 12 und 26 Jahren ist der <strong>Jugendmigrationsdienst (JMD)</strong> zuständig.</p>
        <p>Die Beratung hilft Ihnen bei Anträgen, bei der Suche nach einem Sprachkurs, bei Fragen zu Arbeit und Wohnung und bei Problemen im Alltag.</p>
        <p><strong>Adresse:</strong> {mbe_addr}<br>
        <strong>Telefon:</strong> {mbe_tel}<br>
        <strong>Offene Sprechstunde:</strong> Dienstag 9:00–12:00 Uhr und Donnerstag 14:00–17:00 Uhr</p>
        <p>Die Beratung ist kostenlos. Sie können auch ohne Termin in die offene Sprechstunde kommen.</p>
        """,
    ),
    "frauen-familie": (
        "Beratung für Frauen und Familien",
        """
        <p>Schwangere Frauen und Familien bekommen kostenlose Beratung, zum Beispiel zu Schwangerschaft, Elterngeld, Kindergeld und Erziehung.</p>
        <p>Frauen, die Gewalt erleben, finden Schutz und Hilfe. Das Hilfetelefon „Gewalt gegen Frauen“ ist rund um die Uhr kostenlos und in vielen Sprachen erreichbar: <strong>116 016</strong>.</p>
        <p><strong>Beratungsstelle für Frauen und Familien:</strong> {frauen_addr}, Telefon {frauen_tel}</p>
        <p>Im Notfall können Frauen mit ihren Kindern in einem Frauenhaus wohnen. Die Adresse ist geheim; der Kontakt läuft über das Hilfetelefon oder die Polizei.</p>
        """,
    ),
    "notfaelle": (
        "Notfälle",
        """
        <p>In einem Notfall zählt jede Minute. Diese Nummern können Sie kostenlos von jedem Telefon anrufen, auch ohne Guthaben:</p>
        <ul>
        <li><strong>110</strong> – Polizei</li>
        <li><strong>112</strong> – Feuerwehr und Rettungsdienst</li>
        <li><strong>116117</strong> – ärztlicher Bereitschaftsdienst</li>
        <li><strong>116 016</strong> – Hilfetelefon Gewalt gegen Frauen</li>
        <li><strong>0800 111 0 111</strong> – Telefonseelsorge</li>
        </ul>
        <p>Sagen Sie am Telefon: Wo ist der Notfall? Was ist passiert? Wie viele Menschen sind verletzt? Warten Sie dann auf Rückfragen.</p>
        <p>Sie können auch Englisch sprechen. Wenn das nicht geht, nennen Sie Ihre Sprache – oft kann eine Übersetzung organisiert werden.</p>
        """,
    ),
}
