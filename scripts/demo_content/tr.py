"""Turkish translations (deliberately incomplete: Turkish lags behind)."""

# ruff: noqa: E501

PAGES: dict[str, tuple[str, str]] = {
    "willkommen": (
        "Hoş geldiniz",
        """
        <p><strong>{to_place} hoş geldiniz!</strong> Bu sayfalar ilk haftalarda ve aylarda yolunuzu bulmanıza yardımcı olur.</p>
        <p>Burada resmi daireler, iş, Almanca kursları, kreş ve okul, konut ve sağlık hakkında bilgiler bulabilirsiniz. Her konu için adres, telefon numarası ve çalışma saatleriyle birlikte yetkili kişileri belirtiyoruz.</p>
        <p>Bir hata mı buldunuz? Bize yazın: <a href="mailto:integration@{maildomain}">integration@{maildomain}</a></p>
        """,
    ),
    "ueber-app": (
        "Bu uygulama hakkında",
        """
        <p>Integreat, yeni gelenler için dijital bir günlük yaşam rehberidir. Uygulama internet olmadan da çalışır: içerikler bir kez yüklendikten sonra çevrimdışı okunabilir.</p>
        <p>Sayfaların çoğu birkaç dilde mevcuttur. Dili uygulamanın üst kısmından değiştirebilirsiniz. Bir sayfa sizin dilinizde yoksa Almanca sürümü gösterilir.</p>
        """,
    ),
    "erste-schritte": (
        "{in_place} ilk adımlar",
        """
        <p>Geldikten sonraki ilk günlerde yapmanız gereken bazı önemli işler vardır. Bu liste hiçbir şeyi unutmamanıza yardımcı olur.</p>
        <ul>
        <li>Taşındıktan sonra 14 gün içinde vatandaşlık bürosunda ikamet kaydı yaptırmak</li>
        <li>Yabancılar dairesinden randevu almak</li>
        <li>Sağlık sigortası yaptırmak</li>
        <li>Banka hesabı açmak</li>
        <li>Uyum kursu veya dil kursu aramak</li>
        <li>Çocukları kreşe veya okula kaydettirmek</li>
        </ul>
        <p>Her randevuya pasaportunuzu veya yerine geçen belgenizi getirin.</p>
        """,
    ),
    "behoerden": (
        "Resmi daireler ve kurumlar",
        """
        <p>Almanya'da farklı konulardan farklı daireler sorumludur. Aşağıdaki sayfalarda hangi dairenin size hangi konuda yardımcı olduğunu öğrenebilirsiniz.</p>
        <p>Birçok işlem için randevu gerekir. Pasaportunuzu, oturum belgelerinizi ve daireden aldığınız tüm mektupları her zaman yanınızda getirin.</p>
        <p>Resmi mektupların genellikle bir süresi vardır. Postanızı düzenli olarak açın ve bir mektubu anlamazsanız yardım isteyin.</p>
        """,
    ),
    "buergeramt": (
        "Vatandaşlık bürosu ve ikamet kaydı",
        """
        <p>Bir eve taşındığınızda adresinizi <strong>14 gün</strong> içinde kaydettirmeniz gerekir. Bu, Almanya'da yaşayan herkes için zorunludur.</p>
        <p>Pasaportunuza ve ev sahibinin onay belgesine (Wohnungsgeberbestätigung) ihtiyacınız vardır. Kayıttan sonra bir ikamet belgesi alırsınız; bu belge örneğin banka, kreş veya Jobcenter için gereklidir.</p>
        <p><strong>Adres:</strong> {buergeramt_addr}<br>
        <strong>Telefon:</strong> {buergeramt_tel}</p>
        """,
    ),
    "auslaenderbehoerde": (
        "Yabancılar Dairesi",
        """
        <p>Oturumunuzla ilgili tüm sorulardan <strong>Yabancılar Dairesi</strong> sorumludur: oturma izni, uzatma, çalışma izni, aile birleşimi ve vatandaşlığa geçiş. Almancada bu daireye “Ausländerbehörde” denir.</p>
        <p><strong>Adres:</strong> {abh_addr}<br>
        <strong>Telefon:</strong> {abh_tel}</p>
        <p>Çalışma saatleri: pazartesi, salı ve cuma 8:00–12:00, perşembe 13:00–17:30. Çarşamba günleri daire kapalıdır.</p>
        <p>Randevusuz olarak yalnızca acil durumlarla ilgilenilir, örneğin oturma izninizin süresi önümüzdeki günlerde doluyorsa. Lütfen önceden randevu alın ve tüm belgelerinizi yanınızda getirin.</p>
        """,
    ),
    "aufenthaltstitel": (
        "Oturma izni",
        """
        <p>Oturma izni, Almanya'da yaşamanıza izin verir. Farklı türleri vardır: vize, süreli oturma izni, süresiz yerleşim izni (Niederlassungserlaubnis) ve üniversite mezunu uzmanlar için AB Mavi Kartı.</p>
        <p>Oturma izni elektronik bir kart olarak verilir. Kartın hazırlanması yaklaşık dört ila altı hafta sürer. Kartta çalışma izninizin olup olmadığı da yazar.</p>
        """,
    ),
    "verlaengerung": (
        "Oturma iznini uzatma",
        """
        <p>Oturma izniniz yalnızca belirli bir süre için geçerlidir. Uzatma başvurusunu <strong>zamanında, en geç süre dolmadan altı hafta önce</strong> yapın.</p>
        <p>Genellikle geçerli bir pasaport, güncel biyometrik fotoğraf, kira sözleşmesi, ikamet belgesi, gelir belgesi ve sağlık sigortası belgesi gerekir.</p>
        <p>Başvurunuzu zamanında yaptıysanız bir <strong>geçici belge</strong> (Fiktionsbescheinigung) alırsınız; karar verilene kadar oturumunuz geçerli kalır.</p>
        """,
    ),
    "termin": (
        "Yabancılar Dairesi'nden randevu",
        """
        <p>Yabancılar Dairesi'nden randevu yalnızca internet üzerinden veya telefonla alınabilir. Lütfen zamanında gelin ve tüm belgelerinizi getirin.</p>
        <p>Randevunuzu <a href="{web}/termine">{webhost}/termine</a> adresinden alın; onay e-posta ile gelir. Telefon: {abh_tel}, pazartesiden perşembeye 9:00–11:30.</p>
        <p>Randevuya gelemeyecekseniz lütfen iptal edin, böylece başka biri randevuyu alabilir.</p>
        """,
    ),
    "arbeit": (
        "İş ve para",
        """
        <p>Çalışmak, bağımsız yaşamak ve insanlarla tanışmak için önemlidir. Çalışma izninizin olup olmadığı oturma izninizde yazar.</p>
        <p>Vatandaşlık parası (Bürgergeld) alıyorsanız <strong>Jobcenter</strong> sizden sorumludur. <strong>İş Ajansı</strong> iş ve meslek eğitimi aramanıza yardımcı olur.</p>
        <p>Yurt dışında bir meslek öğrendiyseniz veya üniversite okuduysanız diplomanızı tanıtın. Bu, iyi bir iş bulma şansınızı artırır.</p>
        """,
    ),
    "jobcenter": (
        "Jobcenter (İş Merkezi)",
        """
        <p>Jobcenter, {in_place} iş arayan ve geçinmek için yeterli parası olmayan kişileri destekler. Vatandaşlık parasını öder ve iş, meslek eğitimi veya dil kursu bulmanıza yardımcı olur.</p>
        <p><strong>Adres:</strong> {jobcenter_addr}<br>
        <strong>Telefon:</strong> {jobcenter_tel}<br>
        <strong>Çalışma saatleri:</strong> pazartesiden cumaya 8:00–12:30</p>
        """,
    ),
    "buergergeld": (
        "Vatandaşlık parası",
        """
        <p>Vatandaşlık parası (Bürgergeld), çalışabilecek durumda olduğunuz ancak hiç geliriniz olmadığı veya geliriniz az olduğu durumlarda geçiminizi sağlar. Temel ihtiyaç miktarı ile konut ve ısınma masraflarından oluşur.</p>
        <ul>
        <li>Yeni bir iş, taşınma veya çocuk doğumu gibi değişiklikleri hemen bildirin.</li>
        <li>Jobcenter'daki randevulara gidin.</li>
        <li>Seyahate çıkmadan önce Jobcenter'dan izin alın.</li>
        </ul>
        """,
    ),
    "buergergeld-antrag": (
        "Vatandaşlık parası başvurusu",
        """
        <p>Vatandaşlık parası başvurusunu internetten <a href="https://www.jobcenter.digital">www.jobcenter.digital</a> adresinden veya Jobcenter'a giderek yapabilirsiniz. Para, başvuru yaptığınız aydan itibaren ödenir.</p>
        <p>Pasaport, oturma izni, kira sözleşmesi, son üç ayın banka hesap dökümleri ve gelir ile mal varlığı belgeleri gerekir. Bazı belgeler eksikse yine de başvurun; belgeleri daha sonra teslim edebilirsiniz.</p>
        """,
    ),
    "deutsch": (
        "Almanca öğrenmek",
        """
        <p>İyi Almanca bilgisi günlük hayatta, iş ararken ve komşularla iletişimde size yardımcı olur. Almanca öğrenmenin birçok yolu vardır: kurslarda, internette veya başkalarıyla konuşarak.</p>
        <p>En önemli kurs uyum kursudur. Çalışıyorsanız veya iş arıyorsanız mesleki dil kursu faydalıdır.</p>
        """,
    ),
    "integrationskurs": (
        "Uyum kursu",
        """
        <p>Uyum kursu, bir <strong>dil kursu</strong> (genellikle 600 ders saati) ve Almanya'nın tarihi, siyaseti ve değerleri hakkında bir <strong>oryantasyon kursundan</strong> (100 ders saati) oluşur.</p>
        <p>Sonunda göçmenler için Almanca sınavına (DTZ) ve “Almanya'da Yaşam” testine girersiniz. Vatandaşlık parası alıyorsanız kurs ücretinden muaf tutulabilirsiniz.</p>
        <p>Kurslar: {vhs_addr}, telefon {vhs_tel}</p>
        """,
    ),
    "deutsch-ohne-kurs": (
        "Kurs olmadan Almanca öğrenmek",
        """
        <p>Kursa gitmeden de Almanca pratik yapabilirsiniz. <strong>Dil kafesinde</strong> mahalleden insanlarla tanışır ve rahat bir ortamda Almanca konuşursunuz.</p>
        <p><strong>Dil kafesi:</strong> her çarşamba 16:00–18:00, {treff_addr}. Katılım ücretsizdir, kayıt gerekmez.</p>
        """,
    ),
    "kita-schule": (
        "Kreş ve okul",
        """
        <p>Çocuklar kreşte ve okulda hızla Almanca öğrenir ve arkadaş edinir. Almanya'da bir yaşından itibaren her çocuğun kreşte yer hakkı vardır.</p>
        <p>Okula gitmek genellikle altı yaşından itibaren zorunludur. Okul ücretsizdir.</p>
        """,
    ),
    "kita": (
        "Kreş yeri ve kreş kuponu",
        """
        <p>Çocuklar bir yaşından itibaren kreşe (Kita) veya bir gündüz bakıcısına gidebilir. Bekleme listeleri uzun olduğu için çocuğunuzu mümkün olduğunca erken kaydettirin.</p>
        <p>Kreş yeri için bir <strong>kreş kuponu</strong> (Kita-Gutschein) gerekir. Başvuruyu kreş hizmet bürosuna yaparsınız.</p>
        <p><strong>Kreş hizmet bürosu:</strong> {kita_addr}, telefon {kita_tel}</p>
        """,
    ),
    "schulanmeldung": (
        "Okul kaydı",
        """
        <p>30 Haziran'a kadar altı yaşını dolduran çocuklar sonbaharda ilkokula başlar. Kayıtlar ilkbaharda yapılır; bu konuda size bir mektup gönderilir.</p>
        <p>Yeni taşındıysanız çocuğunuzu doğrudan size en yakın ilkokula kaydettirin. Almanca bilmeyen çocuklar genellikle önce bir <strong>hazırlık sınıfına</strong> gider.</p>
        <p><strong>Okul dairesi:</strong> {schulamt_addr}, telefon {schulamt_tel}</p>
        """,
    ),
    "gesundheit": (
        "Sağlık",
        """
        <p>Almanya'da hastalandığınızda önce aile hekiminize gidersiniz. Aile hekimi gerekirse sizi bir uzman hekime sevk eder.</p>
        <p>Her doktor ziyaretine sağlık sigortası kartınızı getirin. İlaçları reçeteyle eczaneden alırsınız. Gece ve hafta sonu nöbetçi doktor hizmetini <strong>116117</strong> numarasından arayın; hayati tehlikede <strong>112</strong>'yi arayın.</p>
        """,
    ),
    "krankenversicherung": (
        "Sağlık sigortası",
        """
        <p>Almanya'da herkesin sağlık sigortası olması zorunludur. Yasal ve özel sağlık sigortası vardır; insanların çoğu yasal sigortalıdır.</p>
        <p>Çalışıyorsanız işvereniniz sizi sağlık sigortasına kaydeder. Vatandaşlık parası alıyorsanız primi Jobcenter öder. Kayıttan sonra fotoğraflı bir <strong>elektronik sağlık kartı</strong> alırsınız.</p>
        """,
    ),
    "notdienst": (
        "Nöbetçi doktor hizmeti",
        """
        <p>Doktorunuzun muayenehanesi kapalıysa, örneğin gece, hafta sonu veya resmi tatillerde, nöbetçi doktor hizmetini arayın: <strong>116117</strong>. Arama ücretsizdir.</p>
        <p><strong>Nöbetçi muayenehane:</strong> {bereitschaft_addr}</p>
        <p>Nefes darlığı, bilinç kaybı veya şiddetli göğüs ağrısı gibi hayati tehlike durumlarında hemen <strong>112</strong>'yi arayarak ambulans çağırın.</p>
        """,
    ),
    "beratung": (
        "Danışma merkezleri",
        """
        <p>Danışma merkezleri sorularınız ve sorunlarınız konusunda size ücretsiz ve gizli olarak yardımcı olur. Danışmanların çoğu birkaç dil konuşur veya tercüman ayarlayabilir.</p>
        <p>Her türlü soruyla gelebilirsiniz: oturum, resmi mektuplar, iş, aile, borçlar veya sağlık.</p>
        """,
    ),
    "migrationsberatung": (
        "Göç danışmanlığı",
        """
        <p><strong>Yetişkin göçmenler için göç danışmanlığı</strong> (MBE), 27 yaş ve üzerindeki kişilere danışmanlık yapar. 12 ile 26 yaş arasındaki gençler <strong>Gençlik Göç Servisi'ne</strong> (JMD) başvurabilir.</p>
        <p>Danışmanlar başvurular, dil kursu arama, iş ve konut konularında size yardımcı olur. Danışmanlık ücretsizdir.</p>
        <p><strong>Adres:</strong> {mbe_addr}<br>
        <strong>Telefon:</strong> {mbe_tel}</p>
        """,
    ),
    "notfaelle": (
        "Acil durumlar",
        """
        <p>Acil bir durumda her dakika önemlidir. Bu numaraları her telefondan, kontörünüz olmasa bile ücretsiz arayabilirsiniz:</p>
        <ul>
        <li><strong>110</strong> – polis</li>
        <li><strong>112</strong> – itfaiye ve ambulans</li>
        <li><strong>116117</strong> – nöbetçi doktor hizmeti</li>
        </ul>
        <p>Telefonda şunları söyleyin: Acil durum nerede? Ne oldu? Kaç kişi yaralandı? Sonra soruları bekleyin.</p>
        """,
    ),
}
