"""English translations."""

# ruff: noqa: E501

PAGES: dict[str, tuple[str, str]] = {
    "willkommen": (
        "Welcome",
        """
        <p><strong>A warm welcome {to_place}!</strong> These pages help you find your way during your first weeks and months.</p>
        <p>You will find information about public offices, work, German courses, childcare and school, housing and health. For each topic we list contact persons with their address, phone number and opening hours.</p>
        <p>Did you find a mistake? Write to us at <a href="mailto:integration@{maildomain}">integration@{maildomain}</a>.</p>
        """,
    ),
    "ueber-app": (
        "About this app",
        """
        <p>Integreat is a digital everyday guide for newcomers. The app also works offline: once the content has been loaded, you can read it without an internet connection.</p>
        <p>Most pages are available in several languages. You can change the language at the top right of the app. If a page is missing in your language, the German version is shown.</p>
        <p>The content is maintained by the integration office ({verwaltung}). Trained language mediators check the translations.</p>
        """,
    ),
    "erste-schritte": (
        "First steps {in_place}",
        """
        <p>There are a few important things to do in the first days after your arrival. This list helps you not to forget anything.</p>
        <ul>
        <li>Register your flat at the citizens' office (within 14 days of moving in)</li>
        <li>Make an appointment at the foreigners' office</li>
        <li>Take out health insurance</li>
        <li>Open a bank account (basic account)</li>
        <li>Look for an integration course or a language course</li>
        <li>Register your children for day care or school</li>
        </ul>
        <p>Bring your passport or replacement document to every appointment. If you do not speak much German yet, you may bring someone to interpret for you.</p>
        """,
    ),
    "nahverkehr": (
        "Buses and trains",
        """
        <p>Buses and trains will take you wherever you need to go {in_place}. You can buy tickets from the ticket machine, from the bus driver or in the transport association's app.</p>
        <p>With the Deutschlandticket you can travel on all buses and regional trains throughout Germany for a fixed monthly price. It is a subscription that can be cancelled every month.</p>
        <p>If you receive citizen's income, social assistance or benefits for asylum seekers, you can get a reduced social ticket. Apply for it at the citizens' office.</p>
        """,
    ),
    "behoerden": (
        "Public offices and authorities",
        """
        <p>In Germany, different offices are responsible for different matters. The following pages explain which office can help you with what.</p>
        <p>Many offices only see you with an appointment. Always bring your passport, your residence documents and all letters you have received from the office.</p>
        <p>Letters from the authorities often have a deadline. Open your post regularly and ask for help if you do not understand a letter.</p>
        """,
    ),
    "buergeramt": (
        "Citizens' office and registration",
        """
        <p>When you move into a flat, you must register your address within <strong>14 days</strong>. This is compulsory for everyone who lives in Germany.</p>
        <p>You need your passport or ID card and the landlord's confirmation (Wohnungsgeberbestätigung), which you get from your landlord. After registering you receive a registration certificate. You need it, for example, for a bank account, for day care or for the job centre.</p>
        <p><strong>Address:</strong> {buergeramt_addr}<br>
        <strong>Phone:</strong> {buergeramt_tel}</p>
        """,
    ),
    "auslaenderbehoerde": (
        "Foreigners' office",
        """
        <p>The <strong>foreigners' office</strong> (Ausländerbehörde) is responsible for all questions about your stay: residence permits, extensions, work permits, family reunification and naturalisation.</p>
        <p><strong>Address:</strong> {abh_addr}<br>
        <strong>Phone:</strong> {abh_tel}<br>
        <strong>E-mail:</strong> <a href="mailto:auslaenderbehoerde@{maildomain}">auslaenderbehoerde@{maildomain}</a></p>
        <p><strong>Opening hours:</strong> Monday, Tuesday and Friday 8 am to 12 noon, Thursday 1 pm to 5.30 pm. The office is closed on Wednesdays. Without an appointment, only emergencies are dealt with.</p>
        """,
    ),
    "aufenthaltstitel": (
        "Residence permits",
        """
        <p>A residence permit allows you to live in Germany. There are different types:</p>
        <ul>
        <li><strong>Visa</strong> – for entry and the first months</li>
        <li><strong>Temporary residence permit</strong> – for example for study, work, family or humanitarian reasons</li>
        <li><strong>Settlement permit</strong> – permanent</li>
        <li><strong>EU Blue Card</strong> – for skilled workers with a university degree</li>
        </ul>
        <p>You receive the permit as a card the size of a credit card (electronic residence permit). Production takes about four to six weeks. The card also states whether you are allowed to work.</p>
        """,
    ),
    "verlaengerung": (
        "Extending your residence permit",
        """
        <p>Your residence permit is only valid for a limited time. Apply for an extension <strong>in good time, at least six weeks</strong> before it expires.</p>
        <p>You usually need a valid passport, a recent biometric photo, your tenancy agreement and registration certificate, proof of your income and proof of health insurance.</p>
        <p>If you applied in time, you receive a <strong>provisional certificate</strong> (Fiktionsbescheinigung). Your stay remains legal until a decision has been made.</p>
        """,
    ),
    "termin": (
        "Appointments at the foreigners' office",
        """
        <p>Appointments at the foreigners' office are only given online or by phone. Please be on time and bring all your documents.</p>
        <p>Book your appointment at <a href="{web}/termine">{webhost}/termine</a>. You will receive a confirmation by e-mail. By phone: {abh_tel}, Monday to Thursday 9 to 11.30 am.</p>
        <p>If you cannot attend an appointment, please cancel it so that someone else can have it.</p>
        """,
    ),
    "arbeit": (
        "Work and money",
        """
        <p>Work is important for living independently and meeting people. Whether you are allowed to work is stated on your residence permit or your permission to reside.</p>
        <p>The <strong>job centre</strong> is responsible for you if you receive citizen's income. The <strong>employment agency</strong> helps you look for work or training and pays unemployment benefit if you have worked before.</p>
        <p>Did you learn a trade or study abroad? Then have your qualification recognised – it improves your chances of finding good work.</p>
        """,
    ),
    "jobcenter": (
        "Job centre",
        """
        <p>The job centre {in_place} supports people who are looking for work and do not have enough money to live on. It pays citizen's income (Bürgergeld) and helps you find work, training or language courses.</p>
        <p>You will have a personal adviser who agrees the next steps with you in a cooperation plan.</p>
        <p><strong>Address:</strong> {jobcenter_addr}<br>
        <strong>Phone:</strong> {jobcenter_tel}<br>
        <strong>Opening hours:</strong> Monday to Friday 8 am to 12.30 pm, Thursday also 2 to 5 pm</p>
        <p>Many things can also be done online: <a href="https://www.jobcenter.digital">www.jobcenter.digital</a></p>
        """,
    ),
    "buergergeld": (
        "Citizen's income",
        """
        <p>Citizen's income (Bürgergeld) covers your living costs if you are able to work but have no income or too little. It consists of the standard rate plus the costs of housing and heating.</p>
        <p>Even if you work and earn little, you can receive citizen's income as a top-up. Your duties:</p>
        <ul>
        <li>Report changes immediately, for example a new job, a move or the birth of a child.</li>
        <li>Attend your appointments at the job centre.</li>
        <li>Ask the job centre for permission before you travel.</li>
        </ul>
        """,
    ),
    "buergergeld-antrag": (
        "Applying for citizen's income",
        """
        <p>You can apply for citizen's income online at <a href="https://www.jobcenter.digital">www.jobcenter.digital</a> or in person at the job centre. The money is only paid from the month in which you applied.</p>
        <p>You need your passport and residence permit, your tenancy agreement, bank statements for the last three months and proof of your income and assets.</p>
        <p>If some documents are missing, apply anyway. You can hand them in later. The migration counselling service can help you fill in the forms.</p>
        """,
    ),
    "arbeitsagentur": (
        "Employment agency",
        """
        <p>The employment agency helps you look for work and training. In German it is called Agentur für Arbeit. It offers free careers advice, also for adults, and can tell you which jobs are in demand in your region.</p>
        <p>Register as a jobseeker at least three months before your employment contract ends. If you have worked for at least twelve months in a job with compulsory insurance, you will receive unemployment benefit. Please bring your passport, your residence permit and your last employment contract to your first appointment.</p>
        <p><strong>Address:</strong> {aa_addr}<br>
        <strong>Service number:</strong> 0800 4 5555 00 (free of charge)<br>
        <strong>Internet:</strong> <a href="https://www.arbeitsagentur.de">www.arbeitsagentur.de</a></p>
        """,
    ),
    "anerkennung": (
        "Recognition of foreign qualifications",
        """
        <p>If you completed vocational training or a degree abroad, you can have it checked whether your qualification is equivalent to a German one.</p>
        <p>For some professions recognition is compulsory, for example for doctors, nurses, teachers and nursery teachers. For other professions it is voluntary but helpful when you apply for jobs.</p>
        <p>You can find out which office is responsible for you at <a href="https://www.anerkennung-in-deutschland.de">www.anerkennung-in-deutschland.de</a>. In some cases the job centre or the employment agency pays the fees.</p>
        """,
    ),
    "deutsch": (
        "Learning German",
        """
        <p>Good German helps you in everyday life, when looking for work and when talking to your neighbours. There are many ways to learn German – in courses, online or in conversation with other people.</p>
        <p>The most important course is the integration course. If you are already working or looking for work, a job-related language course is a good idea.</p>
        """,
    ),
    "integrationskurs": (
        "Integration course",
        """
        <p>The integration course consists of a <strong>language course</strong> (usually 600 lessons) and an <strong>orientation course</strong> (100 lessons) about history, politics and values in Germany.</p>
        <p>At the end you take the German test for immigrants (DTZ) and the test “Living in Germany”. With the integration course certificate you can become a German citizen sooner.</p>
        <p>If you receive citizen's income or earn little, you can be exempted from the costs. You apply for admission at the Federal Office for Migration and Refugees (BAMF) or through the foreigners' office. Courses {in_place}: {vhs_addr}, phone {vhs_tel}.</p>
        """,
    ),
    "berufssprachkurs": (
        "Job-related language course",
        """
        <p>Job-related German courses prepare you for the language you need at work. There are basic courses up to level B2, C1 or C2 and special courses, for example for nursing or retail.</p>
        <p>Usually you must have completed the integration course or already speak German at level B1. The course is free if you are registered as unemployed or receive citizen's income. Ask your adviser at the job centre or the employment agency for an entitlement certificate.</p>
        """,
    ),
    "deutsch-ohne-kurs": (
        "Learning German without a course",
        """
        <p>You can also practise German without a course. At the <strong>language café</strong> you meet people from the neighbourhood and speak German in a relaxed atmosphere.</p>
        <p><strong>Language café:</strong> every Wednesday from 4 to 6 pm, {treff_addr}. It is free and you do not need to register.</p>
        <p>You can also learn online for free with the app “Einstieg Deutsch” or on the Deutsche Welle website. The library lends books, audio books and learning software, too.</p>
        """,
    ),
    "kita-schule": (
        "Day care and school",
        """
        <p>In day care and at school, children learn German quickly and make friends. In Germany, every child from the age of one has a legal right to a childcare place.</p>
        <p>School attendance is compulsory, usually from the age of six, and school is free of charge. The following pages explain how to get a day care place and how to register your child at school.</p>
        """,
    ),
    "kita": (
        "Day care place and day care voucher",
        """
        <p>From their first birthday, children can go to a day care centre (Kita) or to a childminder. Register your child as early as possible, because the waiting lists are long.</p>
        <p>For a place you need a <strong>day care voucher</strong> (Kita-Gutschein). You apply for it at the day care service point. With the voucher you then choose a day care centre.</p>
        <p>If you have little money, you pay no fees or only low fees. <strong>Day care service point:</strong> {kita_addr}, phone {kita_tel}</p>
        """,
    ),
    "schulanmeldung": (
        "School registration",
        """
        <p>Children who turn six by 30 June start primary school in the autumn. Registration takes place in spring; you will receive a letter about it.</p>
        <p>If you have just moved here, register your child directly at the primary school near you. For older children and teenagers, the state school authority will advise you. Children who do not speak German often attend a <strong>preparatory class</strong> first.</p>
        <p><strong>State school authority:</strong> {schulamt_addr}, phone {schulamt_tel}</p>
        """,
    ),
    "wohnen": (
        "Housing",
        """
        <p>Finding your own flat {in_place} is often not easy. Get informed early and use different ways of searching.</p>
        <p>On the following pages you will find tips on looking for a flat, on the housing entitlement certificate and on the tenancy agreement. If you have problems with your landlord, the tenants' association can help: {mieterverein_addr}, phone {mieterverein_tel}.</p>
        """,
    ),
    "wohnungssuche": (
        "Looking for a flat",
        """
        <p>You can find flats on property websites, in the daily newspaper and on notice boards in supermarkets. Tell your friends and colleagues that you are looking for a flat.</p>
        <p>The {wohnbau} rents out affordable flats. Ask them to put your name on their waiting list.</p>
        <p><strong>Beware of fraud:</strong> never pay any money before you have seen the flat and signed a tenancy agreement. If you receive citizen's income, ask the job centre whether the rent is acceptable before you sign.</p>
        """,
    ),
    "wbs": (
        "Housing entitlement certificate",
        """
        <p>For many low-cost social housing flats you need a <strong>housing entitlement certificate</strong> (Wohnberechtigungsschein, WBS). Whether you get one depends on your income and the size of your household.</p>
        <p>Apply at the housing office. You need your passport, a residence permit that is valid for at least one year and proof of income for everyone in your household. The certificate is valid for one year.</p>
        <p><strong>Housing office:</strong> {wohnamt_addr}, phone {wohnamt_tel}</p>
        """,
    ),
    "mietvertrag": (
        "Tenancy agreement",
        """
        <p>Read the tenancy agreement carefully before you sign it. Ask for help if there is something you do not understand.</p>
        <ul>
        <li><strong>Basic rent:</strong> the rent without service charges</li>
        <li><strong>Service charges:</strong> costs for water, rubbish collection, cleaning and often heating</li>
        <li><strong>Total rent:</strong> basic rent plus service charges</li>
        <li><strong>Deposit:</strong> at most three months' basic rent; you get it back when you move out</li>
        </ul>
        <p>The notice period for tenants is usually three months. Always give notice in writing.</p>
        """,
    ),
    "gesundheit": (
        "Health",
        """
        <p>In Germany, when you are ill you first go to your family doctor. If necessary, your doctor will refer you to a specialist.</p>
        <p>Bring your health insurance card to every appointment. You get medicines with a prescription from the pharmacy. At night and at weekends, the medical on-call service helps on <strong>116117</strong>. If a life is in danger, call <strong>112</strong>.</p>
        """,
    ),
    "krankenversicherung": (
        "Health insurance",
        """
        <p>Everyone in Germany must have health insurance. There is statutory and private health insurance; most people are insured with a statutory fund.</p>
        <p>If you work, your employer registers you with the health insurance fund. If you receive citizen's income, the job centre pays the contribution. You can choose your health insurance fund yourself and will receive an <strong>electronic health card</strong> with your photo.</p>
        <p>Family members without their own income are often insured free of charge (family insurance).</p>
        """,
    ),
    "hausarzt": (
        "Finding a family doctor",
        """
        <p>It is important to have a regular family doctor. Your doctor knows your medical history and is the first person to see when you have health problems.</p>
        <p>You can find a practice near you with the doctor search at <a href="https://www.116117.de">www.116117.de</a>. It also shows which languages are spoken in the practice. Always make an appointment by phone first.</p>
        """,
    ),
    "notdienst": (
        "Medical on-call service",
        """
        <p>When your doctor's practice is closed, for example at night, at weekends or on public holidays, call the medical on-call service: <strong>116117</strong>. The call is free.</p>
        <p><strong>On-call practice:</strong> {bereitschaft_addr}. Opening hours: Wednesday and Friday 4 to 9 pm, Saturday, Sunday and public holidays 9 am to 9 pm.</p>
        <p>In life-threatening emergencies such as difficulty breathing, unconsciousness or severe chest pain, call an ambulance immediately on <strong>112</strong>.</p>
        """,
    ),
    "beratung": (
        "Counselling services",
        """
        <p>Counselling services help you with questions and problems free of charge and in confidence. Many counsellors speak several languages or can arrange an interpreter.</p>
        <p>You can come with any question: your residence status, letters from the authorities, work, family, debts or health. An overview of all services is available at <a href="{web}/beratung">{webhost}/beratung</a>.</p>
        """,
    ),
    "migrationsberatung": (
        "Migration counselling",
        """
        <p>The <strong>migration counselling service for adult immigrants (MBE)</strong> advises people aged 27 and over. Young people between 12 and 26 can go to the <strong>youth migration service (JMD)</strong>.</p>
        <p>The counsellors help you with applications, with finding a language course, with questions about work and housing and with problems in everyday life. Counselling is free of charge.</p>
        <p><strong>Address:</strong> {mbe_addr}<br>
        <strong>Phone:</strong> {mbe_tel}<br>
        <strong>Drop-in hours:</strong> Tuesday 9 am to 12 noon and Thursday 2 to 5 pm</p>
        """,
    ),
    "frauen-familie": (
        "Counselling for women and families",
        """
        <p>Pregnant women and families receive free advice, for example on pregnancy, parental allowance, child benefit and bringing up children.</p>
        <p>Women who experience violence can find protection and help. The helpline “Violence against women” is free, available around the clock and in many languages: <strong>116 016</strong>.</p>
        <p><strong>Counselling centre for women and families:</strong> {frauen_addr}, phone {frauen_tel}</p>
        """,
    ),
    "notfaelle": (
        "Emergencies",
        """
        <p>In an emergency every minute counts. You can call these numbers free of charge from any phone, even without credit:</p>
        <ul>
        <li><strong>110</strong> – police</li>
        <li><strong>112</strong> – fire brigade and ambulance</li>
        <li><strong>116117</strong> – medical on-call service</li>
        <li><strong>116 016</strong> – helpline for women affected by violence</li>
        <li><strong>0800 111 0 111</strong> – telephone counselling</li>
        </ul>
        <p>On the phone, say: Where is the emergency? What happened? How many people are injured? Then wait for questions.</p>
        """,
    ),
}
