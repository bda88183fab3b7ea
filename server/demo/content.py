"""Demo content for MOIN Forum.

Fictional organisations, members and threads of the Mission-Oriented Innovation Network, used to
populate a demonstration instance of the forum. Every organisation, person, website and e-mail
address here is invented; websites and e-mail domains use the reserved ``.example`` top-level
domain.

The module is pure data. A loader turns it into database rows:

* ``ORGANISATIONS``: ``slug``, ``name``, ``type`` (an organisation type enum name), ``country``
  (ISO 3166-1 alpha-2, or ``None`` for an international agency), ``website``, ``description``.
* ``MEMBERS``: ``key``, ``display_name``, ``email``, ``organisation`` (a slug), ``role``
  (``MEMBER``, ``RESEARCHER``, ``MODERATOR`` or ``ADMIN``).
* ``THREADS``: ``key``, ``kind``, ``title``, ``author`` (a member key), ``pillars``,
  ``organisation_types`` (``None`` means the author's organisation's type), ``topics``,
  ``visibility``, ``closed``, ``days_ago`` (start of the thread, relative to the load time),
  ``body`` (Markdown) and ``replies`` (``author``, ``hours_after`` the start of the thread,
  ``body``, ``accepted``).
"""

ORGANISATIONS: list[dict] = [
    {
        "slug": "ipv-institute",
        "name": "Institute for Public Value and Innovation",
        "type": "RESEARCH_INSTITUTE",
        "country": "GB",
        "website": "https://ipv-institute.example",
        "description": (
            "University research institute on mission-oriented innovation and public value. "
            "Hosts the network's secretariat and convenes its peer-learning programme."
        ),
    },
    {
        "slug": "oresund-transitions-centre",
        "name": "Øresund Centre for Transition Studies",
        "type": "RESEARCH_INSTITUTE",
        "country": "DK",
        "website": "https://oresund-transitions-centre.example",
        "description": (
            "Academic partner of the network, studying how public organisations evaluate and "
            "steer portfolios of transition policies."
        ),
    },
    {
        "slug": "nordic-mission-bank",
        "name": "Nordic Mission Bank",
        "type": "PUBLIC_BANK",
        "country": "NO",
        "website": "https://nordic-mission-bank.example",
        "description": (
            "State-owned investment bank with a mandate to finance the green transition of "
            "maritime, energy and industrial value chains."
        ),
    },
    {
        "slug": "rhine-transition-bank",
        "name": "Rhine Transition Bank",
        "type": "PUBLIC_BANK",
        "country": "DE",
        "website": "https://rhine-transition-bank.example",
        "description": (
            "Federal promotional bank that lends and invests in industrial decarbonisation, "
            "clean hydrogen and building renovation."
        ),
    },
    {
        "slug": "banco-verde-fomento",
        "name": "Banco Verde de Fomento",
        "type": "PUBLIC_BANK",
        "country": "BR",
        "website": "https://banco-verde-fomento.example",
        "description": (
            "National development bank for sustainable agriculture, bioeconomy and "
            "low-carbon infrastructure."
        ),
    },
    {
        "slug": "ministry-green-industry",
        "name": "Ministry of Green Industry and Enterprise",
        "type": "GOVERNMENT_DEPARTMENT",
        "country": "SE",
        "website": "https://ministry-green-industry.example",
        "description": (
            "Ministry responsible for industrial policy, with a cross-government mission on "
            "fossil-free heavy industry."
        ),
    },
    {
        "slug": "department-enterprise-missions",
        "name": "Department of Enterprise and Missions",
        "type": "GOVERNMENT_DEPARTMENT",
        "country": "IE",
        "website": "https://department-enterprise-missions.example",
        "description": (
            "Government department that coordinates the national missions on climate-neutral "
            "housing and digital public services."
        ),
    },
    {
        "slug": "ministerio-futuro-economia",
        "name": "Ministry of Knowledge and Future Economy",
        "type": "GOVERNMENT_DEPARTMENT",
        "country": "CL",
        "website": "https://ministerio-futuro-economia.example",
        "description": (
            "Ministry for science, technology and economic diversification, leading a "
            "green hydrogen and critical minerals mission."
        ),
    },
    {
        "slug": "ministry-health-futures",
        "name": "Ministry of Health Futures",
        "type": "GOVERNMENT_DEPARTMENT",
        "country": "NZ",
        "website": "https://ministry-health-futures.example",
        "description": (
            "Ministry unit that funds health research and innovation, organised around a "
            "mission on equitable access to new treatments."
        ),
    },
    {
        "slug": "global-mission-finance-facility",
        "name": "Global Facility for Mission Finance",
        "type": "INTERNATIONAL_AGENCY",
        "country": None,
        "website": "https://global-mission-finance-facility.example",
        "description": (
            "Multilateral facility that co-finances climate and health missions in low- and "
            "middle-income countries."
        ),
    },
    {
        "slug": "southern-development-partnership",
        "name": "Southern Partnership for Inclusive Development",
        "type": "INTERNATIONAL_AGENCY",
        "country": "KE",
        "website": "https://southern-development-partnership.example",
        "description": (
            "Regional development agency supporting governments in East and Southern Africa to "
            "design and finance transformative programmes."
        ),
    },
    {
        "slug": "public-innovation-forum",
        "name": "Intergovernmental Forum for Public Innovation",
        "type": "INTERNATIONAL_AGENCY",
        "country": "FR",
        "website": "https://public-innovation-forum.example",
        "description": (
            "Intergovernmental body that runs peer reviews of national innovation policies "
            "and publishes guidance for mission design."
        ),
    },
    {
        "slug": "lumen-design-lab",
        "name": "Lumen Public Design Lab",
        "type": "STRATEGIC_DESIGN_AGENCY",
        "country": "FI",
        "website": "https://lumen-design-lab.example",
        "description": (
            "Public strategic design agency that helps ministries prototype policies and "
            "governance arrangements with the people affected."
        ),
    },
    {
        "slug": "estudio-futuros-civicos",
        "name": "Estudio de Futuros Cívicos",
        "type": "STRATEGIC_DESIGN_AGENCY",
        "country": "CO",
        "website": "https://estudio-futuros-civicos.example",
        "description": (
            "Civic design and foresight studio working with city and national governments on "
            "participatory mission setting."
        ),
    },
    {
        "slug": "tidewater-policy-studio",
        "name": "Tidewater Policy Design Studio",
        "type": "STRATEGIC_DESIGN_AGENCY",
        "country": "CA",
        "website": "https://tidewater-policy-studio.example",
        "description": (
            "Provincial design studio that supports departments with systems mapping, service "
            "design and mission framing."
        ),
    },
    {
        "slug": "alpine-innovation-agency",
        "name": "Alpine Research and Innovation Agency",
        "type": "RESEARCH_INNOVATION_AGENCY",
        "country": "AT",
        "website": "https://alpine-innovation-agency.example",
        "description": (
            "National funding agency for applied research and innovation, now organised "
            "around three mission portfolios."
        ),
    },
    {
        "slug": "atlantic-innovation-agency",
        "name": "Atlantic Innovation Agency",
        "type": "RESEARCH_INNOVATION_AGENCY",
        "country": "PT",
        "website": "https://atlantic-innovation-agency.example",
        "description": (
            "Innovation agency running challenge prizes and mission programmes on healthy "
            "oceans and the blue economy."
        ),
    },
    {
        "slug": "southern-cross-innovation",
        "name": "Southern Cross Innovation Agency",
        "type": "RESEARCH_INNOVATION_AGENCY",
        "country": "AU",
        "website": "https://southern-cross-innovation.example",
        "description": (
            "Federal agency that funds research translation, with missions on antimicrobial "
            "resistance and resilient food production."
        ),
    },
    {
        "slug": "digital-commons-agency",
        "name": "Digital Commons Agency",
        "type": "DIGITAL_AGENCY",
        "country": "EE",
        "website": "https://digital-commons-agency.example",
        "description": (
            "Government agency that builds and maintains shared digital infrastructure: "
            "identity, data exchange and open-source components."
        ),
    },
    {
        "slug": "setu-dpi-agency",
        "name": "Setu Agency for Digital Public Infrastructure",
        "type": "DIGITAL_AGENCY",
        "country": "IN",
        "website": "https://setu-dpi-agency.example",
        "description": (
            "Public agency that designs open digital rails for payments, consent-based data "
            "sharing and registries."
        ),
    },
    {
        "slug": "hanbit-digital-service",
        "name": "Hanbit Digital Government Service",
        "type": "DIGITAL_AGENCY",
        "country": "KR",
        "website": "https://hanbit-digital-service.example",
        "description": (
            "Digital government agency responsible for shared cloud, public-sector AI and "
            "service standards."
        ),
    },
    {
        "slug": "valmera-city-council",
        "name": "Valmera City Council",
        "type": "LOCAL_REGIONAL_GOVERNMENT",
        "country": "ES",
        "website": "https://valmera-city-council.example",
        "description": (
            "Mid-sized Mediterranean city running a climate-neutral city mission in three "
            "pilot districts."
        ),
    },
    {
        "slug": "northbridge-combined-authority",
        "name": "Greater Northbridge Combined Authority",
        "type": "LOCAL_REGIONAL_GOVERNMENT",
        "country": "GB",
        "website": "https://northbridge-combined-authority.example",
        "description": (
            "Combined authority of nine boroughs with a mission to add five healthy years to "
            "life expectancy in its poorest neighbourhoods."
        ),
    },
    {
        "slug": "zuidermeer-province",
        "name": "Province of Zuidermeer",
        "type": "LOCAL_REGIONAL_GOVERNMENT",
        "country": "NL",
        "website": "https://zuidermeer-province.example",
        "description": (
            "Regional government with missions on circular construction and climate-adaptive "
            "housing."
        ),
    },
    {
        "slug": "nova-serra-municipality",
        "name": "Municipality of Nova Serra",
        "type": "LOCAL_REGIONAL_GOVERNMENT",
        "country": "BR",
        "website": "https://nova-serra-municipality.example",
        "description": (
            "Municipality running a mission to end food insecurity through school meals, "
            "urban agriculture and local supply chains."
        ),
    },
    {
        "slug": "kijani-county",
        "name": "Kijani County Government",
        "type": "LOCAL_REGIONAL_GOVERNMENT",
        "country": "KE",
        "website": "https://kijani-county.example",
        "description": (
            "County government in a semi-arid region, leading a mission on water security and "
            "drought resilience."
        ),
    },
    {
        "slug": "meridian-space-agency",
        "name": "Meridian Space Agency",
        "type": "SPACE_AGENCY",
        "country": "IT",
        "website": "https://meridian-space-agency.example",
        "description": (
            "National space agency that buys Earth observation data and services and supports "
            "a growing commercial space sector."
        ),
    },
    {
        "slug": "southern-skies-space-agency",
        "name": "Southern Skies Space Agency",
        "type": "SPACE_AGENCY",
        "country": "ZA",
        "website": "https://southern-skies-space-agency.example",
        "description": (
            "Space agency developing small-satellite launch capacity and space applications "
            "for agriculture and disaster response."
        ),
    },
]


MEMBERS: list[dict] = [
    {
        "key": "priya-raman",
        "display_name": "Priya Raman",
        "email": "priya.raman@ipv-institute.example",
        "organisation": "ipv-institute",
        "role": "ADMIN",
    },
    {
        "key": "owen-gallagher",
        "display_name": "Owen Gallagher",
        "email": "owen.gallagher@ipv-institute.example",
        "organisation": "ipv-institute",
        "role": "MODERATOR",
    },
    {
        "key": "amara-okafor",
        "display_name": "Amara Okafor",
        "email": "amara.okafor@ipv-institute.example",
        "organisation": "ipv-institute",
        "role": "RESEARCHER",
    },
    {
        "key": "lucas-marchetti",
        "display_name": "Lucas Marchetti",
        "email": "lucas.marchetti@ipv-institute.example",
        "organisation": "ipv-institute",
        "role": "RESEARCHER",
    },
    {
        "key": "hannah-whitcombe",
        "display_name": "Hannah Whitcombe",
        "email": "hannah.whitcombe@ipv-institute.example",
        "organisation": "ipv-institute",
        "role": "RESEARCHER",
    },
    {
        "key": "kwame-asante",
        "display_name": "Kwame Asante",
        "email": "kwame.asante@ipv-institute.example",
        "organisation": "ipv-institute",
        "role": "RESEARCHER",
    },
    {
        "key": "mei-lin-tan",
        "display_name": "Mei Lin Tan",
        "email": "mei.lin.tan@ipv-institute.example",
        "organisation": "ipv-institute",
        "role": "RESEARCHER",
    },
    {
        "key": "rafael-dominguez",
        "display_name": "Rafael Domínguez",
        "email": "rafael.dominguez@ipv-institute.example",
        "organisation": "ipv-institute",
        "role": "RESEARCHER",
    },
    {
        "key": "mette-kjaergaard",
        "display_name": "Mette Kjærgaard",
        "email": "mette.kjaergaard@oresund-transitions-centre.example",
        "organisation": "oresund-transitions-centre",
        "role": "RESEARCHER",
    },
    {
        "key": "jonas-thygesen",
        "display_name": "Jonas Thygesen",
        "email": "jonas.thygesen@oresund-transitions-centre.example",
        "organisation": "oresund-transitions-centre",
        "role": "RESEARCHER",
    },
    {
        "key": "ingrid-solberg",
        "display_name": "Ingrid Solberg",
        "email": "ingrid.solberg@nordic-mission-bank.example",
        "organisation": "nordic-mission-bank",
        "role": "MEMBER",
    },
    {
        "key": "erik-haugland",
        "display_name": "Erik Haugland",
        "email": "erik.haugland@nordic-mission-bank.example",
        "organisation": "nordic-mission-bank",
        "role": "MEMBER",
    },
    {
        "key": "nora-bakken",
        "display_name": "Nora Bakken",
        "email": "nora.bakken@nordic-mission-bank.example",
        "organisation": "nordic-mission-bank",
        "role": "MEMBER",
    },
    {
        "key": "katharina-vogel",
        "display_name": "Katharina Vogel",
        "email": "katharina.vogel@rhine-transition-bank.example",
        "organisation": "rhine-transition-bank",
        "role": "MEMBER",
    },
    {
        "key": "matthias-brenner",
        "display_name": "Matthias Brenner",
        "email": "matthias.brenner@rhine-transition-bank.example",
        "organisation": "rhine-transition-bank",
        "role": "MEMBER",
    },
    {
        "key": "luana-tavares",
        "display_name": "Luana Tavares",
        "email": "luana.tavares@banco-verde-fomento.example",
        "organisation": "banco-verde-fomento",
        "role": "MEMBER",
    },
    {
        "key": "rodrigo-menezes",
        "display_name": "Rodrigo Menezes",
        "email": "rodrigo.menezes@banco-verde-fomento.example",
        "organisation": "banco-verde-fomento",
        "role": "MEMBER",
    },
    {
        "key": "karin-sjoberg",
        "display_name": "Karin Sjöberg",
        "email": "karin.sjoberg@ministry-green-industry.example",
        "organisation": "ministry-green-industry",
        "role": "MEMBER",
    },
    {
        "key": "olof-nystrom",
        "display_name": "Olof Nyström",
        "email": "olof.nystrom@ministry-green-industry.example",
        "organisation": "ministry-green-industry",
        "role": "MEMBER",
    },
    {
        "key": "siobhan-murphy",
        "display_name": "Siobhán Murphy",
        "email": "siobhan.murphy@department-enterprise-missions.example",
        "organisation": "department-enterprise-missions",
        "role": "MEMBER",
    },
    {
        "key": "ciaran-doyle",
        "display_name": "Ciarán Doyle",
        "email": "ciaran.doyle@department-enterprise-missions.example",
        "organisation": "department-enterprise-missions",
        "role": "MEMBER",
    },
    {
        "key": "aoife-brennan",
        "display_name": "Aoife Brennan",
        "email": "aoife.brennan@department-enterprise-missions.example",
        "organisation": "department-enterprise-missions",
        "role": "MEMBER",
    },
    {
        "key": "valentina-rojas",
        "display_name": "Valentina Rojas",
        "email": "valentina.rojas@ministerio-futuro-economia.example",
        "organisation": "ministerio-futuro-economia",
        "role": "MEMBER",
    },
    {
        "key": "ignacio-fuentes",
        "display_name": "Ignacio Fuentes",
        "email": "ignacio.fuentes@ministerio-futuro-economia.example",
        "organisation": "ministerio-futuro-economia",
        "role": "MEMBER",
    },
    {
        "key": "aroha-whaanga",
        "display_name": "Aroha Whaanga",
        "email": "aroha.whaanga@ministry-health-futures.example",
        "organisation": "ministry-health-futures",
        "role": "MEMBER",
    },
    {
        "key": "james-mcallister",
        "display_name": "James McAllister",
        "email": "james.mcallister@ministry-health-futures.example",
        "organisation": "ministry-health-futures",
        "role": "MEMBER",
    },
    {
        "key": "adaeze-nwosu",
        "display_name": "Adaeze Nwosu",
        "email": "adaeze.nwosu@global-mission-finance-facility.example",
        "organisation": "global-mission-finance-facility",
        "role": "MEMBER",
    },
    {
        "key": "pierre-alain-dufour",
        "display_name": "Pierre-Alain Dufour",
        "email": "pierre-alain.dufour@global-mission-finance-facility.example",
        "organisation": "global-mission-finance-facility",
        "role": "MEMBER",
    },
    {
        "key": "yuki-tanabe",
        "display_name": "Yuki Tanabe",
        "email": "yuki.tanabe@global-mission-finance-facility.example",
        "organisation": "global-mission-finance-facility",
        "role": "MEMBER",
    },
    {
        "key": "wanjiru-kamau",
        "display_name": "Wanjiru Kamau",
        "email": "wanjiru.kamau@southern-development-partnership.example",
        "organisation": "southern-development-partnership",
        "role": "MEMBER",
    },
    {
        "key": "otieno-ochieng",
        "display_name": "Otieno Ochieng",
        "email": "otieno.ochieng@southern-development-partnership.example",
        "organisation": "southern-development-partnership",
        "role": "MEMBER",
    },
    {
        "key": "camille-laurent",
        "display_name": "Camille Laurent",
        "email": "camille.laurent@public-innovation-forum.example",
        "organisation": "public-innovation-forum",
        "role": "MEMBER",
    },
    {
        "key": "julien-moreau",
        "display_name": "Julien Moreau",
        "email": "julien.moreau@public-innovation-forum.example",
        "organisation": "public-innovation-forum",
        "role": "MEMBER",
    },
    {
        "key": "aino-virtanen",
        "display_name": "Aino Virtanen",
        "email": "aino.virtanen@lumen-design-lab.example",
        "organisation": "lumen-design-lab",
        "role": "MEMBER",
    },
    {
        "key": "mikko-heinonen",
        "display_name": "Mikko Heinonen",
        "email": "mikko.heinonen@lumen-design-lab.example",
        "organisation": "lumen-design-lab",
        "role": "MEMBER",
    },
    {
        "key": "camila-restrepo",
        "display_name": "Camila Restrepo",
        "email": "camila.restrepo@estudio-futuros-civicos.example",
        "organisation": "estudio-futuros-civicos",
        "role": "MEMBER",
    },
    {
        "key": "andres-villamizar",
        "display_name": "Andrés Villamizar",
        "email": "andres.villamizar@estudio-futuros-civicos.example",
        "organisation": "estudio-futuros-civicos",
        "role": "MEMBER",
    },
    {
        "key": "emilie-tremblay",
        "display_name": "Émilie Tremblay",
        "email": "emilie.tremblay@tidewater-policy-studio.example",
        "organisation": "tidewater-policy-studio",
        "role": "MEMBER",
    },
    {
        "key": "marcus-leblanc",
        "display_name": "Marcus Leblanc",
        "email": "marcus.leblanc@tidewater-policy-studio.example",
        "organisation": "tidewater-policy-studio",
        "role": "MEMBER",
    },
    {
        "key": "lena-gruber",
        "display_name": "Lena Gruber",
        "email": "lena.gruber@alpine-innovation-agency.example",
        "organisation": "alpine-innovation-agency",
        "role": "MEMBER",
    },
    {
        "key": "stefan-hofer",
        "display_name": "Stefan Hofer",
        "email": "stefan.hofer@alpine-innovation-agency.example",
        "organisation": "alpine-innovation-agency",
        "role": "MEMBER",
    },
    {
        "key": "miriam-eder",
        "display_name": "Miriam Eder",
        "email": "miriam.eder@alpine-innovation-agency.example",
        "organisation": "alpine-innovation-agency",
        "role": "MEMBER",
    },
    {
        "key": "ines-moreira",
        "display_name": "Inês Moreira",
        "email": "ines.moreira@atlantic-innovation-agency.example",
        "organisation": "atlantic-innovation-agency",
        "role": "MEMBER",
    },
    {
        "key": "tiago-salgueiro",
        "display_name": "Tiago Salgueiro",
        "email": "tiago.salgueiro@atlantic-innovation-agency.example",
        "organisation": "atlantic-innovation-agency",
        "role": "MEMBER",
    },
    {
        "key": "chloe-nguyen",
        "display_name": "Chloe Nguyen",
        "email": "chloe.nguyen@southern-cross-innovation.example",
        "organisation": "southern-cross-innovation",
        "role": "MEMBER",
    },
    {
        "key": "benjamin-hart",
        "display_name": "Benjamin Hart",
        "email": "benjamin.hart@southern-cross-innovation.example",
        "organisation": "southern-cross-innovation",
        "role": "MEMBER",
    },
    {
        "key": "kadri-tamm",
        "display_name": "Kadri Tamm",
        "email": "kadri.tamm@digital-commons-agency.example",
        "organisation": "digital-commons-agency",
        "role": "MEMBER",
    },
    {
        "key": "rasmus-kask",
        "display_name": "Rasmus Kask",
        "email": "rasmus.kask@digital-commons-agency.example",
        "organisation": "digital-commons-agency",
        "role": "MEMBER",
    },
    {
        "key": "ananya-iyer",
        "display_name": "Ananya Iyer",
        "email": "ananya.iyer@setu-dpi-agency.example",
        "organisation": "setu-dpi-agency",
        "role": "MEMBER",
    },
    {
        "key": "vikram-desai",
        "display_name": "Vikram Desai",
        "email": "vikram.desai@setu-dpi-agency.example",
        "organisation": "setu-dpi-agency",
        "role": "MEMBER",
    },
    {
        "key": "ji-woo-park",
        "display_name": "Ji-woo Park",
        "email": "ji-woo.park@hanbit-digital-service.example",
        "organisation": "hanbit-digital-service",
        "role": "MEMBER",
    },
    {
        "key": "seo-yeon-kim",
        "display_name": "Seo-yeon Kim",
        "email": "seo-yeon.kim@hanbit-digital-service.example",
        "organisation": "hanbit-digital-service",
        "role": "MEMBER",
    },
    {
        "key": "lucia-navarro",
        "display_name": "Lucía Navarro",
        "email": "lucia.navarro@valmera-city-council.example",
        "organisation": "valmera-city-council",
        "role": "MEMBER",
    },
    {
        "key": "jordi-puig",
        "display_name": "Jordi Puig",
        "email": "jordi.puig@valmera-city-council.example",
        "organisation": "valmera-city-council",
        "role": "MEMBER",
    },
    {
        "key": "fatima-hussain",
        "display_name": "Fatima Hussain",
        "email": "fatima.hussain@northbridge-combined-authority.example",
        "organisation": "northbridge-combined-authority",
        "role": "MEMBER",
    },
    {
        "key": "gareth-pryce",
        "display_name": "Gareth Pryce",
        "email": "gareth.pryce@northbridge-combined-authority.example",
        "organisation": "northbridge-combined-authority",
        "role": "MEMBER",
    },
    {
        "key": "sanne-de-vries",
        "display_name": "Sanne de Vries",
        "email": "sanne.de.vries@zuidermeer-province.example",
        "organisation": "zuidermeer-province",
        "role": "MEMBER",
    },
    {
        "key": "joris-van-dam",
        "display_name": "Joris van Dam",
        "email": "joris.van.dam@zuidermeer-province.example",
        "organisation": "zuidermeer-province",
        "role": "MEMBER",
    },
    {
        "key": "beatriz-almeida",
        "display_name": "Beatriz Almeida",
        "email": "beatriz.almeida@nova-serra-municipality.example",
        "organisation": "nova-serra-municipality",
        "role": "MEMBER",
    },
    {
        "key": "caio-ribeiro",
        "display_name": "Caio Ribeiro",
        "email": "caio.ribeiro@nova-serra-municipality.example",
        "organisation": "nova-serra-municipality",
        "role": "MEMBER",
    },
    {
        "key": "achieng-odhiambo",
        "display_name": "Achieng Odhiambo",
        "email": "achieng.odhiambo@kijani-county.example",
        "organisation": "kijani-county",
        "role": "MEMBER",
    },
    {
        "key": "brian-mwangi",
        "display_name": "Brian Mwangi",
        "email": "brian.mwangi@kijani-county.example",
        "organisation": "kijani-county",
        "role": "MEMBER",
    },
    {
        "key": "giulia-ferraro",
        "display_name": "Giulia Ferraro",
        "email": "giulia.ferraro@meridian-space-agency.example",
        "organisation": "meridian-space-agency",
        "role": "MEMBER",
    },
    {
        "key": "alessandro-conti",
        "display_name": "Alessandro Conti",
        "email": "alessandro.conti@meridian-space-agency.example",
        "organisation": "meridian-space-agency",
        "role": "MEMBER",
    },
    {
        "key": "thandiwe-mokoena",
        "display_name": "Thandiwe Mokoena",
        "email": "thandiwe.mokoena@southern-skies-space-agency.example",
        "organisation": "southern-skies-space-agency",
        "role": "MEMBER",
    },
    {
        "key": "pieter-van-der-merwe",
        "display_name": "Pieter van der Merwe",
        "email": "pieter.van.der.merwe@southern-skies-space-agency.example",
        "organisation": "southern-skies-space-agency",
        "role": "MEMBER",
    },
]

THREADS: list[dict] = [
    {
        "key": "sme-access-net-zero-procurement",
        "kind": "CHALLENGE",
        "title": "Challenge-based procurement for net-zero districts without shutting out SMEs",
        "author": "lucia-navarro",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT", "GOVERNMENT_DEPARTMENT"],
        "topics": ["procurement", "climate", "cities", "green-transition"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 212,
        "body": """\
We are preparing the second round of procurement for Valmera's climate-neutral city mission. In
the first round we bought retrofit services for public buildings in the three pilot districts
using conventional tenders. It worked, but it rewarded the usual large contractors and did very
little to build the local market we actually need for the next ten years.

For round two we want to describe **outcomes** instead of specifications: "reduce heat demand
of a 1970s school block by 60% while it stays in use", "shade and cool a public square without
adding energy load". Our procurement colleagues are supportive but worried about three things:

1. **SME participation.** Outcome-based lots tend to be large and risky. Small local firms told
   us in market dialogue that they cannot carry performance risk for five years.
2. **Comparability of bids.** If every bidder proposes a different solution, how do we score
   them fairly and defend the decision if challenged?
3. **Capacity on our side.** We have two procurement officers for the whole mission.

Has anyone designed challenge-based lots that deliberately leave room for SMEs — for example
through consortia, smaller lots, staged contracts or paying for a first phase of prototyping? I
would also like to hear what you did about performance guarantees.

Our market dialogue summary is here: [Valmera round-two market
dialogue](https://valmera-city-council.example/mission/market-dialogue-round-two).""",
        "replies": [
            {
                "author": "sanne-de-vries",
                "hours_after": 6,
                "accepted": False,
                "body": """\
We faced exactly this in Zuidermeer with circular construction. Two things helped. First, we
split the challenge into a **paid exploration phase** (small contracts, around €40k each, open
to anyone who could show a credible idea) and a delivery phase for which only the exploration
participants could bid. SMEs got paid to develop their idea and learned what we meant by the
outcome. Second, we let consortia form *after* the exploration phase, so small firms could team
up with a contractor who could carry the guarantee.

Scoring was the hardest part. We published a scoring grid with weights before the exploration
phase and stuck to it.""",
            },
            {
                "author": "lucas-marchetti",
                "hours_after": 20,
                "accepted": True,
                "body": """\
A few thoughts from the research side, because this is a very common tension in mission
procurement.

The underlying question is **who carries which risk, and whether you pay for it**. Outcome
specifications transfer design risk to suppliers, which is right, but if you also transfer all
performance risk over five years you select for balance sheets rather than ideas. Staged
procurement (pre-commercial phase, then a commercial phase for the best performers) separates
those risks: you pay for learning in stage one and buy performance in stage two.

On comparability: score the *evidence that the proposal will reach the outcome*, not the
solution itself. A short list of criteria works — plausibility of the outcome claim,
measurement plan, use and maintenance burden, and local value — with an independent technical
panel.

On your own capacity: two officers cannot run this alone. Several cities borrow a "mission
procurement buddy" from a peer that has done it before. It is also a legitimate item in your
mission budget; procurement is part of the mission, not overhead.

There is a short guide we wrote with three cities: [staged procurement for
missions](https://ipv-institute.example/guides/staged-procurement).""",
            },
            {
                "author": "jordi-puig",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Colleague from Valmera here. To add to what Lucía wrote: the legal team's biggest worry is that
the delivery phase looks like a restricted procedure. If anyone has legal opinions on linking
an exploration phase to a later delivery phase under EU rules, that would help us a lot.""",
            },
            {
                "author": "ciaran-doyle",
                "hours_after": 46,
                "accepted": False,
                "body": """\
On the legal point: we are preparing an innovation partnership for something similar, and the
procedure covers exactly this sequence — research and development phases, then purchase from
the partners who remain. It is heavier to set up, but the legal basis is clear. Happy to share
our draft tender notice and the internal legal note off-forum.""",
            },
            {
                "author": "lucia-navarro",
                "hours_after": 70,
                "accepted": False,
                "body": """\
Thank you all. We are going with a staged approach: a paid exploration phase with five small
contracts per challenge, consortia allowed from phase two, and a published scoring grid.
Ciarán, I will send you a message about the legal note. I will report back on what happens.""",
            },
        ],
    },
    {
        "key": "green-loan-conditionality",
        "kind": "CHALLENGE",
        "title": "Tying loan conditions to mission outcomes without scaring away borrowers",
        "author": "ingrid-solberg",
        "pillars": ["RISKS_AND_REWARDS", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["PUBLIC_BANK"],
        "topics": ["conditionality", "public-finance", "green-transition"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 180,
        "body": """\
Our board has asked us to make our lending to shipping and maritime suppliers more clearly
**mission-oriented**: instead of financing whatever is bankable and "green enough", we should
finance what moves the value chain towards zero-emission shipping by 2040.

The concrete proposal on the table is to add conditions to loans above a certain size:

- a credible transition plan for the borrower, with milestones we review annually;
- reinvestment of a share of profits into R&D or skills in the domestic supply chain;
- a margin ratchet: the interest rate goes down if milestones are met and up if they are
  missed.

Our relationship managers are nervous. Commercial banks are lending to the same clients without
conditions, and they fear we will simply lose the good clients and keep the weak ones.

I would like to hear from other public banks:

1. Which conditions did you actually manage to attach, and which did you drop?
2. How did you verify compliance without building a huge monitoring team?
3. Did you see clients walk away, and did that matter?""",
        "replies": [
            {
                "author": "katharina-vogel",
                "hours_after": 5,
                "accepted": False,
                "body": """\
We introduced transition-plan requirements for our industrial lending two years ago. We lost a
few clients at the start, mostly those who wanted cheap money for business as usual — which is
arguably the point. What we did not anticipate was that the plans themselves became a useful
conversation starter: for several mid-sized firms it was the first time anyone had asked them
for a decarbonisation plan.

Reinvestment conditions were much harder. We dropped them for loans and kept them only for
equity and mezzanine deals.""",
            },
            {
                "author": "mei-lin-tan",
                "hours_after": 22,
                "accepted": True,
                "body": """\
This is one of the central questions in the research on public banks, so let me offer a
framing.

A public bank is not only filling a financing gap; it can **shape the market** by choosing what
it finances and on what terms. Conditions are how directionality is written into a contract.
But conditions only bite if the bank offers something private lenders do not: longer tenors,
patience through technology risk, first-loss positions, or simply a signal that crowds in
others. If your offer is the same money at the same price, conditions will indeed push clients
away.

So I would design the package the other way round: start from **what only you can offer** to
this sector (for example, long-tenor finance for ammonia-ready retrofits that commercial banks
will not touch), and attach the conditions there. Keep conditions few and measurable; a margin
ratchet linked to two or three verifiable indicators is much easier to monitor than a broad
reinvestment clause.

On verification, several banks piggy-back on data the borrower already reports to the maritime
regulator, plus an annual sample audit. That keeps the monitoring team small.""",
            },
            {
                "author": "erik-haugland",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Colleague of Ingrid's here. Mei Lin's point about "what only we can offer" is exactly the
debate we had internally last week. Our clearest additionality is in retrofits and in
first-of-a-kind vessels, not in plain fleet renewal.""",
            },
            {
                "author": "luana-tavares",
                "hours_after": 52,
                "accepted": False,
                "body": """\
At Banco Verde we attach conditions to credit lines for agribusiness (deforestation-free supply
chains, verified by satellite monitoring). Clients did walk away at first. After two years,
several came back because their export buyers started asking for the same thing. Conditions
that anticipate where the market is going are easier to defend than conditions that only
reflect our preferences.""",
            },
            {
                "author": "ingrid-solberg",
                "hours_after": 75,
                "accepted": False,
                "body": """\
Very helpful. We will narrow the conditions to the products where we are clearly additional and
use regulator data for verification. Luana, the point about anticipating where buyers go is
something I will use with our board.""",
            },
            {
                "author": "adaeze-nwosu",
                "hours_after": 140,
                "accepted": False,
                "body": """\
Late to this, but one addition: in our co-financing we publish the conditions in a standard
term sheet. It reduces negotiation time and stops the perception that the bank is being
arbitrary with individual clients.""",
            },
        ],
    },
    {
        "key": "evaluating-market-shaping-beyond-cba",
        "kind": "CHALLENGE",
        "title": "How do we evaluate the market-shaping effect of our green investments?",
        "author": "katharina-vogel",
        "pillars": ["ASSESSMENT"],
        "organisation_types": ["PUBLIC_BANK", "GOVERNMENT_DEPARTMENT"],
        "topics": ["evaluation", "market-shaping", "metrics", "public-finance"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 150,
        "body": """\
Every year our shareholder ministry asks us for an evaluation of our promotional programmes.
The format is essentially a **static cost-benefit analysis**: loan volume, leverage ratio,
tonnes of CO2 avoided per euro, and an estimate of the "subsidy element" compared with market
rates.

The problem: the most important thing we did in the last five years does not show up in that
analysis. Our early, large commitment to heat pump manufacturing and to industrial
electrification helped **create a market** — suppliers scaled up, prices fell, commercial banks
started lending in the segment without us. In a CBA framework that success looks like *crowding
out* at the start and *no additionality* at the end.

I am looking for practical approaches, not only theory:

- What indicators capture market creation and shaping over time (for example price
  trajectories, number of private lenders entering a segment, supplier capacity)?
- How do you deal with attribution when many public actors push in the same direction?
- Has anyone convinced a finance ministry to accept a different evaluation format?

We have a small evaluation unit (four people) and good loan-level data, but little data on the
wider market.""",
        "replies": [
            {
                "author": "amara-okafor",
                "hours_after": 4,
                "accepted": False,
                "body": """\
Thank you for putting this so clearly; it is exactly the gap we see in the literature and in
practice.

A static CBA assumes the market is given and asks whether the public intervention is worth its
cost *within* that market. Market-shaping changes the market itself, so the counterfactual is
wrong from the start. Two shifts help:

1. **Evaluate dynamically.** Look at trajectories rather than snapshots: cost curves, the entry
   of private financiers, supplier investment, the share of deals you no longer need to do.
2. **Evaluate the portfolio, not the loan.** Market-shaping results come from a set of
   coordinated bets; measuring each loan in isolation will always miss it.

I will write a longer note on indicators later today.""",
            },
            {
                "author": "matthias-brenner",
                "hours_after": 7,
                "accepted": False,
                "body": """\
From inside the same bank: the shareholder ministry does accept some narrative, but the numbers
table is what travels up to the minister. So whatever we propose needs to produce a small set
of numbers that can be compared year on year.""",
            },
            {
                "author": "mette-kjaergaard",
                "hours_after": 26,
                "accepted": False,
                "body": """\
We have been developing exactly this kind of indicator set with two agencies. A short version
of what we use for "market formation" in a segment:

- **Price and cost trajectory** of the key technology relative to the incumbent (from public
  price data or supplier surveys).
- **Private finance share**: proportion of new deals in the segment without a public lender,
  tracked annually.
- **Number and size of suppliers** and their announced capacity investments.
- **Standardisation**: are contracts, warranties or technical standards becoming standard? This
  is a good early sign that the market is maturing.
- **Your own exit**: declining share of your finance in the segment over time, *after* an
  initial increase, is a success indicator, not a failure.

None of these proves causality. We combine them with **contribution analysis**: a documented
theory of how your actions were expected to shape the market, and evidence for and against each
step.""",
            },
            {
                "author": "katharina-vogel",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Mette, the point that our declining share is a success indicator is exactly the argument we
need. In the current format it would be reported as falling volumes.""",
            },
            {
                "author": "amara-okafor",
                "hours_after": 40,
                "accepted": True,
                "body": """\
The longer note I promised. I would propose a **two-layer evaluation** to the ministry:

**Layer 1 — the table they already expect**, but with two additions: a line on the private
finance share in each target segment, and a line on the cost trajectory. This keeps continuity
and satisfies the need for comparable numbers Matthias mentioned.

**Layer 2 — a market-shaping review every three years** per mission area, using contribution
analysis. It asks: what was the intended change in the market, what did we do, what happened,
what else could explain it. It is qualitative *and* quantitative, and it is explicitly about
learning, not only accountability.

On attribution: stop trying to attribute. Claim *contribution* and be honest about the other
actors. Ministries tend to accept this if the theory of change was written *before* the
investments, not reconstructed afterwards. So the most important step for your next programme
is to write down, now, what market change you expect and how you would recognise it.

A related working paper on evaluating public investment banks dynamically: [dynamic evaluation
of mission finance](https://ipv-institute.example/working-papers/dynamic-evaluation).""",
            },
            {
                "author": "karin-sjoberg",
                "hours_after": 52,
                "accepted": False,
                "body": """\
Speaking as a ministry: we would welcome something like Amara's layer 2. The problem on our
side is that our finance ministry's guidance only knows CBA. If a couple of public banks and
ministries in the network produced a joint proposal, it would be much easier to take to them
than each of us arguing alone.""",
            },
            {
                "author": "owen-gallagher",
                "hours_after": 56,
                "accepted": False,
                "body": """\
Karin, that sounds like a good topic for a working group. If three or four organisations are
interested, the secretariat can support a short joint paper. Reply here or send me a message.""",
            },
            {
                "author": "nora-bakken",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Nordic Mission Bank would join. We have the same issue with our maritime portfolio: our most
successful early bets now look like declining volumes, and the current format cannot tell the
difference between a market we helped create and one we failed to reach.""",
            },
            {
                "author": "luana-tavares",
                "hours_after": 75,
                "accepted": False,
                "body": """\
Banco Verde too. One addition for the indicator list: in our context, **the number of
first-time borrowers** in a segment (small farmers, cooperatives) is an important sign that the
market is widening, not only deepening.""",
            },
            {
                "author": "jonas-thygesen",
                "hours_after": 96,
                "accepted": False,
                "body": """\
Coming to this late. One caution for the indicator set: cost curves fall for many reasons,
including global developments you had nothing to do with. Pair each indicator with a **local
comparison** where possible: a neighbouring country or a segment you did not target. It is not
a counterfactual in the strict sense, but it disciplines the contribution story.""",
            },
            {
                "author": "katharina-vogel",
                "hours_after": 190,
                "accepted": False,
                "body": """\
Update for those who asked: the ministry has agreed to pilot the two-layer format for our
industrial decarbonisation programme next year. The working group paper helped. Thank you all —
I will share the first market-shaping review when it is done.""",
            },
        ],
    },
    {
        "key": "equity-stake-terms-clean-hydrogen",
        "kind": "CHALLENGE",
        "title": "Terms for a minority equity stake in a clean hydrogen scale-up",
        "author": "matthias-brenner",
        "pillars": ["RISKS_AND_REWARDS"],
        "organisation_types": ["PUBLIC_BANK", "GOVERNMENT_DEPARTMENT", "INTERNATIONAL_AGENCY"],
        "topics": ["equity-stakes", "risk-sharing", "energy", "conditionality"],
        "visibility": "MEMBERS",
        "closed": False,
        "days_ago": 120,
        "body": """\
Shared in the members-only space because the deal is not public yet.

We are negotiating a minority equity stake (around 15%) in an electrolyser manufacturer that
has received substantial public grants over the last six years, from us and from the research
ministry. The company now needs growth capital to build its first large-scale factory. Private
investors are in, but they want the public side to take a big chunk of the risk.

Our mandate allows equity, and our board is keen that this time **the public gets a share of
the upside**, not only the risk. The options on the table:

- ordinary shares with a board seat;
- a golden share or veto on relocation of the factory and sale of key IP;
- conditions on reinvesting profits in the domestic production base;
- a ratchet that increases our share if public grants above a threshold are used.

The private investors accept a board observer seat but push back hard on anything that
restricts exit or IP. What have others negotiated in similar deals? Which terms were worth
fighting for and which were symbolic?""",
        "replies": [
            {
                "author": "erik-haugland",
                "hours_after": 8,
                "accepted": False,
                "body": """\
We have two such stakes in maritime tech. Our experience: the **relocation clause** is the one
that matters most to the public and can usually be agreed if it is time-limited (we have seven
years). Restrictions on selling IP were fought much harder; we ended up with a right of first
refusal instead of a veto.""",
            },
            {
                "author": "amara-okafor",
                "hours_after": 24,
                "accepted": True,
                "body": """\
The way I would frame the negotiation: the public has already taken early-stage risk through
six years of grants. The question is not whether to ask for a return, but **what form of return
best serves the mission**.

- **Financial return** (ordinary shares) lets you recycle gains into the next generation of
  investments. Worth having, but don't make it the only thing.
- **Directional return**: keeping production and know-how in a place where it supports the
  wider industrial transition. This is where relocation clauses and rights of first refusal on
  IP belong.
- **Access return**: conditions on pricing or supply for public projects, or on licensing IP on
  fair terms to other domestic users if the company stops using it.

Investors resist open-ended restrictions. They accept conditions that are **specific,
time-limited and tied to public money received**. Making the link to the prior grants explicit
in the term sheet helps: it frames the conditions as the price of public money already spent,
not as new interference.

I would fight for relocation and for IP licensing if unused, and be flexible on the board seat.""",
            },
            {
                "author": "pierre-alain-dufour",
                "hours_after": 30,
                "accepted": False,
                "body": """\
In our co-investments we learnt that a **use-it-or-license-it clause** on IP is far easier to
get agreed than a veto. It addresses the real public concern (knowledge funded publicly gets
shelved or sold off) without blocking a normal exit.""",
            },
            {
                "author": "matthias-brenner",
                "hours_after": 48,
                "accepted": False,
                "body": """\
Thank you — this is very useful. We will prioritise a seven-year relocation clause, a
use-it-or-license-it clause for IP developed with public grants, and ordinary shares without a
veto. The ratchet idea we will drop.""",
            },
            {
                "author": "valentina-rojas",
                "hours_after": 100,
                "accepted": False,
                "body": """\
Following this with interest for our green hydrogen mission. We expect similar negotiations
within a year and have no precedent at home. If you can share the general structure of the term
sheet once the deal is closed, we would value it a lot.""",
            },
        ],
    },
    {
        "key": "ip-conditionality-health-rd-grants",
        "kind": "CHALLENGE",
        "title": "Conditions on IP and pricing in health R&D grants: how far can we go?",
        "author": "aroha-whaanga",
        "pillars": ["RISKS_AND_REWARDS", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["GOVERNMENT_DEPARTMENT", "RESEARCH_INNOVATION_AGENCY"],
        "topics": ["conditionality", "health", "regulation", "risk-sharing"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 95,
        "body": """\
Our mission is **equitable access to new treatments** for the whole population, including rural
and indigenous communities who currently get new treatments years later than others, if at all.

We fund a lot of early-stage health research. When something works, it is licensed to a
company, developed further, and sold back to our health system at a price that often has little
to do with the public investment that made it possible. Ministers are now asking us to attach
conditions to our grants, for example:

- access and affordability commitments for products that result from the funded research;
- a requirement to supply our health system at a price that reflects public contribution;
- non-exclusive licensing for public-health uses.

Researchers and universities worry this will make their discoveries unattractive to licensees,
and our tech-transfer offices are sceptical.

Has anyone implemented conditions like these in practice? How were they worded, how were they
enforced, and did they affect licensing?""",
        "replies": [
            {
                "author": "benjamin-hart",
                "hours_after": 12,
                "accepted": False,
                "body": """\
We added an **access plan requirement** to our antimicrobial resistance grants: any licensee
must submit a plan for access and stewardship before commercialisation. It is softer than
pricing conditions, but it was accepted by universities and gave us a hook for negotiation
later.""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 30,
                "accepted": True,
                "body": """\
Two principles I would suggest, drawing on what we have seen across several funders.

**First, make conditions proportional to the public share of risk.** A grant that funded basic
research that was years from a product justifies different conditions than a grant that took a
product through clinical trials. A tiered approach — light obligations at the early stage,
stronger access and pricing commitments the closer you fund to market — is easier to defend to
researchers and licensees.

**Second, write conditions that survive the licensing chain.** Conditions in the grant
agreement bind the university; they only reach the company if the university is required to
pass them on in licences. Provide model clauses for tech-transfer offices so they do not have
to invent their own.

On the fear that conditions deter licensees, the evidence is mixed; what deters them most is
*uncertainty*. Clear, published, standard clauses do far less damage than vague "reasonable
pricing" language negotiated case by case.

This is a case where the "rewards" half of risks and rewards is essentially about the public
value of the product, not a financial return.""",
            },
            {
                "author": "james-mcallister",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Colleague of Aroha's. Kwame's point about the licensing chain is the gap in our current draft;
we only changed the grant agreement. We will draft model licence clauses with two universities.""",
            },
            {
                "author": "aroha-whaanga",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Thank you both. We will move to a tiered approach and a set of model clauses, and test them
with the tech-transfer offices before the next funding round.""",
            },
        ],
    },
    {
        "key": "portfolio-approach-inside-ministry",
        "kind": "CHALLENGE",
        "title": "Moving from single projects to a portfolio approach inside a ministry",
        "author": "karin-sjoberg",
        "pillars": ["ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["GOVERNMENT_DEPARTMENT"],
        "topics": ["portfolio", "capabilities", "governance", "experimentation"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 200,
        "body": """\
Our ministry leads the mission on fossil-free heavy industry. In practice, the mission is still
run as a list of separate projects: a grant scheme here, a pilot there, a regulatory review
somewhere else. Each has its own owner, budget line and reporting. Nobody sees the whole, and
nobody can move money from a project that is clearly not working to one that is.

We want to move to a **portfolio approach**: a set of interventions managed together against
the mission, with regular reviews where we decide what to scale, change or stop. Management
likes the idea. The obstacles are very practical:

- budget lines are fixed for the year and tied to specific schemes;
- project owners are evaluated on delivering *their* project, so nobody volunteers to be
  stopped;
- we do not have people who know how to run a portfolio review.

How have others set this up inside a ministry (not an agency)? I am particularly interested in
what the **portfolio review meeting** looks like in practice and who sits in it.""",
        "replies": [
            {
                "author": "hannah-whitcombe",
                "hours_after": 10,
                "accepted": False,
                "body": """\
This is a capabilities question as much as a process one. A portfolio approach needs the
organisation to be able to sense what is happening across projects, make sense of it together,
and reallocate — what the literature calls dynamic capabilities. The review meeting is where
those come together. I'll come back with something more concrete.""",
            },
            {
                "author": "miriam-eder",
                "hours_after": 22,
                "accepted": False,
                "body": """\
We reorganised our agency into mission portfolios last year. The portfolio review is every four
months, half a day, with the portfolio lead, project leads, someone from finance and one
external member. The rule that helped most: each project presents **what it has learned**, not
what it has done. "Stop" decisions are framed as the portfolio learning something, and the
project lead is credited for it.""",
            },
            {
                "author": "hannah-whitcombe",
                "hours_after": 34,
                "accepted": True,
                "body": """\
Following up with something concrete. Three design choices that matter most in a ministry
setting:

1. **Create a small flexible reserve.** Even 10-15% of the mission budget that is not
   pre-allocated makes reallocation real. Without it, portfolio reviews turn into status
   meetings.
2. **Change what people are accountable for.** Project owners should be assessed on the quality
   of learning and on how their project contributes to the mission, not only on delivery. HR
   needs to be involved early; this is often the forgotten step.
3. **Give the portfolio review real authority.** It should be able to recommend reallocations
   that the budget holder then implements. Include someone from your finance unit as a member,
   not a guest.

On skills: the skills you need are sense-making, synthesis across projects, and facilitation of
difficult conversations. These can be built; pairing your staff with an agency that already
runs portfolio reviews (Miriam's, for example) for two or three cycles is a cheap way to do it.""",
            },
            {
                "author": "karin-sjoberg",
                "hours_after": 50,
                "accepted": False,
                "body": """\
Thank you Hannah and Miriam. The flexible reserve is the point I can take to our budget
director next week. Miriam, could we observe one of your review meetings?""",
            },
            {
                "author": "miriam-eder",
                "hours_after": 55,
                "accepted": False,
                "body": """\
Of course. Our next one is in early spring; I will send you the details. Bring one of your
project owners if you can — seeing a colleague present a "stop" decision without losing face is
more convincing than any slide about it.""",
            },
            {
                "author": "olof-nystrom",
                "hours_after": 120,
                "accepted": False,
                "body": """\
An update from Karin's team: the budget director accepted a 12% reserve for next year, on the
condition that every reallocation is documented with reasons. That seems fair.""",
            },
        ],
    },
    {
        "key": "cross-department-mission-governance",
        "kind": "CHALLENGE",
        "title": "Who owns a mission that spans five departments?",
        "author": "siobhan-murphy",
        "pillars": ["ORGANISATIONAL_CAPACITY", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["GOVERNMENT_DEPARTMENT", "LOCAL_REGIONAL_GOVERNMENT"],
        "topics": ["governance", "capabilities", "housing", "climate"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 170,
        "body": """\
Our government adopted a mission on **climate-neutral, affordable housing** eighteen months
ago. It cuts across at least five departments: housing, climate and energy, finance, enterprise
(us), and local government, plus the planning system and the local authorities that actually
deliver.

The mission has a cabinet-level sponsor and a steering group of secretaries-general that meets
quarterly. In practice:

- each department reports its existing programmes under the mission label;
- no one has a budget for the mission as such;
- the mission team (four people, sitting in our department) has no authority over other
  departments' programmes;
- local authorities say they hear about the mission only through consultations.

We are now asked to propose a better governance model before the mid-term review. Options
people have mentioned: a mission board with a dedicated budget, a lead department with pooled
budgets, an arms-length mission agency, or strengthening the centre of government.

What has worked elsewhere, and what would you avoid? Real experiences much more welcome than
organigrams.""",
        "replies": [
            {
                "author": "rafael-dominguez",
                "hours_after": 6,
                "accepted": False,
                "body": """\
Before choosing a structure, it may help to ask what the governance needs to *do*. For a
mission like this: set direction across departments, coordinate a portfolio, reallocate
resources, and keep delivery partners (here the local authorities) in the loop. Different
models are good at different functions. I will write up a comparison.""",
            },
            {
                "author": "sanne-de-vries",
                "hours_after": 14,
                "accepted": False,
                "body": """\
From the local side: please give local authorities a seat where decisions are made, not only
where information is shared. We are the ones who own the land, issue permits and know which
estates are ready. In our national housing mission we have two seats on the mission board and
it changed the conversation.""",
            },
            {
                "author": "karin-sjoberg",
                "hours_after": 20,
                "accepted": False,
                "body": """\
We have a similar setup for the heavy industry mission. The steering group of senior officials
works for *escalation* — clearing blockages that one department cannot solve alone — but it is
useless for day-to-day coordination. What helped was a **mission team with seconded staff from
each department**, who remain employed by their home department but work together on the
mission three days a week.""",
            },
            {
                "author": "rafael-dominguez",
                "hours_after": 40,
                "accepted": True,
                "body": """\
The comparison I promised, based on a dozen missions we have followed:

- **Steering group only**: good for legitimacy and escalation, weak on coordination and
  resources. This is roughly what you have now, and the symptoms you describe are typical.
- **Lead department with pooled budget**: works when one department clearly owns most of the
  levers. For housing it risks alienating climate and finance.
- **Arms-length mission agency**: strong on delivery focus, but slow to set up and can
  disconnect the mission from ministerial accountability.
- **Centre of government unit**: strong convening power, but often lacks depth and is
  vulnerable to political cycles.

What we see working best is a **hybrid**: a small mission unit at or near the centre with a
modest pooled budget (even a few percent of total mission spending) used to fund
cross-departmental work, seconded staff from each department as Karin describes, and delivery
partners — here the local authorities — formally on the board. The pooled budget matters more
than its size suggests: it is the only money that the mission as such can steer.

Also worth fixing: the **reporting**. If departments can relabel existing programmes, they
will. Ask them to report what they have *changed* because of the mission.""",
            },
            {
                "author": "ciaran-doyle",
                "hours_after": 44,
                "accepted": False,
                "body": """\
Colleague of Siobhán's. The "report what you have changed" suggestion is gold. Our current
mission report is 90 pages of relabelled programmes, and nobody, including us, can say from
reading it whether the mission has made any difference to what departments do.""",
            },
            {
                "author": "fatima-hussain",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Our combined authority runs a health mission across nine boroughs and the regional health
service. Seconded staff plus a small pooled fund is also our model. One warning: secondments
need a clear end date and a route back, or good people will not volunteer.""",
            },
            {
                "author": "camille-laurent",
                "hours_after": 80,
                "accepted": False,
                "body": """\
In our peer reviews of national missions, the single best predictor of cross-government
coordination was whether there was **any budget that only the mission could spend**. Rafael's
point matches what we see.""",
            },
            {
                "author": "siobhan-murphy",
                "hours_after": 110,
                "accepted": False,
                "body": """\
Thank you all. Our proposal for the mid-term review: a mission unit at the centre of
government, a pooled fund of 3% of mission-tagged spending, seconded staff from the five
departments with two-year terms, and two seats for local government on the board. Plus a new
reporting template on "what changed". Fingers crossed.""",
            },
            {
                "author": "aoife-brennan",
                "hours_after": 900,
                "accepted": False,
                "body": """\
For anyone following: the proposal was accepted with one change — the pooled fund starts at 2%
and rises if the first year is evaluated positively. Not bad.""",
            },
        ],
    },
    {
        "key": "healthy-ageing-city-mission-metrics",
        "kind": "CHALLENGE",
        "title": "Measuring progress on a healthy-ageing mission when the outcome is 15 years away",
        "author": "fatima-hussain",
        "pillars": ["ASSESSMENT", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT"],
        "topics": ["health", "cities", "metrics", "evaluation", "citizen-engagement"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 75,
        "body": """\
Our mission is to **add five healthy years to life expectancy in our poorest neighbourhoods by
2040**. We chose healthy life expectancy because it is what matters to people, but it moves
slowly and is only reliably measured every few years. Our political leadership changes every
four years and wants to see progress.

We currently run around twenty projects under the mission: home adaptations, social
prescribing, active travel around schools, a community health worker programme, and some work
with employers on flexible retirement.

We need a measurement framework that:

- shows whether we are on track long before 2040;
- connects individual projects to the mission without pretending that each project "adds x days
  of healthy life";
- includes what residents themselves think is changing.

How have others built **intermediate indicators** for long-horizon missions? And how did you
stop the framework turning into a list of 80 KPIs?""",
        "replies": [
            {
                "author": "kwame-asante",
                "hours_after": 6,
                "accepted": True,
                "body": """\
A structure we have found useful for long-horizon missions has three levels:

1. **Mission outcome** — healthy life expectancy, reported whenever new data arrive. You don't
   manage to it month by month, but you keep it visible.
2. **System conditions** — five to eight indicators of the conditions that drive the outcome
   and move within one or two years: for example falls among over-65s, social isolation scores,
   physical activity, emergency admissions for preventable conditions, employment among
   55-67-year-olds.
3. **Portfolio signals** — for each project, what it is learning and whether it is moving one
   of the system conditions. This is where qualitative evidence and resident voice belong.

The discipline that stops it becoming 80 KPIs: each system condition needs an owner and a
reason why you expect it to move. If no one can explain how a project influences any of the
system conditions, that is useful information for the portfolio, not a measurement problem.

On resident voice: a standing **residents' panel** that reviews the system indicators each year
and adds its own assessment is much richer than a satisfaction survey.""",
            },
            {
                "author": "gareth-pryce",
                "hours_after": 10,
                "accepted": False,
                "body": """\
Colleague of Fatima. We tried something like Kwame's level 3 with two projects and it worked
better than expected: the social prescribing team found that their real effect was on
isolation, not on GP visits, which is what we had been measuring.""",
            },
            {
                "author": "lucia-navarro",
                "hours_after": 28,
                "accepted": False,
                "body": """\
Valmera does something similar for climate neutrality: the mission outcome is emissions in
2030, the system conditions are things like share of buildings retrofitted and car kilometres
in the districts. Our residents' assemblies review the dashboard twice a year. The politicians
like it because it gives them progress to talk about that residents recognise.""",
            },
            {
                "author": "aroha-whaanga",
                "hours_after": 50,
                "accepted": False,
                "body": """\
For equity: make sure every system condition is reported **by neighbourhood and by group**. An
average that improves while the gap widens would undermine the whole point of the mission.""",
            },
            {
                "author": "fatima-hussain",
                "hours_after": 96,
                "accepted": False,
                "body": """\
This is exactly what I needed. We will go with three levels, seven system conditions with named
owners, breakdowns by neighbourhood, and a residents' panel. Thanks all.""",
            },
        ],
    },
    {
        "key": "space-agency-anchor-customer-contracts",
        "kind": "CHALLENGE",
        "title": "Anchor customer contracts for commercial Earth observation: structuring the risk",
        "author": "giulia-ferraro",
        "pillars": ["RISKS_AND_REWARDS", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["SPACE_AGENCY", "PUBLIC_BANK"],
        "topics": ["space", "procurement", "risk-sharing", "market-shaping"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 130,
        "body": """\
We want to move from building and operating our own Earth observation satellites to **buying
data and services** from domestic commercial operators, acting as an anchor customer. The aim
is to grow a commercial sector that can also sell abroad, while making sure our public users —
civil protection, agriculture, environment — get what they need.

The draft model is a multi-year data purchase agreement with a guaranteed minimum volume,
priced per image or per service, with performance requirements.

Questions we are struggling with:

- How much should the guaranteed volume be? Too little and no one can raise investment; too
  much and we are just paying for a satellite we don't own.
- What happens if an operator fails halfway? Civil protection cannot be without data during a
  flood season.
- Should we ask for anything in return for being the anchor customer — data access for
  researchers, a share of export revenues, priority tasking in emergencies?

Any experience with anchor-tenancy contracts, in space or elsewhere, is welcome.""",
        "replies": [
            {
                "author": "thandiwe-mokoena",
                "hours_after": 9,
                "accepted": False,
                "body": """\
We are about a year behind you on the same path. What we learned from our first tender:
operators valued **predictability** more than price. A five-year framework with a lower
guaranteed volume was preferred over a high volume for two years.""",
            },
            {
                "author": "pieter-van-der-merwe",
                "hours_after": 14,
                "accepted": False,
                "body": """\
On continuity: we contract with at least two operators for any service that civil protection
depends on, and keep a small fallback budget for buying from international providers in an
emergency. It is more expensive but nobody in the agency would accept a single point of
failure.""",
            },
            {
                "author": "lucas-marchetti",
                "hours_after": 30,
                "accepted": True,
                "body": """\
Anchor customer contracts are a good example of procurement as a market-shaping tool, and also
of why the risks and rewards need to be balanced explicitly.

On **volume**: size the guarantee to the investment you want to make possible, not to your
consumption. A common approach is to guarantee enough to cover a significant part of the
operator's debt service during the first years, with an option on additional volumes. That
keeps you from paying for a satellite you don't own while making the business financeable.

On **returns**: being the anchor customer is a form of public risk-taking, so asking for
something in return is legitimate. The returns that tend to work are non-financial and close to
your mission: priority tasking in emergencies, open licences for research use of older data,
and commitments on keeping data processing capacity in the country. Revenue shares on exports
are possible but hard to monitor and can deter investors.

On **failure**: make step-in rights and data escrow part of the contract, plus dual sourcing as
Pieter describes.""",
            },
            {
                "author": "giulia-ferraro",
                "hours_after": 52,
                "accepted": False,
                "body": """\
Thank you. We will size the guarantee to debt service in years one to four, ask for priority
tasking and open research licences, and dual-source the critical services.""",
            },
        ],
    },
    {
        "key": "green-steel-directionality",
        "kind": "CHALLENGE",
        "title": (
            "Setting directionality for a green steel mission: targets, standards or lead markets?"
        ),
        "author": "olof-nystrom",
        "pillars": ["ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["GOVERNMENT_DEPARTMENT", "PUBLIC_BANK"],
        "topics": [
            "industrial-strategy",
            "green-transition",
            "climate",
            "regulation",
            "market-shaping",
        ],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 60,
        "body": """\
Our fossil-free heavy industry mission has a clear headline: **near-zero-emission steel
production in the country by 2035**. Two large producers have announced hydrogen-based plants,
and a start-up is building a smaller one. The investment decisions are now close, and everyone
is asking the government the same question: *will there be a market for green steel at a
premium?*

We are considering several instruments to give a clear direction:

- a **lead market** through public procurement — requiring a share of low-emission steel in
  public construction and infrastructure from 2028;
- a **product standard** or label for low-emission steel, so buyers can tell the difference;
- **carbon contracts for difference** to cover the cost gap for the first plants;
- a voluntary **buyers' club** with car makers and construction firms.

The finance ministry worries about cost and about picking winners. The producers want all of
the above. The construction sector says procurement requirements will raise costs for schools
and hospitals.

How have others sequenced these instruments? Which gave the strongest signal for the least
public money? And how do you set direction without locking in one technology?""",
        "replies": [
            {
                "author": "jonas-thygesen",
                "hours_after": 8,
                "accepted": False,
                "body": """\
Directionality is not the same as picking technologies. You can be very specific about the
*outcome* (emissions intensity per tonne, with a declining trajectory) and neutral about *how*
it is reached. A standard based on emissions intensity does exactly that: hydrogen, scrap-based
electric furnaces and carbon capture can all compete to meet it.""",
            },
            {
                "author": "katharina-vogel",
                "hours_after": 14,
                "accepted": False,
                "body": """\
From the finance side: the banks lending to these plants look first at the offtake. A public
procurement commitment that is **legally binding and starts on a known date** is worth more to
us than a larger but vaguer buyers' club. Carbon contracts for difference are the other thing
lenders understand.""",
            },
            {
                "author": "amara-okafor",
                "hours_after": 26,
                "accepted": True,
                "body": """\
I would think of the instruments as a sequence that builds a market, and be explicit about
which gap each one closes.

1. **Definition first.** Without a standard for low-emission steel, none of the other
   instruments work: procurement cannot specify it, buyers cannot pay a premium for it, and
   contracts for difference have nothing to reference. It is also cheap.
2. **Demand signal next.** Public procurement is the strongest signal you control, and the cost
   argument is weaker than it looks: steel is a small share of the cost of a school or
   hospital, so a 20-30% premium on steel adds very little to project costs. Phase it in,
   starting with infrastructure where steel content is high and the public client is
   sophisticated.
3. **Cost gap for first movers.** Contracts for difference are the most targeted tool, and make
   sense for the first plants only, with a declining support level. Tie them to conditions:
   domestic production, sharing operational data, and reinvestment.
4. **Private demand** through buyers' clubs becomes credible once the first three exist.

On picking winners: a mission picks a *direction* and lets many solutions compete; what you are
choosing is the problem, not the winner. Jonas's point about intensity-based standards is how
to do that in practice.""",
            },
            {
                "author": "olof-nystrom",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Thank you — the sequence is persuasive, and the cost argument on procurement is one our
construction colleagues had not quantified. Does anyone have numbers on the cost share of steel
in typical public buildings?""",
            },
            {
                "author": "joris-van-dam",
                "hours_after": 52,
                "accepted": False,
                "body": """\
We calculated this for our provincial construction programme: structural steel was 2-4% of
total project cost for schools and social housing, higher for bridges (up to 12%). Even a 30%
green premium adds less than 1% to most building projects.""",
            },
            {
                "author": "olof-nystrom",
                "hours_after": 70,
                "accepted": False,
                "body": """\
Very useful, thank you Joris. Our working plan is now: a standard by next year, a phased
procurement requirement from 2028 starting with transport infrastructure, and contracts for
difference for the first two plants with conditions attached.""",
            },
            {
                "author": "mette-kjaergaard",
                "hours_after": 120,
                "accepted": False,
                "body": """\
One addition for later: decide now how you will **evaluate** whether the lead market worked.
Baseline the premium, the number of suppliers and private buyers' volumes before the
requirement starts. Otherwise in 2030 you will have a debate with no data.""",
            },
        ],
    },
    {
        "key": "mission-portfolio-metrics-dashboard",
        "kind": "CHALLENGE",
        "title": "What belongs on a mission portfolio dashboard, and what does not?",
        "author": "lena-gruber",
        "pillars": ["ASSESSMENT", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["RESEARCH_INNOVATION_AGENCY"],
        "topics": ["metrics", "portfolio", "data", "evaluation"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 45,
        "body": """\
Since our reorganisation into three mission portfolios, our board wants a **portfolio
dashboard**: one page per mission, updated quarterly. The analytics team has produced a first
version with 34 indicators, including money committed and disbursed, number of projects, number
of partners, publications, patents, TRL changes, co-funding leveraged and a traffic-light
status per project.

The portfolio managers find it useless for steering. It tells them how busy they are, not
whether the portfolio is moving towards the mission. But it is also what the board understands,
and the board approves budgets.

What do other agencies show on a portfolio dashboard? In particular:

- How do you show **coherence** — whether projects add up to something — rather than only
  project status?
- How do you show **learning**, including from projects that were stopped?
- How do you keep the board satisfied while changing the conversation?

Our current draft is on the intranet, but I can share an anonymised version: [draft portfolio
dashboard](https://alpine-innovation-agency.example/portfolio/dashboard-draft).""",
        "replies": [
            {
                "author": "mette-kjaergaard",
                "hours_after": 10,
                "accepted": True,
                "body": """\
We have reviewed about a dozen portfolio dashboards. The ones that help steering share three
features:

- **Few indicators, organised by the theory of change of the portfolio.** Three to five "system
  change" indicators for the mission, a small set of input indicators, and nothing in between
  that has no link to either.
- **A map rather than a list.** Showing projects against the intervention points of the mission
  (for example, a grid of technology areas by barriers addressed) makes gaps and clusters
  visible in a way no traffic light does.
- **A learning section**: three or four sentences on what the portfolio has learned this
  quarter, including from stopped projects, and what decision follows from it.

For the board: keep the financial page they already know, and add the map and the learning
section next to it. After two or three quarters, boards usually start asking about the map, not
the traffic lights. Dropping the familiar page on day one tends to backfire.""",
            },
            {
                "author": "stefan-hofer",
                "hours_after": 14,
                "accepted": False,
                "body": """\
Colleague of Lena. We tried a portfolio map for the circular economy mission in a workshop last
month and it immediately showed that 70% of our projects address technology barriers and almost
none address regulation or business models. That was more useful than the entire dashboard.""",
            },
            {
                "author": "chloe-nguyen",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Same journey here. A tip: we added one indicator we call **"options created"** — the number of
promising directions that could be scaled if the portfolio decided to. It helps boards
understand that early projects are valuable even when they stop.""",
            },
            {
                "author": "lena-gruber",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Thanks all. We will reduce to a financial page, a portfolio map, five system-change indicators
and a learning section. Chloe, "options created" is going on the list.""",
            },
            {
                "author": "tiago-salgueiro",
                "hours_after": 150,
                "accepted": False,
                "body": """\
Late addition: whatever you do, show the dashboard to the project teams before the board. When
our teams recognised their work on the map, the quality of the data they reported improved a
lot.""",
            },
        ],
    },
    {
        "key": "recruiting-mission-managers",
        "kind": "CHALLENGE",
        "title": "Recruiting mission managers: what profile, and how do we keep them?",
        "author": "ines-moreira",
        "pillars": ["ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["RESEARCH_INNOVATION_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["skills", "capabilities", "governance"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 110,
        "body": """\
We are about to recruit four **mission managers** for our healthy oceans mission. The role is
new for us. They will manage a portfolio of projects and challenge prizes, build coalitions
with ministries, ports, fishing communities and companies, and represent the mission publicly.

Our HR department has offered the standard "programme manager" profile: project management
certification, experience with EU funding rules, a relevant degree. We don't think that is
enough. The people who have been most effective in the pilot phase are those who could talk to
a fisherman and a minister on the same day and who were comfortable changing course.

Questions:

1. What profile and competences did you specify, and how did you test them in the selection
   process?
2. What salary band and grade? Our standard grades are far below what similar people earn in
   consultancies.
3. How do you keep them? In the pilot two of our best people left after eighteen months.""",
        "replies": [
            {
                "author": "hannah-whitcombe",
                "hours_after": 8,
                "accepted": True,
                "body": """\
Your intuition is right: mission managers need a mix that standard profiles don't capture. From
our work on public-sector capabilities, I would specify three groups of competences:

- **Systems and portfolio thinking**: seeing how projects relate to each other and to the
  mission; comfort with deciding under uncertainty.
- **Boundary-spanning**: building coalitions across sectors and levels of government;
  translating between the language of scientists, businesses, communities and ministers.
- **Public-sector craft**: knowing how budgets, procurement and accountability actually work,
  so that the mission can use them rather than fight them.

To test them, use a **scenario exercise**: give candidates a messy portfolio with a failing
project and a conflict between stakeholders and ask them to propose what to do. It reveals far
more than an interview.

On retention: people leave when they lack authority and career paths, more than because of
salary. Give mission managers real decision rights over part of the portfolio budget, and make
"mission manager" a recognised career step, not a temporary assignment.""",
            },
            {
                "author": "miriam-eder",
                "hours_after": 20,
                "accepted": False,
                "body": """\
We recruited our portfolio leads last year. The scenario exercise is exactly what we did, and
it eliminated two candidates who looked excellent on paper. On salary: we got a special
allowance approved by arguing that these were new roles with no equivalent in the grading
system. It took six months.""",
            },
            {
                "author": "aoife-brennan",
                "hours_after": 34,
                "accepted": False,
                "body": """\
In our mission unit we combined permanent staff with **two-year secondments** from business and
academia. It helps with the salary gap because secondees keep their home employer, and they
bring networks. But you need permanent people to keep the memory.""",
            },
            {
                "author": "ines-moreira",
                "hours_after": 50,
                "accepted": False,
                "body": """\
Thank you, this is very helpful. We will redesign the profile around the three competence
groups, use a scenario exercise, and ask for decision rights over a portion of the budget. The
allowance route is worth a try too.""",
            },
        ],
    },
    {
        "key": "dpi-procurement-open-source-lockin",
        "kind": "CHALLENGE",
        "title": "Procuring a national identity wallet without vendor lock-in",
        "author": "kadri-tamm",
        "pillars": ["ROUTES_AND_DIRECTIONS", "RISKS_AND_REWARDS"],
        "organisation_types": ["DIGITAL_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["digital-public-infrastructure", "procurement", "market-shaping", "regulation"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 85,
        "body": """\
Our next big piece of infrastructure is a **digital identity wallet**: an app and a set of
services that let people hold and share their identity, diplomas, driving licence and other
credentials. It will be used by every public service and, we hope, by banks, employers and
universities.

For the data exchange layer we learned the hard way what lock-in means: the old version was
built by a single contractor, and although the code was formally ours, only that contractor
could change it. The rebuild with an in-house team has gone well. The wallet is harder:

- the market for wallet technology and certified secure components is dominated by a few large
  vendors;
- security certification is slow and expensive, which favours incumbents;
- private wallets will compete with ours, and the rules we set will decide whether they can.

We want open-source code, modular contracts and a healthy domestic market of smaller suppliers.
Our procurement unit says that splitting the work into many small contracts increases
coordination and security risk, and that "open source" in a tender does not guarantee anything
in practice.

How have other digital agencies procured core infrastructure so that the public side keeps
control? Which contract clauses, team structures or governance arrangements actually made a
difference, especially where certification is involved?""",
        "replies": [
            {
                "author": "seo-yeon-kim",
                "hours_after": 12,
                "accepted": False,
                "body": """\
We learned the hard way that the licence is not the issue; **capability** is. Our shared cloud
platform was open source on paper too. What changed things was building an in-house team of
engineers and architects who own the architecture and review every contribution. Suppliers then
work inside a structure we control.""",
            },
            {
                "author": "vikram-desai",
                "hours_after": 20,
                "accepted": False,
                "body": """\
Same experience. We keep the **specifications and the reference implementation** in public
hands and procure implementations against them. Any supplier can build a compliant component,
and we run a conformance test suite that is itself open. That created a market of more than
thirty vendors.""",
            },
            {
                "author": "lucas-marchetti",
                "hours_after": 36,
                "accepted": True,
                "body": """\
Both replies point to the same principle: to avoid lock-in, the public side has to own the
things that create lock-in — architecture, standards, knowledge — not only the code.

Concretely, for the tender:

- Keep **architecture and product ownership in-house**. Procure development capacity, not the
  product.
- Use **smaller, time-boxed contracts** with the same code base and standards, so suppliers can
  be replaced. The coordination risk your procurement unit mentions is real, but it is a risk
  you manage with your own team — and that is precisely the capability you need anyway.
- Require **documentation, automated tests and knowledge transfer** as deliverables with
  acceptance criteria, not as general obligations.
- Consider a **framework agreement** with several suppliers, with mini-competitions for work
  packages; it helps SMEs to enter.

Seen through the ROAR lens, this is about organisational capacity as much as risks and rewards:
the value of public digital infrastructure depends on the state's ability to steer it over
decades.""",
            },
            {
                "author": "kadri-tamm",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Thank you — we will do for the wallet what worked for the data exchange layer: architecture and
product ownership in-house, a multi-supplier framework, and documentation and tests as explicit
deliverables. Vikram, a conformance suite for wallet apps is exactly what could open the market
to smaller suppliers without lowering security; I will get in touch.""",
            },
        ],
    },
    {
        "key": "citizen-juries-mission-setting",
        "kind": "CHALLENGE",
        "title": "Citizen juries to set mission targets: how binding should the result be?",
        "author": "camila-restrepo",
        "pillars": ["ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["STRATEGIC_DESIGN_AGENCY", "LOCAL_REGIONAL_GOVERNMENT"],
        "topics": ["citizen-engagement", "governance", "cities", "climate"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 140,
        "body": """\
We are supporting a city government that wants to involve residents in setting the **targets of
its air quality and mobility mission**. The mayor likes the idea of a citizen jury: 40 randomly
selected residents, six weekends, expert input, and a set of recommendations on the level of
ambition and the main routes.

The sticking point is what happens to the recommendations. The mayor's office wants them to be
"advisory". The organisers we talked to say that if the jury has no real influence, people will
not take part seriously and trust will fall.

Questions for those who have done this:

- How binding were the results in your case, and how was that formulated beforehand?
- What exactly did the jury decide on — targets, routes, or specific measures?
- How did you connect the jury's recommendations to the technical mission work afterwards?""",
        "replies": [
            {
                "author": "rafael-dominguez",
                "hours_after": 16,
                "accepted": True,
                "body": """\
The key is to be **explicit before the jury starts** about what will happen with the results.
Three commitments we see working in practice:

1. **A public response within a fixed time**: the city commits to respond to every
   recommendation, saying whether it will be implemented, how, or why not.
2. **A clear scope**: juries are good at deciding on level of ambition and trade-offs (how
   fast, who carries the costs, what matters most), less good at choosing technical measures.
   Asking them about targets and principles for the routes fits mission setting well.
3. **A role afterwards**: a smaller group of jurors who follow implementation and report back
   to the others after a year.

"Advisory" is fine as long as these commitments are made. The loss of trust comes from
recommendations that disappear without an answer.

For missions, this is also about legitimacy of the direction: a mission set with residents is
harder to drop after the next election.""",
            },
            {
                "author": "lucia-navarro",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Valmera used a residents' assembly for our climate-neutral mission. We promised a written
response to each recommendation within three months, and implemented about two-thirds of them.
The ones we rejected we explained in a public meeting. It was uncomfortable but it worked.""",
            },
            {
                "author": "marcus-leblanc",
                "hours_after": 48,
                "accepted": False,
                "body": """\
On connecting with the technical work: we put two members of the technical mission team in the
jury sessions as **listeners**, not experts. They heard the reasoning behind the
recommendations, which made the translation afterwards much easier.""",
            },
            {
                "author": "camila-restrepo",
                "hours_after": 70,
                "accepted": False,
                "body": """\
Thank you. We will propose a public response within three months, a scope limited to targets
and principles, and a follow-up group. Marcus, the listeners idea is lovely.""",
            },
        ],
    },
    {
        "key": "budgeting-rules-multi-year-missions",
        "kind": "CHALLENGE",
        "title": "Annual budget rules versus a ten-year mission: what workarounds exist?",
        "author": "valentina-rojas",
        "pillars": ["ORGANISATIONAL_CAPACITY", "RISKS_AND_REWARDS"],
        "organisation_types": ["GOVERNMENT_DEPARTMENT"],
        "topics": ["public-finance", "governance", "portfolio"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 190,
        "body": """\
Our green hydrogen and critical minerals mission runs until 2035. Our budget runs until
December. Under our public finance law, unspent funds return to the treasury at the end of each
year, multi-year commitments need special approval from the finance ministry, and moving money
between budget lines requires a decree.

This creates perverse incentives: we rush to spend in the last quarter, we avoid experiments
that might not spend their budget, and we cannot commit to multi-year challenges that companies
and universities would find credible.

We are preparing a proposal to the finance ministry. I would like to know:

- What legal or administrative mechanisms do you use to make multi-year mission commitments?
- Have you used a **fund outside the annual budget** (a trust fund, an agency with carry-over
  rights, a public bank) and what were the trade-offs in terms of accountability?
- How did you persuade your finance ministry?""",
        "replies": [
            {
                "author": "ignacio-fuentes",
                "hours_after": 4,
                "accepted": False,
                "body": """\
Colleague of Valentina. One additional constraint: our finance ministry has had bad experiences
with off-budget funds in the past, so any proposal that looks like "taking money out of the
budget" will be rejected immediately.""",
            },
            {
                "author": "mei-lin-tan",
                "hours_after": 18,
                "accepted": False,
                "body": """\
Several governments use a **mission-dedicated agency or public bank** with its own balance
sheet to hold multi-year commitments. It works, but accountability has to be designed
carefully: annual reporting to parliament, a mandate letter with the mission's objectives, and
ministerial approval of the overall strategy. Ignacio's concern is common; the answer is
usually transparency, not avoiding such vehicles.""",
            },
            {
                "author": "karin-sjoberg",
                "hours_after": 30,
                "accepted": True,
                "body": """\
What worked for us, in an annual-budget system:

- **Multi-year authorisation frameworks**: parliament approves a commitment ceiling for the
  mission for several years, while payments stay in the annual budget. This allowed us to sign
  three-year contracts.
- **Carry-over for a specific share**: we negotiated that up to 20% of the mission budget can
  be carried over to the next year, reported separately.
- **A single mission budget line** instead of seven scheme-specific lines, so reallocation
  within the mission needs no decree.

How we persuaded the finance ministry: we showed them the **cost of end-of-year spending** —
projects rushed in Q4, poor value for money, and the internal audit reports that said so.
Framing it as a value-for-money problem, not a flexibility request, made the difference.""",
            },
            {
                "author": "valentina-rojas",
                "hours_after": 48,
                "accepted": False,
                "body": """\
Karin, the framing as a value-for-money problem is exactly what we needed. We will propose a
commitment ceiling and a single budget line first, and carry-over as a second step.""",
            },
            {
                "author": "ignacio-fuentes",
                "hours_after": 170,
                "accepted": False,
                "body": """\
Update: the finance ministry accepted a three-year commitment ceiling for the mission. No
carry-over yet, but the single budget line was approved. Progress.""",
            },
        ],
    },
    {
        "key": "school-meals-procurement-food-mission",
        "kind": "CHALLENGE",
        "title": "Using school meals procurement to reshape a local food system",
        "author": "beatriz-almeida",
        "pillars": ["ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT"],
        "topics": ["food-systems", "procurement", "cities", "health"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 55,
        "body": """\
Our mission is to **end food insecurity in Nova Serra by 2032**. The biggest lever the
municipality controls directly is school meals: 46,000 meals a day. National law already
requires that at least 30% of the school meals budget is spent on products from family farming,
but we reach only 18%, because small farmers cannot meet our delivery schedules, packaging
requirements and payment terms.

We want to redesign the procurement so that it actively **builds the local food system**:

- smaller lots by product and district;
- payment within 15 days instead of 60;
- support for farmers' cooperatives to handle logistics;
- menus that follow the seasons, so demand matches what local producers grow.

The catering companies that currently deliver are opposed, and our own procurement department
is cautious about changing procedures that pass audits.

Has anyone redesigned public food procurement this way? What did you change first, and how did
you deal with the auditors?""",
        "replies": [
            {
                "author": "rodrigo-menezes",
                "hours_after": 20,
                "accepted": False,
                "body": """\
Banco Verde has a credit line for cooperatives that supply public programmes. One thing we see
again and again: cooperatives can meet delivery schedules once they have a **cold chain and a
vehicle**. A small working capital and equipment loan backed by the school meals contract
solves a lot. Happy to connect you with our regional office.""",
            },
            {
                "author": "caio-ribeiro",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Colleague of Beatriz. The payment terms are in our hands and will make the biggest difference.
The finance secretary has agreed to a 15-day payment pilot in two districts.""",
            },
            {
                "author": "rafael-dominguez",
                "hours_after": 72,
                "accepted": False,
                "body": """\
This is a classic case of procurement as a mission instrument: the municipality is not only a
buyer but the anchor of a local market. On the audit side, what helps is to write down the
**public value rationale** in the procurement strategy itself — food security, local incomes,
health — and to show that it is consistent with the legal mandate on family farming. Auditors
worry about arbitrary choices; a documented strategy that follows the law is not arbitrary.""",
            },
        ],
    },
    {
        "key": "housing-retrofit-mission-finance",
        "kind": "CHALLENGE",
        "title": "Financing deep retrofit for low-income owner-occupiers",
        "author": "joris-van-dam",
        "pillars": ["RISKS_AND_REWARDS", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT", "PUBLIC_BANK"],
        "topics": ["housing", "public-finance", "climate", "risk-sharing"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 30,
        "body": """\
Our climate-adaptive housing mission wants to bring 60,000 older homes to a good energy
standard by 2035. Social housing providers are doing well. The hard group is **low-income
owner-occupiers**: people who own an older home but have little income or savings. They cannot
get a loan for a €40,000 deep retrofit, and grants that cover 30% don't help them.

Ideas under discussion:

- a provincial **revolving fund** with loans repaid only when the house is sold;
- loans linked to the property instead of the person;
- bundling homes by street so that contractors can offer lower prices;
- a guarantee from the province so that commercial banks lend.

We are worried about risk: what happens if prices fall, and whether we are creating a debt
problem for vulnerable households.

Has anyone designed a financing model for this group that worked at scale?""",
        "replies": [
            {
                "author": "katharina-vogel",
                "hours_after": 10,
                "accepted": False,
                "body": """\
We run a national programme that combines a low-interest loan with a repayment cap linked to
**energy savings**: households never pay more per month than they save on energy, and the
remainder is forgiven after twenty years. It is expensive for us, but take-up among low-income
households went up considerably.""",
            },
            {
                "author": "sanne-de-vries",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Colleague from the province. The street-by-street bundling is working in our pilot in two
villages. The average price came down by about 20%, and people trusted the process more because
their neighbours were doing it too.""",
            },
            {
                "author": "mei-lin-tan",
                "hours_after": 60,
                "accepted": False,
                "body": """\
A thought on risk: loans repaid at sale are a good fit, but the province takes on house-price
risk and long duration. Many public lenders handle this by **pooling the loans and sharing the
risk** with a national public bank or a guarantee scheme. It's worth asking what part of the
risk the province is best placed to carry — probably the relationship with households and the
quality of the work — and what part belongs on a bigger balance sheet.""",
            },
        ],
    },
    {
        "key": "bioeconomy-royalty-finance-cap",
        "kind": "CHALLENGE",
        "title": "Royalty-based finance for bioeconomy start-ups: how do we set the cap?",
        "author": "luana-tavares",
        "pillars": ["RISKS_AND_REWARDS"],
        "organisation_types": ["PUBLIC_BANK", "RESEARCH_INNOVATION_AGENCY"],
        "topics": ["risk-sharing", "public-finance", "equity-stakes"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 12,
        "body": """\
We are designing a new instrument for early-stage bioeconomy companies in the Amazon region:
companies that turn forest products (fruits, oils, fibres) into higher-value goods while
keeping the forest standing. They are too small and too risky for conventional loans, and
equity investors are not interested in businesses that will never be "unicorns".

The proposal is **royalty-based finance**: we provide capital, and the company repays a
percentage of its revenues (3-6%) until a cap is reached, for example 1.5 to 2.5 times the
amount invested. If the company fails, we lose. If it grows, we get back more than a loan would
pay.

Where we are stuck:

- How do we set the **cap** so that it covers our losses on the companies that fail but does
  not choke the ones that grow?
- Should the cap be lower for companies that meet social and environmental conditions (for
  example, fair prices to collectors)?
- How do we verify revenues for small companies with basic bookkeeping?

If anyone has used revenue-based or royalty instruments in a public programme, I would love to
hear the numbers and what you would do differently.""",
        "replies": [],
    },
    {
        "key": "space-programme-spillovers",
        "kind": "CHALLENGE",
        "title": "Measuring the spillovers of a space programme beyond the space sector",
        "author": "alessandro-conti",
        "pillars": ["ASSESSMENT"],
        "organisation_types": ["SPACE_AGENCY", "RESEARCH_INNOVATION_AGENCY"],
        "topics": ["space", "evaluation", "metrics", "market-shaping"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 8,
        "body": """\
Our parliament has asked for an evaluation of the **wider economic and social effects** of the
national space programme over the last ten years. The usual approach in the sector is an
input-output study: every euro spent generates so many euros of turnover and so many jobs.
Everyone knows these studies, and nobody believes them.

What we would like to show instead is what the programme **made possible** outside the space
sector: for example, precision agriculture services built on our satellite data, the flood
forecasting system used by civil protection, materials and sensor technologies that moved to
other industries, and the engineers trained in our projects who now work elsewhere.

Questions:

- Which methods have you used to trace spillovers of a mission-type programme (patent
  citations, labour mobility, case studies, network analysis)?
- How do you combine them into something parliament can read?
- What data should we start collecting **now** so that the next evaluation is easier?

We have a modest budget and eighteen months.""",
        "replies": [],
    },
    {
        "key": "mobility-mission-data-sharing",
        "kind": "CHALLENGE",
        "title": "Getting private mobility operators to share data for a city mission",
        "author": "jordi-puig",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ASSESSMENT"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT", "DIGITAL_AGENCY"],
        "topics": ["mobility", "data", "cities", "regulation"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 70,
        "body": """\
Our climate-neutral city mission has a target to **halve car kilometres in the pilot districts
by 2030**. To steer towards it we need to know how people move. A large part of the relevant
data sits with private operators: bike and scooter sharing, car sharing, ride-hailing, parking
apps and the regional rail operator.

Some operators share aggregated data voluntarily. Others refuse or share only what makes them
look good. The city can attach data sharing conditions to licences for operators that use
public space (sharing schemes), but not to others.

I would like to hear:

- Which data sharing conditions have you put in licences or concessions, and in which format
  (standards, APIs, frequency)?
- How did you handle privacy and commercial sensitivity?
- Has anyone created a **data trust** or intermediary that operators trust more than the city
  itself?""",
        "replies": [
            {
                "author": "kadri-tamm",
                "hours_after": 20,
                "accepted": False,
                "body": """\
For the format, use an existing open standard for mobility data rather than inventing your own;
operators will already support it in other cities. For privacy, ask for trip data at a level of
aggregation that is useful for planning (for example hourly flows between zones) and make the
aggregation rules public.""",
            },
            {
                "author": "andres-villamizar",
                "hours_after": 36,
                "accepted": False,
                "body": """\
We helped a city design a small **mobility data intermediary** run by the university. Operators
share detailed data with the university under a contract, the city gets only aggregated
indicators. It took a year to set up, but now even the ride-hailing company participates,
because the intermediary also gives them back useful benchmarks.""",
            },
            {
                "author": "jordi-puig",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Thank you both. We will start with licence conditions for the sharing schemes using an open
standard and explore the intermediary model with our local university for the other operators.""",
            },
        ],
    },
    {
        "key": "innovation-partnership-legal-risk",
        "kind": "CHALLENGE",
        "title": "Innovation partnership procedure: how did you manage the legal risk?",
        "author": "ciaran-doyle",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": [
            "GOVERNMENT_DEPARTMENT",
            "LOCAL_REGIONAL_GOVERNMENT",
            "RESEARCH_INNOVATION_AGENCY",
        ],
        "topics": ["procurement", "regulation", "capabilities"],
        "visibility": "MEMBERS",
        "closed": False,
        "days_ago": 100,
        "body": """\
Members only, as this involves a live procurement.

We are using the **innovation partnership** procedure for the first time, to develop and then
buy a digital service that helps local authorities plan climate-neutral retrofits across their
housing stock. Our legal advisers are nervous about three points:

- **Setting the threshold between phases**: we want to be able to stop partners after the
  prototype phase if their solution does not perform. How did you define the performance
  criteria so that a stopped partner cannot challenge the decision?
- **The price of the final purchase**: the procedure requires the maximum cost of the final
  purchase to be set at the start. How did you estimate it for something that does not exist
  yet?
- **IP**: who owns what at the end of each phase, especially for partners who are stopped?

Our first tender notice is nearly ready. Any redacted documents or experiences would be very
welcome.""",
        "replies": [
            {
                "author": "lucas-marchetti",
                "hours_after": 12,
                "accepted": False,
                "body": """\
Happy to help. On the **thresholds**: define them at the start, in the tender documents, as
objective, measurable performance levels (for example, accuracy of the retrofit cost estimates
against a test set of buildings). Challenges are most successful where criteria were vague or
added later.""",
            },
            {
                "author": "jordi-puig",
                "hours_after": 24,
                "accepted": False,
                "body": """\
We used this procedure for a heat-mapping tool. For the maximum cost, we did a market
consultation and then set the ceiling at roughly twice the median estimate. Nobody challenged
it, and the final price was well below.""",
            },
            {
                "author": "sanne-de-vries",
                "hours_after": 40,
                "accepted": True,
                "body": """\
On IP, what we did: background IP stays with the partner; foreground IP developed in the
partnership is owned by the partner, but the public authority gets a **perpetual, royalty-free
licence** to use, adapt and share it among public bodies. For stopped partners the same applies
to what they developed up to that point. This was accepted by all four bidders and avoids the
public side getting stuck if a partner disappears.

I can send you our redacted clauses.""",
            },
            {
                "author": "ciaran-doyle",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Sanne, that would be great — the licence clause is exactly what our lawyers needed to see.
Thanks also to Lucas and Jordi: we will tighten the phase criteria with a test set of buildings
and use the market consultation to set the ceiling.""",
            },
        ],
    },
    {
        "key": "blended-finance-mission-lmic",
        "kind": "CHALLENGE",
        "title": "Blended finance for climate adaptation missions: who takes the first loss?",
        "author": "wanjiru-kamau",
        "pillars": ["RISKS_AND_REWARDS", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["INTERNATIONAL_AGENCY", "PUBLIC_BANK", "GOVERNMENT_DEPARTMENT"],
        "topics": ["public-finance", "risk-sharing", "climate"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 65,
        "body": """\
We support three governments in the region that have adopted **climate adaptation missions**:
water security, drought-resilient agriculture, and climate-proof rural infrastructure. The
missions are well designed. The money is not there. Public budgets are under pressure from debt
service, and private investors say adaptation projects have no revenue.

The standard answer in our sector is **blended finance**: public or philanthropic money takes
the first loss, which attracts private investors into a fund. I have doubts:

- many blended funds end up financing the most profitable projects, not the ones the mission
  needs;
- the public side takes the risk, private investors get the returns;
- the governments have little say over what the fund invests in.

How can blended structures be designed so that they serve the **mission's direction** rather
than investors' preferences? Are there examples where the public first-loss provider kept real
control over investment choices, or where returns were shared more fairly?""",
        "replies": [
            {
                "author": "adaeze-nwosu",
                "hours_after": 18,
                "accepted": False,
                "body": """\
Your doubts are shared inside many multilateral institutions. In our facility we have started
to require that any blended vehicle we support has an **investment policy derived from the
country's mission**, with an eligibility list agreed with the government, and that the public
first-loss tranche has a seat on the investment committee. It reduces the number of private
investors who are interested, but the ones who stay are more aligned.""",
            },
            {
                "author": "amara-okafor",
                "hours_after": 30,
                "accepted": False,
                "body": """\
The underlying issue is the distribution of risks and rewards. If the public side takes the
first loss, it is taking the highest risk and should share in the upside, for example through a
**return cap for private investors** above which returns flow back to the public tranche, or
through profit-sharing on the projects that perform well. Blended finance is often presented as
"de-risking" private capital; missions require thinking about what the public gets for the risk
it carries.""",
            },
            {
                "author": "otieno-ochieng",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Colleague of Wanjiru. One practical observation: for adaptation, some of the strongest
"returns" are **avoided losses** for public budgets (fewer emergency payments after droughts).
If we can quantify those, governments can justify taking a larger share of the equity, not only
the first loss.""",
            },
            {
                "author": "yuki-tanabe",
                "hours_after": 72,
                "accepted": False,
                "body": """\
We are funding a study on exactly Otieno's point — avoided fiscal losses from adaptation
investments in three countries. I will share it here when it is published.""",
            },
        ],
    },
    {
        "key": "dynamic-capabilities-self-assessment",
        "kind": "CHALLENGE",
        "title": "Is there a practical self-assessment of dynamic capabilities for an agency?",
        "author": "chloe-nguyen",
        "pillars": ["ORGANISATIONAL_CAPACITY", "ASSESSMENT"],
        "organisation_types": ["RESEARCH_INNOVATION_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["capabilities", "evaluation", "skills"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 4,
        "body": """\
Our leadership team has read about **dynamic capabilities** in the public sector — the ability
of an organisation to sense what is changing, make sense of it, and reconfigure its resources —
and wants to know where we stand before the next strategy period. They have asked me to propose
a self-assessment.

What I have found so far is either academic (interview protocols for researchers) or generic
(maturity models from consultancies that would fit any organisation). I am looking for
something in between:

- a set of questions or indicators that staff and management can use themselves in a half-day
  workshop;
- that distinguishes between routine capacity (running grant calls well) and the capacity to
  change course;
- and that gives us a few priorities, not a score.

Has anyone in the network done this? Even a rough version would help. I'd be glad to test it
and share back what we learn.""",
        "replies": [],
    },
    {
        "key": "water-resilience-mission-rural-county",
        "kind": "CHALLENGE",
        "title": "Starting a water security mission in a county with little capacity",
        "author": "achieng-odhiambo",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT", "INTERNATIONAL_AGENCY"],
        "topics": ["climate", "governance", "citizen-engagement", "capabilities"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 25,
        "body": """\
Our county has adopted a **water security and drought resilience mission**: by 2030, no
household should be more than 30 minutes from safe water, even in drought years, and
pastoralist communities should lose far fewer animals in droughts.

We have political commitment and a small team: me, two engineers and a community liaison
officer. Many actors are already active: national ministries, NGOs drilling boreholes, a
development bank funding a dam, water user associations, and the communities themselves. Each
works on its own.

I don't want to start with a big strategy document that nobody reads. Where would you start if
you had a small team and wanted the mission to **coordinate what is already there** before
asking for more money?

Specific questions:

- How did you bring very different actors around one mission without a budget to offer them?
- How did you involve communities in setting priorities in a way that is not just consultation?""",
        "replies": [
            {
                "author": "otieno-ochieng",
                "hours_after": 10,
                "accepted": False,
                "body": """\
We have seen county missions succeed when the first step was a **shared map**: who is doing
what, where, and what is planned. It sounds basic, but for most actors it is the first time
they see the whole picture, and it immediately shows duplication and gaps. It is also a reason
for everyone to come to a meeting, because they want to see themselves on the map. Our agency
can support the mapping if useful.""",
            },
            {
                "author": "rafael-dominguez",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Two thoughts. First, a mission gives you **convening power** even without money: a clear,
shared goal lets you ask every actor how their work contributes. Second, for communities,
consider giving water user associations a role in *monitoring* progress towards the 30-minute
goal. People who measure the outcome themselves tend to shape priorities, not only comment on
them.""",
            },
        ],
    },
    {
        "key": "consent-health-data-dpi",
        "kind": "CHALLENGE",
        "title": "Consent-based health data sharing as a mission enabler: where to draw the line?",
        "author": "ananya-iyer",
        "pillars": ["ROUTES_AND_DIRECTIONS", "RISKS_AND_REWARDS"],
        "organisation_types": ["DIGITAL_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["data", "digital-public-infrastructure", "health", "regulation"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 18,
        "body": """\
We are designing a **consent layer** for health data: a public protocol that lets people share
their health records with a hospital, an insurer or a research project, with clear, revocable
consent. The national health mission on early detection of chronic disease depends on this;
researchers need data, and patients move between public and private providers.

We have strong debates in the design team:

- Should insurers be allowed to request data through the consent layer at all, given the power
  imbalance?
- Should research use be possible with **broad consent**, or only study-by-study?
- Who should be able to build the apps people use to give consent — only public providers, or
  any accredited company?

The infrastructure is neutral, but the rules are not. I would like to hear from agencies that
have made similar choices for health or other sensitive data, and from researchers on how to
think about the public value at stake.""",
        "replies": [
            {
                "author": "jonas-thygesen",
                "hours_after": 30,
                "accepted": False,
                "body": """\
A way to frame it: the consent layer creates a market for health data, so the rules you set are
market-shaping choices. You can decide which uses the infrastructure makes *easy* and which it
makes hard. Making research use easy and insurance use deliberately hard is a legitimate
choice, as long as it is explicit and democratically accountable. The mission gives you the
direction to justify it.""",
            },
        ],
    },
    {
        "key": "skills-procurement-officers",
        "kind": "CHALLENGE",
        "title": "Training procurement officers for mission-oriented procurement",
        "author": "gareth-pryce",
        "pillars": ["ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT", "GOVERNMENT_DEPARTMENT"],
        "topics": ["skills", "procurement", "capabilities"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 2,
        "body": """\
Across our nine boroughs we have about 60 procurement officers. They are good at what they are
trained to do: compliant, lowest-risk purchasing. Our healthy-ageing mission needs them to do
something different — write outcome-based specifications, run market dialogues, use staged
procurement and weigh social value.

We have budget for a training programme next year. Before we buy a standard course, I would
like to ask:

- What did you include in training for mission-oriented procurement, and what actually changed
  behaviour afterwards?
- Did you train procurement officers alone, or together with the policy and service teams who
  specify what to buy?
- How did you deal with the fear of audit and legal challenge, which is the real reason people
  stay with the familiar?

Any course outlines, peer-learning formats or cautionary tales welcome.""",
        "replies": [],
    },
    {
        "key": "welcome-how-we-use-moin-forum",
        "kind": "DISCUSSION",
        "title": "Welcome to MOIN Forum: how we use this space",
        "author": "owen-gallagher",
        "pillars": [
            "ROUTES_AND_DIRECTIONS",
            "ORGANISATIONAL_CAPACITY",
            "ASSESSMENT",
            "RISKS_AND_REWARDS",
        ],
        "organisation_types": [
            "GOVERNMENT_DEPARTMENT",
            "PUBLIC_BANK",
            "INTERNATIONAL_AGENCY",
            "STRATEGIC_DESIGN_AGENCY",
            "RESEARCH_INNOVATION_AGENCY",
            "DIGITAL_AGENCY",
            "LOCAL_REGIONAL_GOVERNMENT",
            "SPACE_AGENCY",
            "RESEARCH_INSTITUTE",
        ],
        "topics": ["governance", "capabilities"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 238,
        "body": """\
Welcome to the forum of the Mission-Oriented Innovation Network. This is the place where
members ask each other for help, discuss what is hard about running missions, and share what
they have tried.

A few things that make this space work:

- **Challenges** are concrete problems you are facing now. Say what you have tried, what
  constraints you have, and what kind of answer would help. If a reply solves your problem,
  mark it as accepted so others can find it.
- **Discussions** are for open questions where there is no single answer: concepts, dilemmas,
  things you disagree about.
- **Case examples** describe something your organisation has done: what you did, what happened
  and what you learned. Failures are as welcome as successes; often more useful.

We tag threads with the four pillars of the **ROAR** framework — Routes and directions,
Organisational capacity, Assessment, and Risks and rewards — and with topics, so you can follow
what matters to you.

Some threads are visible to members only. Use them for anything you would not say in public:
live negotiations, internal reorganisations, things that went wrong. Please respect that
confidentiality.

Researchers from the institute and our academic partners follow the forum and will join in, but
the best answers usually come from peers who have faced the same problem. Say hello below and
tell us which mission you are working on.""",
        "replies": [
            {
                "author": "ingrid-solberg",
                "hours_after": 3,
                "accepted": False,
                "body": """\
Hello from Nordic Mission Bank. I work on our maritime decarbonisation lending and I'm mostly
interested in conditionality and how public banks evaluate their impact. Looking forward to
learning from the others here.""",
            },
            {
                "author": "lucia-navarro",
                "hours_after": 7,
                "accepted": False,
                "body": """\
Hola from Valmera. I coordinate our climate-neutral city mission in three pilot districts. Our
biggest headaches right now are procurement and keeping residents involved beyond the first
enthusiasm. Happy to share what we learn along the way.""",
            },
            {
                "author": "thandiwe-mokoena",
                "hours_after": 26,
                "accepted": False,
                "body": """\
Greetings from Southern Skies Space Agency. We are working out how a small space agency can
build a commercial sector without simply subsidising it. Very keen on the risks and rewards
discussions.""",
            },
        ],
    },
    {
        "key": "is-roar-useful-for-small-agencies",
        "kind": "DISCUSSION",
        "title": "Is ROAR useful for a small agency, or is it a framework for big ministries?",
        "author": "mikko-heinonen",
        "pillars": [
            "ROUTES_AND_DIRECTIONS",
            "ORGANISATIONAL_CAPACITY",
            "ASSESSMENT",
            "RISKS_AND_REWARDS",
        ],
        "organisation_types": None,
        "topics": ["governance", "capabilities", "portfolio"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 160,
        "body": """\
A slightly provocative question, because I have been asked it twice this month by clients.

We are a design agency of 25 people. We help ministries and municipalities with mission design.
When we introduce the ROAR framework, the reaction from large ministries is usually positive:
they recognise that they need to work on direction, capacity, assessment and risk-sharing at
the same time. The reaction from **small organisations** — a regional development agency, a
small municipality, a start-up support unit — is more often: "this is for governments with
public banks and big budgets. We can't set directions for the economy; we can barely run our
calls."

My own view is that the questions in ROAR apply at every scale, but the answers look very
different. A municipality can't take equity stakes, but it can think about what it asks in
return for a subsidy. A small agency can't build a portfolio of 200 projects, but it can manage
ten projects as a portfolio.

I'd like to hear from others:

- Have you used ROAR (or parts of it) in a small organisation, and how did you adapt it?
- Which pillar is most relevant at small scale, and which feels irrelevant?
- Should the framework come with "small-scale" versions of its questions?""",
        "replies": [
            {
                "author": "achieng-odhiambo",
                "hours_after": 10,
                "accepted": False,
                "body": """\
I'm in a small county team of four people. Honestly, the "Routes and directions" part was the
most useful: it made us realise that we do have the power to set direction — not for the
economy, but for all the actors working on water in our county. We can't take equity stakes, so
the risks and rewards pillar feels far away.""",
            },
            {
                "author": "hannah-whitcombe",
                "hours_after": 16,
                "accepted": False,
                "body": """\
Interesting question. I would argue that organisational capacity matters *more* at small scale,
not less. A small organisation has less slack, so the ability to learn and adapt quickly is
everything. What changes is that capabilities are in a few people, not in systems, which makes
them fragile when someone leaves.""",
            },
            {
                "author": "beatriz-almeida",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Risks and rewards is not irrelevant for municipalities. When we pay a catering company or give
land to an urban farm, we can ask for things in return: local sourcing, jobs, open data. It's a
small-scale version of conditionality. I would love to see examples of ROAR at municipal scale.""",
            },
            {
                "author": "stefan-hofer",
                "hours_after": 44,
                "accepted": False,
                "body": """\
In our agency we used ROAR as a diagnostic in a one-day workshop per department. The small
departments found it most useful as a **checklist of blind spots**: most of them had thought
about routes and none about assessment.""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 50,
                "accepted": False,
                "body": """\
The framework was designed as a set of questions that any public organisation can ask itself,
not as a model for one type. But Mikko's experience shows that the way it's presented matters.
A short version for small organisations might be four questions:

- **Routes**: what direction are we trying to set, and for whom?
- **Organisation**: what do we need to be able to do that we can't do now?
- **Assessment**: how would we know we are making a difference beyond our own outputs?
- **Risks and rewards**: when we support others, what do we and the public get back?

These fit on one page and work for a county as much as for a ministry.""",
            },
            {
                "author": "mikko-heinonen",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Kwame, those four questions are exactly what I was looking for: short enough for a municipal
team, and they keep all four pillars on the table. Would it be OK to use them, with
attribution, in our workshops?""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 64,
                "accepted": False,
                "body": """\
Of course. If you test them, please share what worked and what didn't, and how you had to
reword them. The secretariat could collect versions from several members and we could publish
them together as a small-scale companion to the framework.""",
            },
            {
                "author": "emilie-tremblay",
                "hours_after": 90,
                "accepted": False,
                "body": """\
We used a similar short version with a small provincial department last month. One adaptation:
for small organisations, the "risks" discussion worked better when framed as **"what are we
afraid of?"** rather than financial risk. It opened up conversations about political risk and
reputational risk, which were the real barriers.""",
            },
            {
                "author": "priya-raman",
                "hours_after": 120,
                "accepted": False,
                "body": """\
Secretariat here. Following this thread, we will include a session on "ROAR at small scale" in
the next network meeting. Mikko, Achieng and Beatriz — would you be willing to share your
experiences there?""",
            },
            {
                "author": "achieng-odhiambo",
                "hours_after": 140,
                "accepted": False,
                "body": """\
Yes, happy to. It will be good to hear from others with small teams — there are probably more
of us than it seems from the big case studies, and our problems are different: less money, but
also fewer layers between a decision and the people it affects.""",
            },
        ],
    },
    {
        "key": "public-value-vs-market-failure-treasury",
        "kind": "DISCUSSION",
        "title": "Arguing public value with a finance ministry trained in market-failure logic",
        "author": "ignacio-fuentes",
        "pillars": ["ASSESSMENT", "RISKS_AND_REWARDS"],
        "organisation_types": ["GOVERNMENT_DEPARTMENT", "PUBLIC_BANK"],
        "topics": ["evaluation", "public-finance", "market-shaping"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 135,
        "body": """\
Every budget negotiation I attend ends at the same point. We present the hydrogen mission, and
the finance ministry asks: **"What is the market failure?"** If we can't name one — positive
externalities, information asymmetry, coordination failure — the programme is seen as
unjustified intervention.

We can usually construct a market-failure argument, but it distorts what we are trying to do.
The mission is not to correct a market that would otherwise work well; it is to **create
markets** that don't yet exist (green hydrogen exports, low-carbon copper) and to direct them
towards public goals. The market-failure framework treats that as picking winners.

I'm curious how others handle this conversation:

- Do you use the language of the finance ministry (market failures, additionality, crowding
  out) strategically, or try to change the framework?
- Has anyone successfully introduced a **public value** or market-shaping rationale into the
  official appraisal guidance?
- What evidence convinced your finance ministry, if anything did?""",
        "replies": [
            {
                "author": "amara-okafor",
                "hours_after": 8,
                "accepted": False,
                "body": """\
This is the conversation most of our partners have, so you are in good company. My view: don't
abandon the market-failure language completely — it is the shared language of the budget
process. But show its limits with concrete cases. The strongest argument is usually historical:
the technologies that the finance ministry now takes for granted (the internet, GPS, many
medicines) came from public investments that would not have passed a market-failure test at the
time.

Then propose *additional* questions in appraisal: what market do we want to exist in ten years?
What role will the state play in it? What does the public get back?""",
            },
            {
                "author": "karin-sjoberg",
                "hours_after": 20,
                "accepted": False,
                "body": """\
We got a paragraph into our appraisal guidance that allows "transformational" programmes to be
assessed with a different method: scenario analysis and a documented theory of change. It took
two years and a supportive senior official in the finance ministry. The trick was to present it
as an *addition* to CBA for a small number of programmes, not a replacement.""",
            },
            {
                "author": "katharina-vogel",
                "hours_after": 38,
                "accepted": False,
                "body": """\
This connects to the thread on market-shaping evaluation. What helped our shareholder ministry
most was seeing the **dynamic indicators** (cost curves, private finance entering) next to the
static ones. They began to ask themselves why the static numbers told a different story.""",
            },
            {
                "author": "mei-lin-tan",
                "hours_after": 60,
                "accepted": False,
                "body": """\
One more argument that often works: the market-failure framework assumes a clear line between
the state and the market, but in practice finance ministries already accept that the state
shapes markets through regulation, taxation and procurement. A public value rationale just asks
that this shaping be done **deliberately and transparently**. Framed this way, it sounds less
like ideology and more like good governance.""",
            },
            {
                "author": "ignacio-fuentes",
                "hours_after": 80,
                "accepted": False,
                "body": """\
Thank you all. Karin, would you be able to share the wording of that paragraph in your
appraisal guidance? It would help to show our finance ministry that another government has done
it.""",
            },
            {
                "author": "karin-sjoberg",
                "hours_after": 86,
                "accepted": False,
                "body": """\
Sure. It is public, in our language, but I'll post a translation of the key paragraph in the
resource library next week, together with a note on how the finance ministry has applied it to
the first two programmes.""",
            },
        ],
    },
    {
        "key": "missions-vs-grand-challenges-language",
        "kind": "DISCUSSION",
        "title": '"Mission", "grand challenge", "moonshot": does the language matter to citizens?',
        "author": "emilie-tremblay",
        "pillars": ["ROUTES_AND_DIRECTIONS"],
        "organisation_types": None,
        "topics": ["governance", "citizen-engagement"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 115,
        "body": """\
In our province, the government has launched three "missions" in two years. In focus groups,
residents mostly didn't know what a mission was. Some associated it with the military or
religious missions, some with space, most with "another government programme". Younger
participants found "moonshot" exciting; older participants found it arrogant.

At the same time, the word "mission" does something useful inside government: it signals that
this is a cross-cutting priority with a measurable goal and a deadline.

So I'm wondering:

- Should missions be communicated to citizens as missions at all, or should we communicate the
  **goal itself** ("every child within 500 metres of a safe green space by 2030") and keep the
  mission language internal?
- Has anyone tested different framings with the public?
- Does the language matter for the political durability of a mission, e.g. surviving a change
  of government?""",
        "replies": [
            {
                "author": "camila-restrepo",
                "hours_after": 14,
                "accepted": False,
                "body": """\
In our work we always lead with the goal, in concrete words that people can picture, and we
never use the word "mission" in public communication. Residents rally around "clean air for
children on their way to school", not around a policy concept.""",
            },
            {
                "author": "rafael-dominguez",
                "hours_after": 30,
                "accepted": False,
                "body": """\
I think Emilie's distinction is right: internally "mission" is a governance concept, externally
the goal is what matters. On durability: research on long-running public goals suggests that
what protects them is **ownership outside government** — by cities, businesses, civil society —
more than the label. A goal that many people have adopted as their own is hard to abandon,
whatever it is called.""",
            },
            {
                "author": "fatima-hussain",
                "hours_after": 56,
                "accepted": False,
                "body": """\
"Five more healthy years" has worked for us because people can relate it to their own families.
When we tested the phrase "healthy ageing mission" it fell flat. We now use "mission" only in
governance documents.""",
            },
            {
                "author": "emilie-tremblay",
                "hours_after": 80,
                "accepted": False,
                "body": """\
This matches what we saw. I will propose to our communications team that we lead with goals and
keep "mission" for internal use, and see whether we can test two framings in our next survey.""",
            },
        ],
    },
    {
        "key": "equity-vs-golden-shares",
        "kind": "DISCUSSION",
        "title": "Ordinary equity, golden shares or conditions: which return does the public need?",
        "author": "erik-haugland",
        "pillars": ["RISKS_AND_REWARDS"],
        "organisation_types": ["PUBLIC_BANK", "GOVERNMENT_DEPARTMENT"],
        "topics": ["equity-stakes", "risk-sharing", "conditionality"],
        "visibility": "MEMBERS",
        "closed": False,
        "days_ago": 90,
        "body": """\
Following the thread on the hydrogen equity stake, I would like to open a broader discussion
among the public banks and ministries here, in the members-only space because some of our
internal debates are sensitive.

In our bank, there are two camps:

- The **investment team** wants ordinary equity on commercial terms. Their argument: we are a
  bank, we should behave like a professional investor, and conditions make us a less attractive
  co-investor. Returns can be reinvested in the next generation of projects.
- The **policy team** wants fewer shares and more conditions or golden shares: relocation
  protections, IP clauses, reinvestment requirements. Their argument: financial returns are not
  why we exist, and we should protect the public value of what we finance.

Both are right to some extent. Our board wants a clear policy instead of case-by-case debates.

How have others resolved this? Do you have a written **equity policy** that says when you take
which kind of return? And how do you present it to private co-investors?""",
        "replies": [
            {
                "author": "matthias-brenner",
                "hours_after": 6,
                "accepted": False,
                "body": """\
We have a written policy since last year. The short version: ordinary equity is the default;
golden shares only where critical infrastructure or national security is involved; conditions
where the company has received significant public grants before. It ended most case-by-case
arguments.""",
            },
            {
                "author": "luana-tavares",
                "hours_after": 20,
                "accepted": False,
                "body": """\
For us the key question is **what the company does with the public money**. We take less equity
where the company commits to environmental and social conditions we can verify. In effect,
conditions are "paid for" with better financial terms. Investors understand that trade.""",
            },
            {
                "author": "mei-lin-tan",
                "hours_after": 40,
                "accepted": False,
                "body": """\
I would push back a little on the framing of two camps. Financial return and public value are
not necessarily opposites: a public investor that makes returns can recycle them into riskier
mission investments, and that is a public value in itself. The question is which **mix** of
returns fits the stage and the risk you take. Early and risky, with large public grants behind
it: more conditions. Later and more commercial: ordinary equity. A policy that states this
logic helps the board more than a list of instruments.""",
            },
            {
                "author": "pierre-alain-dufour",
                "hours_after": 52,
                "accepted": False,
                "body": """\
In our co-investments we see that private investors accept conditions more easily when they are
**standard and published in advance**. What scares them is surprise. Having a policy is more
important than the exact content of it.""",
            },
            {
                "author": "erik-haugland",
                "hours_after": 70,
                "accepted": False,
                "body": """\
Thank you — Matthias's structure and Mei Lin's point about stage and risk give me a good basis.
I will draft a policy with a default and clear criteria for when conditions apply, and share
the structure here when it has been through our board.""",
            },
        ],
    },
    {
        "key": "experimentation-budget-failure",
        "kind": "DISCUSSION",
        "title": (
            "How much failure can a public agency afford? Setting a tolerance for experimentation"
        ),
        "author": "stefan-hofer",
        "pillars": ["ORGANISATIONAL_CAPACITY", "RISKS_AND_REWARDS"],
        "organisation_types": ["RESEARCH_INNOVATION_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["experimentation", "portfolio", "governance"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 80,
        "body": """\
Every agency in this network says it wants to be more experimental. In our agency, the audit
office reviewed our mission portfolios last year and criticised us for funding "projects with a
high probability of failure". Our leadership responded by asking for more careful project
selection, which, in practice, means less risk.

I think we need an explicit **risk appetite** for missions, agreed with our ministry and
ideally with the audit office, along the lines of: in this portfolio, we expect 30-40% of
projects to fail, and that is a sign of ambition, not of poor management.

Questions for discussion:

- Has anyone agreed an explicit failure rate or risk appetite with their ministry or auditors?
- How do you distinguish **good failure** (a well-designed experiment that taught us something)
  from **bad failure** (poor management, ignored warning signs)?
- How do you report failures publicly without damaging political support for the mission?""",
        "replies": [
            {
                "author": "hannah-whitcombe",
                "hours_after": 12,
                "accepted": False,
                "body": """\
It helps to separate two things: the risk appetite at **portfolio level**, and the quality of
management at **project level**. Auditors are right to ask whether each project was managed
well — were warning signs acted on, were decisions documented? They are wrong to expect each
project to succeed. A portfolio where nothing fails is not ambitious enough.""",
            },
            {
                "author": "chloe-nguyen",
                "hours_after": 18,
                "accepted": False,
                "body": """\
We agreed a risk appetite statement with our minister two years ago. It says that for
early-stage mission projects we expect "a significant share" not to reach their objectives, and
that we will report what we learned. Having it in writing changed internal behaviour more than
anything else.""",
            },
            {
                "author": "ines-moreira",
                "hours_after": 40,
                "accepted": False,
                "body": """\
For challenge prizes, failure is built in: most teams don't win. That makes it easier to
explain. We now describe the non-winning teams' results as part of the output of the prize, and
several went on to get private funding.""",
            },
            {
                "author": "mette-kjaergaard",
                "hours_after": 54,
                "accepted": False,
                "body": """\
On good versus bad failure, we suggest three questions for every stopped project: Was the
hypothesis clear at the start? Were the signals that it wouldn't work noticed and acted on in
time? Was what we learned documented and used? If the answer is yes to all three, it's good
failure. This is something auditors can check.""",
            },
            {
                "author": "stefan-hofer",
                "hours_after": 70,
                "accepted": False,
                "body": """\
Mette, that is a very practical test, thank you. I'll propose it to our audit office together
with a risk appetite statement like Chloe's, agreed with the ministry first.""",
            },
            {
                "author": "stefan-hofer",
                "hours_after": 900,
                "accepted": False,
                "body": """\
Update: the audit office accepted the three-question test as part of their review method for
our mission portfolios. They even suggested we publish the learning notes for stopped projects.
I did not expect the auditors to end up as allies.""",
            },
        ],
    },
    {
        "key": "dpi-as-mission-enabler",
        "kind": "DISCUSSION",
        "title": "Digital public infrastructure as a mission enabler, not a mission in itself",
        "author": "vikram-desai",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": [
            "DIGITAL_AGENCY",
            "GOVERNMENT_DEPARTMENT",
            "LOCAL_REGIONAL_GOVERNMENT",
        ],
        "topics": ["digital-public-infrastructure", "data", "governance"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 72,
        "body": """\
I notice that in many countries, digital public infrastructure — identity, payments, data
exchange, registries — is itself framed as a mission: "digitalise all public services by 2030".
I have come to think this is a mistake.

DPI is most valuable as an **enabler** of other missions: financial inclusion, health,
agriculture, climate adaptation. Our open payments rails did not matter because they were
digital; they mattered because small farmers could suddenly receive subsidies directly and sell
to buyers outside their village. When DPI becomes the mission, the success metric becomes
adoption, and the question of *what for* gets lost.

At the same time, DPI needs its own long-term investment, governance and skills, which is hard
to justify if it is only ever an input to someone else's mission.

I'd like to discuss:

- How do you govern DPI so that it serves several missions without being captured by one?
- Who should pay for it — the digital agency, the mission owners, a central fund?
- How do you measure its value?""",
        "replies": [
            {
                "author": "kadri-tamm",
                "hours_after": 10,
                "accepted": False,
                "body": """\
I agree with the diagnosis. Our data exchange layer is funded centrally as infrastructure, like
roads. Individual missions pay for their own services built on top. The central funding is a
constant battle, but the alternative — each mission paying a fee — would mean the
infrastructure follows whoever pays most.""",
            },
            {
                "author": "jonas-thygesen",
                "hours_after": 24,
                "accepted": False,
                "body": """\
DPI is an interesting case of what could be called **infrastructural directionality**: the
design choices of the infrastructure (what is easy, what is possible, who can build on it)
shape markets and services for decades. That is why it should be governed with the missions it
serves, even if it is funded centrally. A board with representatives of the main mission owners
is one way to do it.""",
            },
            {
                "author": "ji-woo-park",
                "hours_after": 40,
                "accepted": False,
                "body": """\
On measuring value: we stopped reporting "number of transactions" and started reporting **what
the transactions made possible** in three policy areas, with short case studies. Ministers
understood it much better.""",
            },
            {
                "author": "ananya-iyer",
                "hours_after": 52,
                "accepted": False,
                "body": """\
Colleague of Vikram. One governance element that worked for us: every new DPI component has to
have at least **two different missions or ministries** as users before it gets central funding.
It avoids building things that serve only one narrow purpose.""",
            },
            {
                "author": "vikram-desai",
                "hours_after": 70,
                "accepted": False,
                "body": """\
These are useful: central funding, a governance board with mission owners, value measured by
what it enables, and the "two users" rule. I'll try to write them up as principles for our next
strategy.""",
            },
        ],
    },
    {
        "key": "ai-public-services-mission",
        "kind": "DISCUSSION",
        "title": "Public-sector AI: a mission, a tool, or a risk to manage?",
        "author": "ji-woo-park",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ASSESSMENT"],
        "organisation_types": ["DIGITAL_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["digital-public-infrastructure", "regulation", "data", "experimentation"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 35,
        "body": """\
Our government has asked us to propose an "AI mission" for the public sector. The draft from
the ministry reads: "By 2030, 80% of public services will use AI". I find this problematic: it
measures adoption of a technology, not improvement of anything people care about.

Alternatives we are discussing:

- treat AI as a **tool** within existing missions (e.g. faster diagnosis in the health mission,
  better flood forecasting in the climate mission) and drop the AI mission;
- keep a cross-cutting AI programme, but focused on **public capabilities**: shared models,
  evaluation standards, data, skills;
- frame it as a **risk**: a mission to make sure AI in public services is safe, fair and
  accountable.

The political pressure to have "an AI mission" is strong. How are others handling this? Has
anyone reframed a technology mission into an outcome mission successfully?""",
        "replies": [
            {
                "author": "seo-yeon-kim",
                "hours_after": 6,
                "accepted": False,
                "body": """\
Colleague of Ji-woo. One argument we are testing with the ministry: if the target is adoption,
vendors will define what counts as "AI" and sell it to us. If the target is outcomes, we decide
what we need.""",
            },
            {
                "author": "lucas-marchetti",
                "hours_after": 20,
                "accepted": False,
                "body": """\
There's a long history of technology-push programmes that measured adoption and missed the
point. Missions are meant to start from a problem. A reframing that keeps the political energy
could be: "use AI to cut waiting times in public services by half" or similar, with a strong
capability programme underneath (shared infrastructure, evaluation, skills). That gives the
minister a headline and you an outcome.""",
            },
            {
                "author": "rasmus-kask",
                "hours_after": 30,
                "accepted": False,
                "body": """\
We did something similar with our "data mission" three years ago. We kept the name but changed
the targets to three outcome goals. The name was politically important; the targets were what
steered the work.""",
            },
            {
                "author": "ji-woo-park",
                "hours_after": 50,
                "accepted": False,
                "body": """\
Thank you. The approach of keeping the political headline while changing the targets seems the
most realistic. We will propose three outcome goals and a capability programme.""",
            },
        ],
    },
    {
        "key": "outsourcing-capabilities-consultancies",
        "kind": "DISCUSSION",
        "title": "Have we outsourced the capabilities we need for missions?",
        "author": "hannah-whitcombe",
        "pillars": ["ORGANISATIONAL_CAPACITY"],
        "organisation_types": None,
        "topics": ["capabilities", "skills", "procurement"],
        "visibility": "MEMBERS",
        "closed": False,
        "days_ago": 125,
        "body": """\
Posting this in the members-only space so that people can be candid.

In our research on public-sector capabilities, one pattern comes up again and again: the
capabilities that missions need most — analysing complex systems, designing instruments,
managing portfolios, understanding technology — have often been **bought in from
consultancies** for a decade or more. The consequences are familiar: strategies written by
external teams that nobody inside can defend, knowledge that leaves when the contract ends, and
organisations that can commission but no longer do.

At the same time, consultancies can bring speed and expertise that a ministry cannot build
overnight, and some of you have told me that without them, nothing would get done.

I'd like to hear your honest experiences:

- Which tasks in your mission work are currently outsourced, and which should be brought
  in-house?
- Has anyone deliberately **rebuilt in-house capacity**? What did it take?
- How can contracts with external advisers be designed so that capability stays in the
  organisation?""",
        "replies": [
            {
                "author": "aoife-brennan",
                "hours_after": 5,
                "accepted": False,
                "body": """\
Our first mission strategy was written almost entirely by a consultancy. It was a good
document. Six months later, none of us could explain the logic behind half of the targets, and
when ministers asked hard questions we had to call the consultants back. For the second
strategy we wrote it ourselves with a researcher as a critical friend. Weaker prose, much
stronger ownership.""",
            },
            {
                "author": "matthias-brenner",
                "hours_after": 12,
                "accepted": False,
                "body": """\
In the bank we outsource very little analysis, but we do outsource most of our market studies.
The result is that our investment teams know their borrowers very well but the markets less
well. We are now building a small in-house market intelligence team.""",
            },
            {
                "author": "gareth-pryce",
                "hours_after": 20,
                "accepted": False,
                "body": """\
Local government is the extreme case. After years of cuts, we have almost no policy analysts
left. Consultants are not a choice for us; they are the only capacity available. What we are
trying now is to insist that every contract includes **working side by side** with our staff,
not delivering a report.""",
            },
            {
                "author": "vikram-desai",
                "hours_after": 28,
                "accepted": False,
                "body": """\
Digital is where this has been most visible. Most governments outsourced their IT for twenty
years and lost the ability to even specify what they wanted. The digital agencies that work now
are those that rebuilt engineering teams in-house.""",
            },
            {
                "author": "valentina-rojas",
                "hours_after": 40,
                "accepted": False,
                "body": """\
We have a rule now: any strategic product (mission strategy, portfolio design, evaluation
framework) must have a **named internal owner** who co-writes it. Consultants can support, but
they can't be the authors.""",
            },
            {
                "author": "hannah-whitcombe",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Thank you for these very honest replies. A few patterns: ownership suffers when external
advisers write strategic products; capability comes back through co-production, named internal
owners and rebuilding specific teams; and contracts can require knowledge transfer explicitly.
It is striking that digital agencies seem furthest along. Has anyone used **secondments** from
consultancies into the public sector the other way round?""",
            },
            {
                "author": "kadri-tamm",
                "hours_after": 80,
                "accepted": False,
                "body": """\
Not from consultancies, but we have a programme where engineers from private companies spend a
year with us. Several stayed. It's a good recruiting channel.""",
            },
            {
                "author": "ines-moreira",
                "hours_after": 100,
                "accepted": False,
                "body": """\
One thing that helped us: we started to **pay for learning** in consultancy contracts. Part of
the fee is linked to a training session and handover documents that our staff assess. It is not
perfect but it changed the dynamic.""",
            },
            {
                "author": "siobhan-murphy",
                "hours_after": 130,
                "accepted": False,
                "body": """\
This thread will be useful in our mid-term review. I'd like to add one more factor: it's not
only about skills, but about **time**. Our staff are so busy with reporting and briefings that
even when they have the skills, they don't have the time to do analysis. Outsourcing then
becomes the default for everything that is not urgent.""",
            },
        ],
    },
    {
        "key": "conditionality-backlash-lobbying",
        "kind": "DISCUSSION",
        "title": (
            "When industry pushes back on conditionality: staying firm without losing partners"
        ),
        "author": "pierre-alain-dufour",
        "pillars": ["RISKS_AND_REWARDS", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["INTERNATIONAL_AGENCY", "PUBLIC_BANK", "GOVERNMENT_DEPARTMENT"],
        "topics": ["conditionality", "market-shaping", "regulation"],
        "visibility": "MEMBERS",
        "closed": False,
        "days_ago": 58,
        "body": """\
Members only, as some of this involves ongoing negotiations in partner countries.

In three countries we work with, governments introduced conditions on public support for
industry: local value creation, emission reduction plans, profit reinvestment, price
commitments for products sold to the public sector. In all three cases, **industry associations
pushed back hard**: public statements that the conditions would drive investment away, lobbying
of ministers, in one case a threat to move a planned factory abroad.

In two cases the conditions were watered down significantly. In one case they held, and the
factory was built anyway.

What made the difference? My impression:

- the conditions that survived were **clear and simple** and had been discussed with companies
  early;
- the government had something valuable to offer that companies could not get elsewhere;
- there was a public narrative about why the conditions mattered.

I would like to hear your experiences. When conditions came under pressure, what did you do?
What would you do differently?""",
        "replies": [
            {
                "author": "ingrid-solberg",
                "hours_after": 12,
                "accepted": False,
                "body": """\
Our experience confirms your first point. We tested the conditions with a small group of
clients before announcing them. Some changes were made, but when the industry association
complained later, we could show that its own members had helped design them.""",
            },
            {
                "author": "amara-okafor",
                "hours_after": 24,
                "accepted": False,
                "body": """\
The underlying question is who holds the bargaining power. Conditions hold when public support
is essential for the investment — when it's patient capital, first-of-a-kind risk-sharing or a
guaranteed market. They collapse when public support is a windfall on top of an investment that
would have happened anyway. So the strongest protection for conditionality is good
**additionality analysis** before the negotiation, not firmness during it.""",
            },
            {
                "author": "olof-nystrom",
                "hours_after": 40,
                "accepted": False,
                "body": """\
For the pilot plant grants in our green steel programme, we were very open about what public
money was buying: emission reductions and jobs in a specific region. When the companies
complained about the conditions, journalists asked them why they wanted public money without
obligations. The public narrative mattered more than we expected.""",
            },
            {
                "author": "pierre-alain-dufour",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Good points. Amara's additionality argument in particular is one I'll take back to the teams in
the partner countries: check what public support is actually essential before deciding how hard
to push.""",
            },
        ],
    },
    {
        "key": "when-to-stop-a-mission",
        "kind": "DISCUSSION",
        "title": "When do we stop or redirect a mission?",
        "author": "nora-bakken",
        "pillars": ["ASSESSMENT", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": None,
        "topics": ["portfolio", "evaluation", "governance"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 48,
        "body": """\
Much of the literature and guidance is about launching missions. Very little is about
**ending** or redirecting them. But missions are meant to have deadlines, and some will turn
out to be badly framed, overtaken by events, or achieved early.

In our bank's mission on zero-emission shipping, the initial focus was on battery-electric
ferries. That part is now largely done; the market works without us. The harder part — deep-sea
shipping — needs completely different technologies and partners. Should we declare the first
mission accomplished and start a new one? Or redirect the existing mission?

More generally:

- Who decides that a mission is finished or needs to change, and on what basis?
- Is declaring success and stepping back a legitimate outcome, or does it look like
  abandonment?
- Have you built **review points** into missions from the start?""",
        "replies": [
            {
                "author": "jonas-thygesen",
                "hours_after": 8,
                "accepted": False,
                "body": """\
Declaring success and stepping back is one of the most important outcomes of market-shaping,
and it's under-celebrated. If the market for electric ferries works without you, the mission
achieved what it was supposed to in that segment. Stepping back frees resources for deep-sea
shipping. I would frame it as the mission **moving to its next phase**, not as an end.""",
            },
            {
                "author": "karin-sjoberg",
                "hours_after": 20,
                "accepted": False,
                "body": """\
Our mission has a formal review every four years, tied to the government's strategy cycle. The
review can confirm, change or end the mission. Having it written into the mission charter from
the start made it much less political.""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 36,
                "accepted": False,
                "body": """\
It helps to separate the **mission goal** (zero-emission shipping) from the **portfolio**
serving it. Portfolios should change constantly as you learn. The goal should change rarely,
and only through an explicit process. Your situation sounds like a portfolio shift, not a new
mission.""",
            },
            {
                "author": "nora-bakken",
                "hours_after": 60,
                "accepted": False,
                "body": """\
That's a helpful distinction. We'll treat it as a portfolio shift within the same mission, and
celebrate the ferry segment as a success in our annual report rather than quietly dropping it.""",
            },
        ],
    },
    {
        "key": "cities-national-missions-alignment",
        "kind": "DISCUSSION",
        "title": "How do city missions and national missions fit together?",
        "author": "sanne-de-vries",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT", "GOVERNMENT_DEPARTMENT"],
        "topics": ["governance", "cities", "housing", "climate"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 105,
        "body": """\
Our province has its own missions on circular construction and climate-adaptive housing. The
national government has a housing mission, and there is a European mission on climate-neutral
cities. Three of our municipalities participate in that one.

In theory this is a nicely nested system. In practice:

- targets are set at different levels with different baselines and deadlines;
- each level has its own reporting requirements, so our municipalities report the same project
  three times;
- national funding is organised by national priorities, which don't always match local ones;
- local knowledge about what works rarely flows upwards.

How are others dealing with **multi-level mission governance**? Is there a case for "mission
contracts" between levels of government, with shared targets and pooled funding?""",
        "replies": [
            {
                "author": "lucia-navarro",
                "hours_after": 10,
                "accepted": False,
                "body": """\
We are in the same situation. What helped a bit: our city signed a **climate city contract**
with the national government, with joint targets and a commitment to align funding. It is
mostly symbolic so far, but it created a forum where these mismatches can be raised.""",
            },
            {
                "author": "siobhan-murphy",
                "hours_after": 30,
                "accepted": False,
                "body": """\
From the national side: we are trying to give local authorities seats on the mission board for
exactly this reason. But I admit that we haven't solved the reporting burden.""",
            },
            {
                "author": "rafael-dominguez",
                "hours_after": 46,
                "accepted": False,
                "body": """\
Multi-level missions work best when each level does what it's best at. National levels are good
at setting long-term direction, regulation and financing; cities are good at integrating,
experimenting and engaging residents. A **mission contract** can formalise this division of
labour: the national level commits to stable funding and regulatory changes, the city commits
to delivery and sharing what it learns. Common data standards for reporting make the triple
reporting unnecessary.""",
            },
            {
                "author": "fatima-hussain",
                "hours_after": 60,
                "accepted": False,
                "body": """\
For our health mission, the most useful thing was a **single reporting template** agreed with
the regional health service and the national department. It took a year to negotiate, but now
we report once.""",
            },
            {
                "author": "sanne-de-vries",
                "hours_after": 80,
                "accepted": False,
                "body": """\
Thank you all. I'll propose a pilot mission contract with the national housing ministry, with
one shared reporting template as the first deliverable and the division of labour Rafael
describes as its backbone.""",
            },
        ],
    },
    {
        "key": "theory-of-change-vs-systems-mapping",
        "kind": "DISCUSSION",
        "title": "Theory of change or systems map? What actually helps mission design",
        "author": "andres-villamizar",
        "pillars": ["ASSESSMENT", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["STRATEGIC_DESIGN_AGENCY", "RESEARCH_INNOVATION_AGENCY"],
        "topics": ["evaluation", "experimentation", "governance"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 42,
        "body": """\
In our work with cities, we are often asked to produce a **theory of change** for a mission: a
chain from activities to outputs to outcomes to impact. Evaluators like it because it gives
them something to test. But for missions, these chains tend to be linear fiction. The systems
we work in are full of feedback loops, delays and actors we don't control.

We have started using **systems maps** instead: visual maps of the main factors, relationships
and feedback loops around the mission goal, made with stakeholders. They are good at showing
where to intervene and where the risks are. But they are hard to evaluate against, and
evaluators find them frustrating.

Is it one or the other? How do others combine them? And how do you make a systems map useful
for assessment, not only for design?""",
        "replies": [
            {
                "author": "mette-kjaergaard",
                "hours_after": 10,
                "accepted": False,
                "body": """\
We see them as complementary. The systems map helps you choose **leverage points** and
understand the dynamics. For each intervention in the portfolio, you then write a short,
explicit theory of change: how do we expect this intervention to influence the system, and what
would we see if it works? The map gives context; the theories of change give testable
hypotheses. Updating both each year is the learning loop.""",
            },
            {
                "author": "marcus-leblanc",
                "hours_after": 24,
                "accepted": False,
                "body": """\
We tried updating a systems map every six months with the same stakeholders. The changes in the
map turned out to be a rich evaluation source in themselves: which relationships people now saw
as stronger, which factors had become less important.""",
            },
            {
                "author": "tiago-salgueiro",
                "hours_after": 50,
                "accepted": False,
                "body": """\
For our ocean mission, the systems map showed that the biggest leverage point was port
regulation, which none of our projects were addressing. We would never have seen that with a
theory of change.""",
            },
            {
                "author": "andres-villamizar",
                "hours_after": 72,
                "accepted": False,
                "body": """\
Helpful — the idea of theories of change *inside* the systems map, per intervention, and
updating the map as an evaluation tool in itself. I'll try that combination with the next city.""",
            },
        ],
    },
    {
        "key": "commercial-space-public-return",
        "kind": "DISCUSSION",
        "title": "What should the public get back from commercial space partnerships?",
        "author": "pieter-van-der-merwe",
        "pillars": ["RISKS_AND_REWARDS"],
        "organisation_types": ["SPACE_AGENCY", "PUBLIC_BANK"],
        "topics": ["space", "risk-sharing", "market-shaping", "equity-stakes"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 88,
        "body": """\
Space agencies everywhere are moving from building their own systems to buying services from
companies and co-investing in commercial ventures. The argument is efficiency and market
creation. The results have been impressive in some places.

But I'm struck by how rarely we discuss **what the public gets back**. Space programmes have
historically been entirely public investments: decades of research, test facilities, trained
engineers, launch sites. Now companies build on that foundation, often with public anchor
contracts and grants, and the returns are private.

In our agency we are preparing the partnership model for a small-satellite launch site.
Options:

- the public owns the site and leases it at cost;
- a joint venture with a company, with the agency holding equity;
- a concession with revenue sharing;
- conditions on local jobs, training and access for universities.

How are other space agencies structuring the public return? Are there examples where the public
shared in the upside of a commercial space success?""",
        "replies": [
            {
                "author": "giulia-ferraro",
                "hours_after": 14,
                "accepted": False,
                "body": """\
In our Earth observation contracts we asked for non-financial returns: priority tasking, data
for research, and keeping processing capacity in the country. For a launch site, which is a
long-lived asset, I'd look seriously at keeping public ownership of the land and infrastructure
and leasing it, so that the public retains control if the operator fails or is bought.""",
            },
            {
                "author": "mei-lin-tan",
                "hours_after": 30,
                "accepted": False,
                "body": """\
The space sector is a good illustration of a general point: when the state takes early, high
risks and then hands over to private actors, the **distribution of rewards** is determined by
the contracts at the moment of handover. Once the contracts are signed, it is too late. Equity
or revenue sharing is reasonable where the public has carried risk that private investors would
not have. Public ownership of long-lived infrastructure is another way of keeping a share of
the value created.""",
            },
            {
                "author": "thandiwe-mokoena",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Colleague of Pieter. Our board is very interested in revenue sharing. My concern is monitoring:
how do we verify revenues of a company that operates internationally? Maybe a simpler fee
structure with a share above a threshold is easier to manage.""",
            },
            {
                "author": "alessandro-conti",
                "hours_after": 60,
                "accepted": False,
                "body": """\
We have a fee-plus-share model for use of our test facilities: a fixed fee, plus a small share
of revenues from products that were qualified there, for ten years. It generates modest income,
but more importantly, it reminds everyone that the public contributed.""",
            },
            {
                "author": "pieter-van-der-merwe",
                "hours_after": 80,
                "accepted": False,
                "body": """\
Thank you. Public ownership of the site with a long lease, a simple revenue share above a
threshold, and conditions on training and university access seems to be the direction.
Alessandro, I'd like to learn more about your model.""",
            },
        ],
    },
    {
        "key": "just-transition-in-missions",
        "kind": "DISCUSSION",
        "title": "Who pays and who benefits? Putting just transition inside missions",
        "author": "otieno-ochieng",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ASSESSMENT"],
        "organisation_types": [
            "INTERNATIONAL_AGENCY",
            "GOVERNMENT_DEPARTMENT",
            "LOCAL_REGIONAL_GOVERNMENT",
        ],
        "topics": ["climate", "citizen-engagement", "green-transition", "food-systems"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 28,
        "body": """\
Many green missions are designed with a clear technological direction (renewables, electric
mobility, low-carbon industry) and a separate "just transition" policy on the side for workers
and regions that lose out. In the countries we work with, this separation doesn't work. The
people affected by the transition — charcoal producers, small-scale farmers, informal transport
workers — are often the majority, not a minority to be compensated.

I'd like to discuss how **distributional questions** can be part of the mission itself:

- Should mission goals include explicit distributional targets (e.g. share of benefits going to
  low-income households)?
- How do you involve affected groups in setting routes, not only in consultation after
  decisions are made?
- What does it mean for assessment: how do you measure who benefits?""",
        "replies": [
            {
                "author": "rafael-dominguez",
                "hours_after": 12,
                "accepted": False,
                "body": """\
I'd argue that distribution is a question of **direction**, not an afterthought. A mission on
clean cooking that replaces charcoal with imported gas cylinders has a very different
distributional outcome from one that builds local biogas and improved cookstove production.
Both reduce emissions; only one creates local livelihoods. The route choice is where justice is
decided.""",
            },
            {
                "author": "achieng-odhiambo",
                "hours_after": 30,
                "accepted": False,
                "body": """\
In our water mission, we put pastoralist representatives on the steering committee from the
beginning. It slowed things down, but the priorities changed: more water points along migration
routes, fewer large dams. Those are route choices that we would have got wrong without them.""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 44,
                "accepted": False,
                "body": """\
On assessment: every mission indicator can be disaggregated by income, gender, region and other
relevant groups, and the gaps can be reported alongside the averages. It sounds technical, but
it makes distributional outcomes visible and forces a conversation when averages improve while
gaps widen.""",
            },
            {
                "author": "otieno-ochieng",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Thank you. Route choice as the place where justice is decided is a useful way to put it. We'll
propose disaggregated indicators and representation of affected groups in governance as minimum
standards for the missions we support.""",
            },
        ],
    },
    {
        "key": "reading-group-dynamic-capabilities",
        "kind": "DISCUSSION",
        "title": "Reading group: dynamic capabilities in the public sector",
        "author": "kwame-asante",
        "pillars": ["ORGANISATIONAL_CAPACITY", "ASSESSMENT"],
        "organisation_types": None,
        "topics": ["capabilities", "evaluation", "skills"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 205,
        "body": """\
We are starting an informal reading group for members interested in the concept of **dynamic
capabilities** in public organisations. One text per month, a one-hour online discussion, and a
short summary posted here afterwards.

Why this topic: many of the challenges posted in this forum — how to build a portfolio
approach, how to stop projects, how to recruit mission managers, how to work across departments
— come down to whether public organisations can **sense** change, **make sense** of it and
**reconfigure** themselves. The concept comes from management studies of private firms, and its
use in the public sector raises interesting questions: what does "competitive advantage" mean
for a ministry? What are the routines that allow change?

First session: an introduction to the concept and its public-sector adaptations, with a case
study of a digital agency that rebuilt its in-house capacity.

Please reply if you'd like to join, and suggest texts or cases you would like to discuss.
Practitioners are especially welcome: the point is to test concepts against experience.""",
        "replies": [
            {
                "author": "karin-sjoberg",
                "hours_after": 4,
                "accepted": False,
                "body": """\
Count me in. I'd like to discuss how dynamic capabilities relate to the ordinary capabilities
of running a ministry. We seem to have too few of both, and I suspect you cannot build the
first without a minimum of the second.""",
            },
            {
                "author": "kadri-tamm",
                "hours_after": 9,
                "accepted": False,
                "body": """\
I'd join too, and I'm happy to present our experience with rebuilding in-house engineering as a
case. It is a story of capabilities lost over fifteen years of outsourcing and slowly rebuilt
over five.""",
            },
            {
                "author": "miriam-eder",
                "hours_after": 20,
                "accepted": False,
                "body": """\
Count me in. Suggestion for a later session: how dynamic capabilities can be built through
**reorganisation**, since we have just gone through one and I'm not sure it helped.""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 200,
                "accepted": False,
                "body": """\
Summary of the first session: we discussed the difference between ordinary capabilities (doing
things right) and dynamic capabilities (changing what you do). Practitioners noted that in
their organisations, the routines for change — strategy reviews, portfolio reviews, budget
reallocation — often exist on paper but are treated as formalities. Kadri's case showed that
capabilities can be rebuilt, but it took five years and strong leadership protection. Next
session: Miriam's reorganisation case.""",
            },
            {
                "author": "mette-kjaergaard",
                "hours_after": 210,
                "accepted": False,
                "body": """\
I'd be happy to join the next session. One reading suggestion: some of the work on
**public-sector innovation labs** as carriers of dynamic capabilities, and why many of them
were closed after a few years.""",
            },
        ],
    },
    {
        "key": "mission-washing-relabelled-programmes",
        "kind": "DISCUSSION",
        "title": "Mission-washing: when existing programmes are relabelled as missions",
        "author": "julien-moreau",
        "pillars": ["ASSESSMENT", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": [
            "INTERNATIONAL_AGENCY",
            "GOVERNMENT_DEPARTMENT",
            "RESEARCH_INNOVATION_AGENCY",
        ],
        "topics": ["governance", "evaluation", "portfolio"],
        "visibility": "PUBLIC",
        "closed": True,
        "days_ago": 145,
        "body": """\
In our peer reviews of national innovation policies, we see a growing number of "missions".
Many are real attempts to change how government works. But a good share are what one reviewer
called **mission-washing**: existing programmes grouped under a new heading, with an ambitious
goal on the cover and business as usual inside.

Signs we look for:

- no new money, no reallocation, and no stopped programmes since the mission was launched;
- targets that were already in existing strategies;
- no change in how departments work together;
- reporting that counts inputs of existing programmes as mission results.

I'm not raising this to point fingers — every government faces pressure to announce missions
quickly. But if the concept becomes a label for anything, it will lose its credibility. How do
we, as a network, distinguish real missions from relabelling? Should there be minimum criteria?""",
        "replies": [
            {
                "author": "camille-laurent",
                "hours_after": 6,
                "accepted": False,
                "body": """\
Colleague of Julien. To add: in our reviews, the clearest single test is whether **anything has
stopped** because of the mission. A mission that only adds and never redirects is rarely a
mission.""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 20,
                "accepted": False,
                "body": """\
Minimum criteria could be useful as a self-assessment tool rather than a certification.
Something like: a measurable goal with a deadline, a portfolio that spans sectors and actors, a
budget that can be reallocated, and an evaluation approach that looks at system change.
Organisations could be transparent about which criteria they meet and which they are working
towards.""",
            },
            {
                "author": "ciaran-doyle",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Honest answer from a department that was probably guilty of this in its first year: relabelling
is often the **first step**, not the end point. We started by listing what we already did under
the mission, and only then saw the gaps and overlaps. The problem is if you stop there.""",
            },
            {
                "author": "andres-villamizar",
                "hours_after": 60,
                "accepted": False,
                "body": """\
I agree with Ciarán, but the public doesn't see the difference between step one and the end
point. I'd add a criterion on communication: don't announce a mission until you can say what
will be done differently.""",
            },
            {
                "author": "ignacio-fuentes",
                "hours_after": 72,
                "accepted": False,
                "body": """\
Some of the comments in the peer review reports have been quoted in our national press as proof
that our mission is "fake". That has made things harder for those of us inside government who
are trying to make it real. I'd ask for more care in how these assessments are published about
named countries.""",
            },
            {
                "author": "owen-gallagher",
                "hours_after": 80,
                "accepted": False,
                "body": """\
Moderator note: this has been a valuable discussion, and the last comment raises a fair point
about how assessments of named members are discussed in public. To keep this space safe for
candid exchange, I'm locking this thread. The question of minimum criteria will be taken up by
the working group on mission design, which will draft a self-assessment tool and bring it back
to the network. Ignacio and Julien, I'll put you in touch with each other directly.""",
            },
        ],
    },
    {
        "key": "spring-peer-exchange-hosts",
        "kind": "DISCUSSION",
        "title": "Call for hosts: spring peer exchange visits",
        "author": "priya-raman",
        "pillars": ["ORGANISATIONAL_CAPACITY"],
        "organisation_types": None,
        "topics": ["skills", "capabilities"],
        "visibility": "PUBLIC",
        "closed": True,
        "days_ago": 230,
        "body": """\
The secretariat is organising the first round of **peer exchange visits** for the spring. The
idea is simple: a small group of three to five members spends two days with a host
organisation, looking at how it runs one aspect of its mission work, and then writes a short
shared reflection for the forum.

We are looking for four hosts. A good host:

- has something specific to show (a portfolio review, a procurement process, a citizen
  assembly, an evaluation method);
- is willing to show the messy parts, not only the successes;
- can give visitors access to the people who do the work.

Travel costs for visitors are covered by the network's peer-learning budget; hosts cover only
the time of their staff.

Please reply here if your organisation would like to host, with a sentence on what you would
show. The deadline is the end of next month. Non-hosts: you will be able to sign up as visitors
once the hosts are confirmed.""",
        "replies": [
            {
                "author": "miriam-eder",
                "hours_after": 20,
                "accepted": False,
                "body": """\
We would be happy to host a visit on our **portfolio review process** — visitors could attend a
real review meeting of one of our three mission portfolios and talk to the portfolio leads
afterwards.""",
            },
            {
                "author": "lucia-navarro",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Valmera can host a visit on our **residents' assemblies** and how we connect them to the
technical mission work. Late spring is best, when the next assembly takes place.""",
            },
            {
                "author": "kadri-tamm",
                "hours_after": 50,
                "accepted": False,
                "body": """\
Digital Commons Agency volunteers for a visit on rebuilding **in-house engineering capacity**
and how we work with suppliers inside our architecture. Visitors could join one of our planning
sessions with the supplier teams.""",
            },
            {
                "author": "owen-gallagher",
                "hours_after": 400,
                "accepted": False,
                "body": """\
Thank you all. The four hosts are confirmed: Alpine Research and Innovation Agency, Valmera
City Council, Digital Commons Agency and Nordic Mission Bank (who replied by e-mail). Sign-up
for visitors will open in a separate announcement. I'm closing this thread to keep the call
tidy.""",
            },
        ],
    },
    {
        "key": "regulatory-sandboxes-mission-tool",
        "kind": "DISCUSSION",
        "title": "Are regulatory sandboxes a mission tool or a deregulation tool?",
        "author": "yuki-tanabe",
        "pillars": ["ROUTES_AND_DIRECTIONS", "RISKS_AND_REWARDS"],
        "organisation_types": ["INTERNATIONAL_AGENCY", "GOVERNMENT_DEPARTMENT", "DIGITAL_AGENCY"],
        "topics": ["regulation", "experimentation", "market-shaping"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 52,
        "body": """\
Several governments we work with have set up **regulatory sandboxes**: companies can test new
products under relaxed rules for a limited time, under the supervision of the regulator. They
started in finance and are spreading to energy, health and mobility.

In principle, sandboxes fit mission thinking well: regulation is one of the strongest levers a
government has to set direction, and learning-by-doing is better than regulating in the dark.

But in practice, I see two different uses:

- **Directional sandboxes**, opened for solutions the mission needs (e.g. peer-to-peer trading
  of renewable energy, new models of community health care), with the explicit aim of changing
  the rules afterwards;
- **Open sandboxes**, where any company can apply for exemptions, which in some countries have
  become a way to weaken rules quietly.

How are others using sandboxes in their missions? Who chooses the themes? And what happens
after the sandbox — do the lessons change the regulation?""",
        "replies": [
            {
                "author": "jonas-thygesen",
                "hours_after": 14,
                "accepted": False,
                "body": """\
Your distinction is important. A sandbox is a tool for learning about regulation, and what you
learn depends on what you let in. A **mission-led sandbox** defines the problem and the public
values that must be protected, and lets solutions compete within those limits. Without
direction, sandboxes simply follow whoever has the resources to apply.""",
            },
            {
                "author": "ananya-iyer",
                "hours_after": 30,
                "accepted": False,
                "body": """\
We run a sandbox for consent-based data sharing. The key design choice was that the regulator
and the mission owner (in our case the health ministry) **jointly** choose the themes for each
cohort. And every cohort ends with a public report on what should change in the rules.""",
            },
            {
                "author": "karin-sjoberg",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Our energy regulator opened a sandbox for industrial flexibility markets as part of our heavy
industry mission. It led to a rule change within two years, which would have taken much longer
otherwise. The main cost was regulator staff time, which nobody had budgeted for.""",
            },
        ],
    },
    {
        "key": "finance-for-food-system-missions",
        "kind": "DISCUSSION",
        "title": "Financing food system missions: where do public banks fit in?",
        "author": "rodrigo-menezes",
        "pillars": ["ROUTES_AND_DIRECTIONS", "RISKS_AND_REWARDS"],
        "organisation_types": ["PUBLIC_BANK", "LOCAL_REGIONAL_GOVERNMENT", "INTERNATIONAL_AGENCY"],
        "topics": ["food-systems", "public-finance", "climate"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 22,
        "body": """\
Food systems are increasingly the subject of missions: ending hunger, healthy diets,
regenerative agriculture, reduced food waste. But when we look at how these missions are
financed, we mostly see **grants and subsidies**, plus some agricultural credit that has
existed for decades.

Public banks could play a much larger role, but the needs are unusual:

- many of the actors are small: family farmers, cooperatives, local processors, municipal
  programmes;
- the most valuable investments (soil health, agroforestry, local logistics) have long pay-back
  times and uncertain cash flows;
- the public benefits (nutrition, biodiversity, resilience) don't appear on anyone's balance
  sheet.

I'd like to discuss with banks, ministries and cities: what instruments have worked for food
system missions? Should public banks be lending directly to small actors, or financing
intermediaries like cooperatives and municipal programmes?""",
        "replies": [
            {
                "author": "beatriz-almeida",
                "hours_after": 8,
                "accepted": False,
                "body": """\
From the municipal side: the most valuable thing for us would be a credit line that accepts the
**school meals contract as collateral**. A cooperative with a three-year contract with the
municipality is a much better risk than it looks on paper.""",
            },
            {
                "author": "benjamin-hart",
                "hours_after": 20,
                "accepted": False,
                "body": """\
Our agency's food mission works with a public bank on **blended loans for regenerative
agriculture**: a grant covers the first years of transition when yields may fall, then a loan
kicks in. The combination made it possible for farmers who would never have taken the risk with
credit alone.""",
            },
            {
                "author": "mei-lin-tan",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Intermediaries are usually the answer for small actors, but the choice of intermediary is
itself a directional decision. Lending through cooperatives and municipal programmes builds
local capacity and market power for small producers; lending through large traders can
reinforce existing concentration. Public banks can use this choice deliberately.""",
            },
        ],
    },
    {
        "key": "public-bank-mandates-patient-capital",
        "kind": "DISCUSSION",
        "title": "Public bank mandates: how patient is patient capital?",
        "author": "mei-lin-tan",
        "pillars": ["RISKS_AND_REWARDS", "ASSESSMENT"],
        "organisation_types": ["PUBLIC_BANK", "GOVERNMENT_DEPARTMENT", "INTERNATIONAL_AGENCY"],
        "topics": ["public-finance", "market-shaping", "evaluation", "risk-sharing"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 155,
        "body": """\
Public banks are often described as sources of **patient capital**: finance that accepts longer
time horizons and higher risks than private finance because it is oriented to public goals. In
our comparative work on public banks, we see large differences in what "patient" means in
practice.

Some observations, for discussion:

- Mandates often say "long-term" and "mission-oriented", but **capital adequacy rules, credit
  ratings and return targets** set by shareholders push banks towards the same risk appetite as
  commercial banks.
- Some banks have explicit "policy windows" with lower return requirements for mission
  investments; others treat everything on commercial terms and call the difference
  additionality.
- Very few banks evaluate themselves on whether their patience paid off — whether the markets
  they supported early became viable later.

I would like to hear from the public banks in the network:

1. What in your mandate or governance actually allows you to be patient?
2. Where do you feel the constraints?
3. How do you report on the risk you take on purpose, as opposed to the risk you are supposed
   to avoid?""",
        "replies": [
            {
                "author": "ingrid-solberg",
                "hours_after": 10,
                "accepted": False,
                "body": """\
Our mandate allows a lower return target for what we call "transition investments", capped at a
share of the balance sheet. It works, but the cap is reached quickly, and then everything is
back to commercial terms. The rating agency's view of the bank matters more internally than the
mandate.""",
            },
            {
                "author": "matthias-brenner",
                "hours_after": 16,
                "accepted": False,
                "body": """\
Constraint for us: the federal guarantee gives us cheap funding, but our risk-bearing capacity
is limited by capital rules that were designed for commercial banks. We can be patient on
tenor, much less on risk.""",
            },
            {
                "author": "luana-tavares",
                "hours_after": 30,
                "accepted": False,
                "body": """\
We have a specific fund within the bank with its own capital, endowed by the government, for
high-risk mission investments. Losses there don't affect the bank's rating. It's the only place
where we are truly patient.""",
            },
            {
                "author": "nora-bakken",
                "hours_after": 46,
                "accepted": False,
                "body": """\
On question 3: we recently started reporting on "intended risk" in our annual report, meaning
the share of our portfolio in segments where we deliberately took risks that the market
wouldn't. It changed the conversation with our shareholder: losses in that segment are now
discussed as a cost of the mission, not as failures.""",
            },
            {
                "author": "adaeze-nwosu",
                "hours_after": 60,
                "accepted": False,
                "body": """\
From the multilateral side, the same tension exists: we are rated too. Several of our
shareholders are now discussing **hybrid capital** and callable capital to expand risk-bearing
capacity. It might be worth discussing whether national public banks could use similar
instruments.""",
            },
            {
                "author": "mei-lin-tan",
                "hours_after": 80,
                "accepted": False,
                "body": """\
Thank you — a very rich set of responses. What comes through: patience is possible where it is
ring-fenced (policy windows, separate funds with their own capital) and made visible (Nora's
"intended risk" reporting). I'll write this up as a short note for the network, and I would
welcome examples of how banks evaluated whether their early patient investments paid off.""",
            },
        ],
    },
    {
        "key": "metrics-fatigue-reporting-burden",
        "kind": "DISCUSSION",
        "title": "Metrics fatigue: are we asking projects to report too much?",
        "author": "tiago-salgueiro",
        "pillars": ["ASSESSMENT", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": None,
        "topics": ["metrics", "data", "evaluation"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 15,
        "body": """\
In the past two years, our agency has added mission indicators, portfolio indicators, learning
reports, EU reporting, gender and sustainability reporting, and a new dashboard. Each addition
made sense. Together, our project teams now spend about **a fifth of their time** on reporting,
and the quality of what they report is declining. Several partners in our ocean mission — small
companies and fishing associations — have told us they won't apply again because of the burden.

The irony is that most of the data are not used for decisions. They are collected "in case".

I'm interested in how others have reduced the reporting burden without losing what matters:

- Have you cut indicators, and how did you decide which to drop?
- Have you replaced written reports with other formats (conversations, short learning notes,
  automated data)?
- How did you convince funders or auditors who asked for the data in the first place?""",
        "replies": [
            {
                "author": "lena-gruber",
                "hours_after": 8,
                "accepted": False,
                "body": """\
We cut our project indicators from 34 to 9 last quarter (see the thread on our portfolio
dashboard). The rule was simple: for each indicator, someone had to name the decision it
informs. If no one could, it went. Nobody has missed the ones we dropped so far.""",
            },
            {
                "author": "mette-kjaergaard",
                "hours_after": 30,
                "accepted": False,
                "body": """\
One approach that works well: replace most written reporting with a **structured learning
conversation** twice a year between the portfolio team and each project, with a one-page note
afterwards. Quantitative data are limited to a few indicators that are collected automatically
or already exist. The conversations produce much better information about what is happening
than long reports.""",
            },
            {
                "author": "tiago-salgueiro",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Thanks both. The "name the decision it informs" rule is a great filter. We'll run that exercise
and trial learning conversations with the ocean mission partners.""",
            },
        ],
    },
    {
        "key": "valmera-zero-emission-district-lessons",
        "kind": "CASE_EXAMPLE",
        "title": "Two years of a climate-neutral district mission in Valmera: what we learned",
        "author": "lucia-navarro",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ORGANISATIONAL_CAPACITY", "ASSESSMENT"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT"],
        "topics": ["cities", "climate", "procurement", "citizen-engagement", "governance"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 230,
        "body": """\
Two years ago Valmera committed to make three pilot districts **climate-neutral by 2030**, as a
first step towards the whole city. Here is an honest summary of what we did and learned, for
others starting similar missions.

**What we did**

- Set up a small mission office (five people) in the mayor's department, with a mandate to
  coordinate all departments active in the districts.
- Ran residents' assemblies in each district to choose priorities and agree on the level of
  ambition for car traffic, which turned out to be the most sensitive issue.
- Retrofitted 22 public buildings through conventional tenders, and launched a one-stop shop
  for private home renovation.
- Redesigned two streets per district as low-traffic streets, first with temporary materials,
  then permanently.

**What happened**

Emissions in the districts fell by around 14% in two years, mostly through buildings. Traffic
measures were controversial at first, but after the temporary trials, support rose from around
40% to over 60%. The one-stop shop was slow to start, with only a handful of renovations in the
first year.

**What we learned**

1. **Temporary trials change minds** more than consultations do.
2. The mission office needs **budget**, not only a mandate. Coordination without money is
   politely ignored.
3. Conventional procurement got buildings done but didn't build the local market; we need a
   different approach next round.
4. Residents trusted the process more when we reported back publicly on every recommendation.

Full report: [Valmera mission two-year
review](https://valmera-city-council.example/mission/two-year-review).""",
        "replies": [
            {
                "author": "rafael-dominguez",
                "hours_after": 18,
                "accepted": False,
                "body": """\
Thank you for such an honest account. The finding about temporary trials fits a broader
pattern: **experimentation as a way of building legitimacy**, not just of testing solutions.
People can experience the change before they are asked to accept it permanently. I'd be
interested in whether the trials were designed with residents or by the city.""",
            },
            {
                "author": "lucia-navarro",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Rafael, mostly by the city's mobility team, but the residents' assemblies chose which streets.
Next time we want residents to co-design the trials too.""",
            },
            {
                "author": "fatima-hussain",
                "hours_after": 50,
                "accepted": False,
                "body": """\
Point 2 resonates. Our mission office had a mandate and no budget for the first year.
Departments came to meetings and then did what they had planned anyway.""",
            },
            {
                "author": "gareth-pryce",
                "hours_after": 70,
                "accepted": False,
                "body": """\
Could you say more about why the one-stop shop was slow? We're about to launch something
similar for home adaptations for older residents, and I'd rather learn from your first year
than repeat it.""",
            },
            {
                "author": "jordi-puig",
                "hours_after": 90,
                "accepted": False,
                "body": """\
Colleague of Lucía. Three reasons: homeowners didn't trust advisers from the city, contractors
were fully booked and not interested in small jobs, and the grant process took four months.
We've since partnered with local neighbourhood associations for outreach and started bundling
homes for contractors, which helps.""",
            },
            {
                "author": "sanne-de-vries",
                "hours_after": 140,
                "accepted": False,
                "body": """\
Bundling is what made the difference in our villages too. Contractors will quote for twenty
homes in one street when they would ignore one. Happy to compare notes on the contractual side
if you want.""",
            },
        ],
    },
    {
        "key": "green-shipping-fund-first-loss",
        "kind": "CASE_EXAMPLE",
        "title": "A first-loss tranche for zero-emission ships: results after three years",
        "author": "nora-bakken",
        "pillars": ["RISKS_AND_REWARDS", "ASSESSMENT"],
        "organisation_types": ["PUBLIC_BANK", "INTERNATIONAL_AGENCY"],
        "topics": ["public-finance", "risk-sharing", "green-transition", "market-shaping"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 195,
        "body": """\
Three years ago our bank set up a fund for **zero-emission coastal vessels** together with two
commercial banks and a pension fund. We took a first-loss tranche of 20%, the others took
senior positions. The aim was to finance the first series of battery-electric and
hydrogen-ready ferries and supply vessels, which commercial lenders considered too risky on
their own.

**What we did**

- Set investment criteria linked to our maritime mission: only vessels with zero direct
  emissions or a verified conversion plan.
- Took a seat on the investment committee with a veto on eligibility but not on credit
  decisions.
- Agreed that once the fund had financed 30 vessels, the first-loss tranche would be reduced.

**What happened**

The fund financed 34 vessels in three years. Losses so far: one vessel, when a small shipowner
went bankrupt; our tranche absorbed it. The senior lenders have since started financing battery
ferries **without** the fund, on their own balance sheets, at terms close to those for
conventional vessels.

**What we learned**

1. First-loss worked to bring in private lenders, but mainly because it came with **technical
   knowledge**: our team assessed the technology risk, which commercial banks couldn't.
2. The eligibility veto mattered more than the first-loss percentage for keeping the fund
   aligned with the mission.
3. We should have agreed from the start what share of the upside the first-loss tranche would
   get. In the current structure we carried the highest risk for a fixed return.

We are now designing a second fund for deep-sea shipping, where the technology risk is much
higher.""",
        "replies": [
            {
                "author": "mei-lin-tan",
                "hours_after": 12,
                "accepted": False,
                "body": """\
A very useful case. Point 3 deserves attention in the next fund: when the public takes the
first-loss position and the market afterwards develops as hoped, the private partners benefit
from that development. A structure in which the first-loss tranche receives a **share of the
excess returns** or can convert to equity would better reflect the risk the public carried.""",
            },
            {
                "author": "katharina-vogel",
                "hours_after": 30,
                "accepted": False,
                "body": """\
The observation that senior lenders now finance battery ferries without you is the best
possible evidence of market-shaping. Did you track the terms they offer over time? That would
be a great indicator of market-shaping, which is exactly what our own evaluations fail to
capture.""",
            },
            {
                "author": "nora-bakken",
                "hours_after": 50,
                "accepted": False,
                "body": """\
Katharina, yes — we have the spreads on the deals we were involved in, and we asked the two
banks for their terms on subsequent deals. The spread has fallen by roughly half. We'll include
that in our next report.""",
            },
            {
                "author": "adaeze-nwosu",
                "hours_after": 80,
                "accepted": False,
                "body": """\
We'd be interested in co-financing the deep-sea fund. Our experience suggests that for higher
technology risk, **grant-funded technical assistance** next to the first-loss tranche is
essential. Happy to talk.""",
            },
        ],
    },
    {
        "key": "once-only-data-exchange",
        "kind": "CASE_EXAMPLE",
        "title": "Rebuilding a national data exchange layer in the open: the first eighteen months",
        "author": "rasmus-kask",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["DIGITAL_AGENCY"],
        "topics": ["digital-public-infrastructure", "data", "procurement", "capabilities"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 175,
        "body": """\
Our agency is rebuilding the national **data exchange layer** that lets public registries
exchange data under the once-only principle. This is an account of the first eighteen months of
delivery, for anyone facing a similar rebuild of core infrastructure.

**What we did**

- Built an in-house team of 14: product owner, architects, engineers and a community manager.
  Before, we had three people managing a contractor.
- Publish all code, architecture decisions and the roadmap in the open from day one.
- Contract development capacity from a framework of six suppliers, mostly SMEs, for time-boxed
  work packages.
- Created a governance board with the five biggest user ministries.

**What happened**

The first two components are in production. Development speed was slower than with the old
contractor in the first six months, and much faster after that. Two suppliers dropped out; two
new ones joined without problems because the documentation was good. Two other countries are
now reusing our components.

**What we learned**

- The in-house team is what makes everything else possible. We underestimated how long it would
  take to recruit senior engineers.
- Working in the open disciplines documentation and makes new suppliers productive quickly.
- The governance board is where the real value shows: ministries now bring their needs to us
  early instead of building their own solutions.""",
        "replies": [
            {
                "author": "vikram-desai",
                "hours_after": 20,
                "accepted": False,
                "body": """\
Very impressive, and the reuse by two other countries is a great sign. How did you manage to
recruit senior engineers on public salaries? That's our biggest bottleneck, by far.""",
            },
            {
                "author": "rasmus-kask",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Vikram, honestly, partly luck and partly purpose. We emphasised that their work would be used
by the whole country and by other countries, and we offered flexibility. We also created a
technical career track that goes to the same salary level as management positions. It's still
below the private sector, but closer.""",
            },
            {
                "author": "hannah-whitcombe",
                "hours_after": 60,
                "accepted": False,
                "body": """\
This is a great example of rebuilding capabilities. What stands out is the sequence: in-house
capacity first, then open working, then market-shaping through the supplier framework. The
technical career track is a detail that many public organisations overlook, and it's central
for keeping the knowledge you build.""",
            },
        ],
    },
    {
        "key": "northbridge-healthy-ageing-year-one",
        "kind": "CASE_EXAMPLE",
        "title": "Year one of a healthy-ageing mission across nine boroughs",
        "author": "gareth-pryce",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ASSESSMENT"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT", "GOVERNMENT_DEPARTMENT"],
        "topics": ["health", "cities", "citizen-engagement", "governance"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 220,
        "body": """\
Our combined authority launched its mission a year ago: **five more healthy years** of life in
our poorest neighbourhoods by 2040. Here's what the first year looked like.

**What we did**

- Started with "listening months" in twelve neighbourhoods: residents, GPs, community groups,
  employers. The main message was that health is about loneliness, damp homes, unsafe streets
  and insecure work as much as about health care.
- Built a portfolio of 20 projects across housing, transport, employment and health services,
  with a small pooled fund and secondees from the boroughs and the regional health service.
- Recruited 40 community health workers from the neighbourhoods themselves.

**What happened**

The community health workers were the standout success: high trust, many referrals to services
people had never used. The housing projects were slowest; landlords were difficult to engage.
The employer programme on flexible retirement has only three participants so far.

**What we learned**

1. **The listening months set the direction.** Without them we would have focused on clinical
   services.
2. Recruiting from the neighbourhoods built trust faster than any campaign.
3. We don't yet know how to measure progress. We have too many indicators and no structure. (My
   colleague Fatima will probably ask you about this later.)
4. The pooled fund, though small, was the only money that could move quickly between projects.""",
        "replies": [
            {
                "author": "aroha-whaanga",
                "hours_after": 16,
                "accepted": False,
                "body": """\
The community health worker model resonates strongly. In our rural and indigenous communities,
similar roles have been the most effective way of getting new treatments to people. Did you
have difficulties getting them recognised by the health system?""",
            },
            {
                "author": "gareth-pryce",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Aroha, yes. The health service initially wanted clinical qualifications. We negotiated a
training pathway and a supervision arrangement with local practices. It took four months.""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Thank you for this. Point 3 is common in year one, and it's much easier to fix now than in year
five. The fact that the listening months changed the direction of the mission is worth
emphasising: it's a good example of routes being set through **engagement**, not just
consultation.""",
            },
            {
                "author": "lucia-navarro",
                "hours_after": 80,
                "accepted": False,
                "body": """\
Our mission office had the same experience with the pooled fund. Small and flexible beats large
and locked, and it gives the mission team standing with departments. Good luck with year two.""",
            },
            {
                "author": "camille-laurent",
                "hours_after": 120,
                "accepted": False,
                "body": """\
Would you be willing to present this in our next peer review workshop on city missions? The
combination of listening and community recruitment would be valuable for others.""",
            },
        ],
    },
    {
        "key": "test-facilities-fee-plus-share",
        "kind": "CASE_EXAMPLE",
        "title": "Opening our test facilities to start-ups with a fee-plus-share model",
        "author": "alessandro-conti",
        "pillars": ["RISKS_AND_REWARDS", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["SPACE_AGENCY", "RESEARCH_INNOVATION_AGENCY"],
        "topics": ["space", "risk-sharing", "market-shaping", "capabilities"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 160,
        "body": """\
Our agency owns test facilities that were built over decades with public money: thermal vacuum
chambers, vibration tables, an antenna test range. For years they were used mostly for our own
programmes and booked by large contractors at cost.

Three years ago we opened them to **start-ups and SMEs** with a new pricing model.

**What we did**

- A low fixed fee for booking, well below the full cost, for companies under a certain size.
- In exchange, a small share (1.5%) of revenues from products that were **qualified** in our
  facilities, for ten years, capped at five times the discount received.
- Technical support from our engineers during tests, which turned out to be what start-ups
  valued most.

**What happened**

Use of the facilities went up by 60%. About 30 companies have used them, mostly for
small-satellite components. Revenue from the shares is still modest, but rising. Two companies
that qualified their products with us have since won export contracts.

**What we learned**

- Start-ups accepted the revenue share without discussion once it was clearly capped. The cap
  made it feel fair.
- Monitoring is the weak point: we rely on self-reporting, with a right to audit that we have
  used once.
- Our engineers learned a lot from working with start-ups. This was an unexpected benefit for
  our own capabilities.""",
        "replies": [
            {
                "author": "pieter-van-der-merwe",
                "hours_after": 20,
                "accepted": False,
                "body": """\
This is very relevant for our launch site, where we face the same question of how to share the
upside without scaring off young companies. How did you set the cap at five times the discount?
Was it negotiated or calculated?""",
            },
            {
                "author": "alessandro-conti",
                "hours_after": 36,
                "accepted": False,
                "body": """\
Pieter, calculated roughly: we estimated what share of start-ups would succeed and set the cap
so that the successful ones would cover the discount of the unsuccessful ones over ten years.
It's not precise, but it's defensible.""",
            },
            {
                "author": "amara-okafor",
                "hours_after": 60,
                "accepted": False,
                "body": """\
An elegant example of sharing rewards with the public. The logic of the cap — successful
companies cover the cost of supporting those that fail — is exactly the portfolio logic that
public investors need. It would be worth documenting the revenue flows carefully; in a few
years this could be a strong case for similar models elsewhere.""",
            },
            {
                "author": "giulia-ferraro",
                "hours_after": 90,
                "accepted": False,
                "body": """\
Colleague of Alessandro. For the record: the internal learning effect is now part of how we
justify the programme to our ministry, not just the revenue. Our engineers' familiarity with
new suppliers is also helping our procurement.""",
            },
        ],
    },
    {
        "key": "alpine-mission-portfolio-reorganisation",
        "kind": "CASE_EXAMPLE",
        "title": "Reorganising an innovation agency around mission portfolios: one year on",
        "author": "miriam-eder",
        "pillars": ["ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["RESEARCH_INNOVATION_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["portfolio", "capabilities", "governance"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 175,
        "body": """\
A year ago our agency moved from a structure based on funding instruments (collaborative
research, start-up support, tax credits) to one based on **three mission portfolios**: circular
economy, climate-neutral mobility and healthy ageing. Instruments still exist, but they are now
used by the portfolios.

**What we did**

- Appointed three portfolio leads with their own budgets and mixed teams drawn from the old
  instrument departments.
- Introduced portfolio reviews every four months, with an external member.
- Kept a "thematically open" line (about 40% of the budget) for applications outside the
  missions.

**What happened**

- The portfolio teams understand their sectors better, and applicants say the conversations are
  more useful.
- Instrument expertise (state aid rules, evaluation of funding instruments) became fragmented
  across the portfolios, and quality dropped in some places.
- Staff felt the change was imposed. Two experienced managers left.

**What we learned**

1. Keep **communities of practice** for instrument expertise across the portfolios. We've now
   set up three.
2. A reorganisation is not a capability. The portfolio reviews, where we learn and reallocate,
   are what changed how we work; the new organigram didn't.
3. Involve staff in designing the change. We would do this very differently today.""",
        "replies": [
            {
                "author": "hannah-whitcombe",
                "hours_after": 12,
                "accepted": False,
                "body": """\
Point 2 is very important and often overlooked. Organisational structure can support dynamic
capabilities, but the capability lies in **routines** — like the portfolio review — and in
people's skills and relationships. Reorganisations often destroy informal routines that worked.
Your communities of practice are a good way to rebuild them.""",
            },
            {
                "author": "lena-gruber",
                "hours_after": 24,
                "accepted": False,
                "body": """\
As one of the portfolio leads: the biggest change for me has been the shift from "managing
calls" to "managing a direction". It's more interesting and much harder. We need more support
on how to make portfolio choices.""",
            },
            {
                "author": "chloe-nguyen",
                "hours_after": 50,
                "accepted": False,
                "body": """\
Thank you for sharing the downsides too. We are considering a similar reorganisation. The 40%
open line is interesting: how did you decide on that share?""",
            },
            {
                "author": "miriam-eder",
                "hours_after": 70,
                "accepted": False,
                "body": """\
Chloe, it was a political compromise with the research community, who feared losing bottom-up
funding. In hindsight it was a good compromise: the open line brings ideas that later feed into
the missions.""",
            },
        ],
    },
    {
        "key": "ocean-plastics-challenge-prize",
        "kind": "CASE_EXAMPLE",
        "title": "An ocean plastics challenge prize: what worked and what did not",
        "author": "tiago-salgueiro",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ASSESSMENT"],
        "organisation_types": ["RESEARCH_INNOVATION_AGENCY", "LOCAL_REGIONAL_GOVERNMENT"],
        "topics": ["experimentation", "procurement", "evaluation"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 128,
        "body": """\
As part of our healthy oceans mission, we ran a **challenge prize** to reduce plastic waste
from fishing: lost and abandoned nets, boxes and ropes are a large share of the plastic in our
coastal waters.

**What we did**

- A two-stage prize: 20 teams received €25,000 each to develop and test a solution with a
  fishing community; the best five got €150,000 to scale up; one final prize of €500,000.
- Each team was paired with a **fishing association** from the start, which had to co-sign the
  application.
- The judging panel included two fishers and a port authority representative, not only
  scientists and investors.

**What happened**

The winning solution was not a technology: it was a deposit-return system for nets run by the
ports, with a simple tracking tag. Two other finalists (a biodegradable rope and a
net-recycling process) have since found private investors. Several non-winning teams kept
working with their fishing associations.

**What we learned**

1. Pairing teams with fishing associations changed the **kind of solutions** proposed: more
   practical, more organisational, fewer gadgets.
2. A prize can reveal that the real barrier is not technology but **rules and incentives**. The
   winning idea needed a change in port regulations that we hadn't anticipated.
3. We didn't plan what happens after the prize. The winner had no route to scale until the port
   authority adopted it, which took a year.

Next time, we would involve the bodies who can adopt the solution (port authorities,
ministries) as **future buyers** from the start.""",
        "replies": [
            {
                "author": "lucas-marchetti",
                "hours_after": 20,
                "accepted": False,
                "body": """\
An excellent case. Point 3 is the most common weakness of challenge prizes: they're good at
stimulating solutions, weak at creating demand for them. Linking the prize to a **procurement
route** or a regulatory commitment ("if a solution meets these criteria, the port authorities
commit to trial it") can turn a prize into a real market-shaping instrument.""",
            },
            {
                "author": "giulia-ferraro",
                "hours_after": 40,
                "accepted": False,
                "body": """\
We had the same experience with a prize for satellite-based services. The winners had nowhere
to go afterwards until we created a small pre-commercial procurement line. Now the prize and
the procurement are designed together.""",
            },
            {
                "author": "andres-villamizar",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Point 1 is beautiful. In our experience, who co-signs the application changes who feels
ownership of the result. We are going to borrow that for a city challenge on street heat.""",
            },
            {
                "author": "ines-moreira",
                "hours_after": 90,
                "accepted": False,
                "body": """\
Colleague of Tiago. An update: the port authority has now included the deposit-return system in
its new regulations, and two other ports have asked to join. The mission's next prize will have
the ports as co-funders from the beginning.""",
            },
        ],
    },
    {
        "key": "participatory-hydrogen-roadmap",
        "kind": "CASE_EXAMPLE",
        "title": "A participatory green hydrogen roadmap in the regions that will host it",
        "author": "valentina-rojas",
        "pillars": ["ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["GOVERNMENT_DEPARTMENT", "LOCAL_REGIONAL_GOVERNMENT"],
        "topics": ["energy", "citizen-engagement", "industrial-strategy", "climate"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 105,
        "body": """\
Our green hydrogen mission will change two regions more than any other: the desert north, with
its solar potential, and the windy south. Our first national strategy was written in the
capital with companies and experts. It was criticised — rightly — for ignoring the people who
live there: indigenous communities, small towns, fishers worried about desalination plants.

For the **regional roadmaps**, we tried something different.

**What we did**

- Six months of regional dialogues in both regions, with communities, municipalities,
  universities and companies, facilitated by an independent team.
- A regional "benefit framework": what the regions should get from hydrogen projects (local
  jobs and training, shared infrastructure like water and roads, revenue for municipalities).
- Binding commitments in the tenders for public land: projects must meet the benefit framework
  to be eligible.

**What happened**

The dialogues were tense at times, particularly around water use and land. But the benefit
framework has broad support, and the first two land tenders under the new rules attracted more
bids than expected. Companies said that **clear rules on local benefits** reduced their risk of
conflict later.

**What we learned**

- Participation takes time and money, and must start before the big decisions, not after.
- Linking participation to something binding (land tenders) gave it credibility.
- Companies preferred clear obligations to uncertainty about social acceptance.""",
        "replies": [
            {
                "author": "rafael-dominguez",
                "hours_after": 24,
                "accepted": False,
                "body": """\
This is a strong example of directionality being shaped with the people affected. The benefit
framework turns the question "who benefits from the mission?" into concrete, enforceable
conditions. And the finding that companies welcomed clear obligations echoes what we hear
across the network: **uncertainty** is a bigger deterrent than conditions.""",
            },
            {
                "author": "otieno-ochieng",
                "hours_after": 48,
                "accepted": False,
                "body": """\
Very relevant for the countries we support, several of which are negotiating with hydrogen
developers. Could you share the benefit framework? In particular, how did you set the revenue
share for municipalities?""",
            },
            {
                "author": "valentina-rojas",
                "hours_after": 72,
                "accepted": False,
                "body": """\
Otieno, yes, it's public: [regional hydrogen benefit
framework](https://ministerio-futuro-economia.example/hidrogeno/benefit-framework). The
municipal revenue is a fixed amount per megawatt installed, not a share of profits, because
profits are easy to hide and hard to verify.""",
            },
        ],
    },
    {
        "key": "bioeconomy-credit-reinvestment-clause",
        "kind": "CASE_EXAMPLE",
        "title": "A reinvestment clause in our bioeconomy credit line: the first two years",
        "author": "rodrigo-menezes",
        "pillars": ["RISKS_AND_REWARDS"],
        "organisation_types": ["PUBLIC_BANK"],
        "topics": ["conditionality", "equity-stakes", "public-finance", "food-systems"],
        "visibility": "MEMBERS",
        "closed": False,
        "days_ago": 118,
        "body": """\
Sharing this in the members-only area because it includes some figures from individual deals.

Two years ago, we added a **reinvestment clause** to our credit line for bioeconomy companies
that process forest products. Companies that receive subsidised credit (below market rate)
commit to reinvest a share of their profits — 20% over five years — in one of three areas:
training for local collectors, research and development with regional universities, or higher
prices paid to collector cooperatives.

**What we did**

- The clause applies only to the subsidised part of the credit and only in years with profits.
- Companies report annually with a simple template, verified by our regional staff on visits.
- In return for the clause, the interest rate is about two percentage points lower than our
  standard rate.

**What happened**

Of the 41 companies with the credit, 26 had profits in at least one year. Reinvestment reported
so far: about 3.4 million, mostly in higher prices to cooperatives and in training. Two
companies tried to report ordinary salary costs as training; our staff caught it. No company
has turned down the credit because of the clause.

**What we learned**

1. Companies accept conditions that are **proportional and clearly linked** to the subsidy they
   receive.
2. Verification works because our regional staff know the companies. It would not work from
   headquarters.
3. Letting companies choose between three areas increased acceptance, but makes the impact
   harder to assess.""",
        "replies": [
            {
                "author": "amara-okafor",
                "hours_after": 18,
                "accepted": False,
                "body": """\
This is one of the clearest examples I know of conditionality that links public support to
reinvestment in the public good, not just a financial return. The proportionality — only on the
subsidised part, only in profitable years — is the key to its acceptance. Have you considered
publishing aggregate results? It would be a useful reference for others.""",
            },
            {
                "author": "ingrid-solberg",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Very useful for our debate on reinvestment conditions. Our relationship managers argue that
conditions need heavy monitoring; your case shows that relationship-based verification can be
enough for smaller clients.""",
            },
            {
                "author": "luana-tavares",
                "hours_after": 50,
                "accepted": False,
                "body": """\
Colleague of Rodrigo. On point 3: we're now asking cooperatives to report the prices they
receive, so we can check independently whether the "higher prices" option is reaching
collectors.""",
            },
            {
                "author": "katharina-vogel",
                "hours_after": 80,
                "accepted": False,
                "body": """\
Interesting that the clause only applies in profitable years. We've discussed a similar
structure for our industrial loans and were worried about companies shifting profits. Did you
see any signs of that?""",
            },
            {
                "author": "rodrigo-menezes",
                "hours_after": 96,
                "accepted": False,
                "body": """\
Katharina, not so far, but most of these companies are small and don't have the structures for
creative accounting. For larger companies, I'd use a revenue-based trigger rather than profits.""",
            },
        ],
    },
    {
        "key": "prototyping-mission-governance",
        "kind": "CASE_EXAMPLE",
        "title": "Prototyping mission governance before setting it in stone",
        "author": "aino-virtanen",
        "pillars": ["ORGANISATIONAL_CAPACITY", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["STRATEGIC_DESIGN_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["experimentation", "governance", "capabilities"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 92,
        "body": """\
Our lab was asked by the prime minister's office to help design the **governance of a new
mission** on carbon-neutral food production. Instead of drafting a governance model on paper,
we proposed to prototype it for six months.

**What we did**

- A "shadow mission board" with real members (three ministries, a farmers' union, a retail
  chain, a research institute, a municipality) that met monthly to take decisions on a small
  test budget.
- Each meeting was observed and debriefed: what worked, what decisions got stuck, who spoke and
  who didn't.
- Three different formats were tried: a consensus board, a board with a chair who decides, and
  a board with a rotating "lead ministry" per topic.

**What happened**

The consensus format got stuck almost immediately. The rotating lead worked best for specific
decisions but confused outsiders. The final design combines a chair from the prime minister's
office with topic-specific working groups led by the most relevant ministry.

**What we learned**

- Governance can be prototyped like a service. People's behaviour in a real meeting reveals
  more than interviews about ideal structures.
- A **real budget**, even a small one, is essential. Without money on the table, the prototype
  would have been a discussion club.
- The farmers' union and the retail chain had very different expectations of their role;
  clarifying this early saved conflicts later.""",
        "replies": [
            {
                "author": "mikko-heinonen",
                "hours_after": 10,
                "accepted": False,
                "body": """\
Colleague of Aino. One thing we'd add: we documented every decision and its reasoning in a
shared log. It became the basis of the governance manual, and it turned out to be very useful
for new members joining later.""",
            },
            {
                "author": "rafael-dominguez",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Prototyping governance is underused. Most governance models are designed as organigrams and
only tested when they fail. What your case shows is that governance is a set of **practices**
(how decisions are prepared, who speaks, how conflicts are resolved) that can be observed and
improved. It would be interesting to revisit the board in a year and see how much of the
prototype survived.""",
            },
            {
                "author": "siobhan-murphy",
                "hours_after": 50,
                "accepted": False,
                "body": """\
We could have used this before our mid-term review! The shadow board idea is something I'll
suggest for the new mission unit's first months, while the board's ways of working are still
open to change.""",
            },
        ],
    },
    {
        "key": "amr-pull-incentive",
        "kind": "CASE_EXAMPLE",
        "title": "A subscription-style pull incentive for new antibiotics",
        "author": "benjamin-hart",
        "pillars": ["RISKS_AND_REWARDS", "ROUTES_AND_DIRECTIONS"],
        "organisation_types": ["RESEARCH_INNOVATION_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["health", "market-shaping", "procurement", "risk-sharing"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 78,
        "body": """\
Our mission on antimicrobial resistance faces a well-known problem: new antibiotics should be
used **as little as possible** to slow resistance, which means that companies can't make money
by selling large volumes. Push funding for research exists, but very few new antibiotics reach
patients, because no one wants to bring them to market.

Together with the health ministry, we designed a **subscription model**: the government pays a
fixed annual fee for access to a new antibiotic, independent of the volume used.

**What we did**

- Defined criteria for eligible antibiotics based on clinical need (resistance patterns in our
  hospitals), not on novelty alone.
- Set the subscription fee through a value assessment by an independent committee, with a
  maximum of ten years.
- Attached conditions: guaranteed supply, stewardship (appropriate use) commitments, and access
  commitments for neighbouring Pacific countries.

**What happened**

Two antibiotics have subscription contracts. Both companies said that the contracts were
decisive for launching in our market, which is small. One company has announced a new research
programme, though it's too early to say whether the subscription played a role.

**What we learned**

1. Separating payment from volume works in principle, but a small country alone doesn't change
   global investment decisions. We are talking with other countries about a joint model.
2. The conditions on supply and access were accepted because they were **clear and built into
   the price** from the start.
3. The value assessment was the hardest part: there was no methodology for valuing an
   antibiotic that is kept in reserve.""",
        "replies": [
            {
                "author": "aroha-whaanga",
                "hours_after": 14,
                "accepted": False,
                "body": """\
This is a great example of the public sector shaping a market around a public health goal. For
our access mission, the conditions for neighbouring countries are especially interesting. How
did the companies react to that?""",
            },
            {
                "author": "benjamin-hart",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Aroha, surprisingly well. The volumes are small, and the commitment improves their reputation.
The key was to agree on it before the price negotiation, not after.""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 50,
                "accepted": False,
                "body": """\
This is a good illustration of what a market-shaping instrument looks like when the "market"
itself has to be designed around public value. The value assessment problem is central:
traditional health economics values drugs by the health gains of using them, but here the value
lies in **having the option** to use them. That is a kind of option value, which standard
appraisal methods are notoriously bad at capturing.""",
            },
            {
                "author": "james-mcallister",
                "hours_after": 70,
                "accepted": False,
                "body": """\
Colleague of Aroha. We'd be interested in a joint model with you. A subscription across two or
three countries would already be more significant for companies, and we could share the cost of
the value assessment.""",
            },
        ],
    },
    {
        "key": "public-cloud-commons",
        "kind": "CASE_EXAMPLE",
        "title": "Building a shared public-sector cloud as a common good",
        "author": "seo-yeon-kim",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["DIGITAL_AGENCY"],
        "topics": [
            "digital-public-infrastructure",
            "procurement",
            "capabilities",
            "market-shaping",
        ],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 62,
        "body": """\
Five years ago, every ministry and agency in our country bought its own hosting and cloud
services. The result: more than 200 separate contracts, huge differences in security, and
dependence on two large foreign providers for most critical services.

We built a **shared public-sector cloud** run as a common good.

**What we did**

- Built a core platform with open-source components, operated by an in-house team of 60
  engineers.
- Procured hardware and data centre capacity from several domestic suppliers, with open
  standards so they could be swapped.
- Offered the platform to all public bodies at cost, with strong incentives to migrate (a
  fast-track approval for services on the shared cloud).
- Created a user council of ministries and local governments to steer the roadmap.

**What happened**

About 70% of central government services now run on the shared cloud. Costs per service fell by
around a third. Three domestic cloud providers grew significantly by supplying the
infrastructure, and two now also sell to the private sector. Local governments have been slower
to migrate.

**What we learned**

- **Owning the platform** and operating it ourselves was the decisive choice. It allowed us to
  set standards and keep knowledge.
- Fast-track approval was a stronger incentive than cost savings.
- The user council needed time to become more than a complaints forum, but it's now where
  priorities are set.""",
        "replies": [
            {
                "author": "kadri-tamm",
                "hours_after": 20,
                "accepted": False,
                "body": """\
Very similar to our experience. The point about fast-track approval is something I hadn't
thought of. In our case the incentive was security certification: services on the shared
platform inherit its certification.""",
            },
            {
                "author": "jonas-thygesen",
                "hours_after": 48,
                "accepted": False,
                "body": """\
This is also an interesting industrial policy case: by choosing domestic suppliers with open
standards, you shaped a market that now sells to the private sector. Infrastructure procurement
as market creation. Do you have data on how the suppliers' private-sector sales developed?""",
            },
        ],
    },
    {
        "key": "circular-construction-procurement",
        "kind": "CASE_EXAMPLE",
        "title": (
            "Circular construction through procurement: the provincial road and housing programme"
        ),
        "author": "joris-van-dam",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ASSESSMENT"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT", "GOVERNMENT_DEPARTMENT"],
        "topics": ["procurement", "housing", "green-transition", "evaluation"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 150,
        "body": """\
Our province's mission is to make construction **fully circular by 2050**, with a 50% reduction
in primary raw materials by 2030. As a large client for roads, bridges and social housing,
procurement is our strongest lever.

**What we did**

- Introduced a **material passport** requirement for all new provincial projects: every
  contractor must document the materials used, so they can be reused later.
- Added a shadow price for embodied carbon and primary materials to the evaluation of tenders,
  which counts in the award decision.
- Ran a paid exploration phase for two challenges (reusable bridge components and circular
  social housing renovation), open to SMEs, followed by a delivery phase.

**What happened**

In two years, the share of secondary materials in provincial projects rose from about 8% to
23%. Bids became more expensive at first (about 4%), then prices fell back as contractors
gained experience. In the exploration phase, 11 of the 18 participants were SMEs, and three of
them are now in consortia in the delivery phase.

**What we learned**

1. The **shadow price** changed contractors' behaviour more than requirements did, because it
   rewarded going further.
2. The material passports are only valuable if someone uses them later; we are now building a
   provincial materials bank.
3. We had no baseline for some indicators, which made it hard to show progress at first.
   Measure before you start.""",
        "replies": [
            {
                "author": "olof-nystrom",
                "hours_after": 20,
                "accepted": False,
                "body": """\
The shadow price is an interesting instrument for our green steel work too: it rewards
low-emission steel without a fixed requirement. How did you set the price level?""",
            },
            {
                "author": "joris-van-dam",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Olof, we based it on the national carbon price for the carbon part, and on an estimate of
environmental costs for primary materials. We'll review it every two years. The exact level
matters less than having one that contractors can plan with.""",
            },
            {
                "author": "mette-kjaergaard",
                "hours_after": 70,
                "accepted": False,
                "body": """\
Point 3 on baselines is worth underlining for everyone in the network. Many missions discover
years later that they can't show progress because they didn't measure the starting point. The
rise from 8% to 23% is a strong result, and it's convincing precisely because you had that
baseline for at least one indicator.""",
            },
            {
                "author": "lucia-navarro",
                "hours_after": 100,
                "accepted": False,
                "body": """\
Your exploration phase was an inspiration for our second procurement round. Sanne mentioned it
in my thread on SME access; thank you both for sharing so openly, including the initial price
increase.""",
            },
        ],
    },
    {
        "key": "urban-gardens-food-mission",
        "kind": "CASE_EXAMPLE",
        "title": "Urban gardens and public kitchens: the first year of a food security mission",
        "author": "caio-ribeiro",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ASSESSMENT"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT"],
        "topics": ["food-systems", "cities", "citizen-engagement", "health"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 68,
        "body": """\
Nova Serra's mission is to **end food insecurity by 2032**. In our city, about one in five
households sometimes goes without enough food. Besides school meals (my colleague Beatriz is
leading the work on school meals procurement), the mission's first year focused on two things.

**What we did**

- Opened 35 **community gardens** on unused municipal land, each run by a neighbourhood
  association with technical support from the municipality.
- Converted four school kitchens into **community kitchens** that serve low-cost meals in the
  evenings and at weekends, using produce from the gardens and from family farmers.
- Created a simple monitoring system together with community health agents, who already visit
  households.

**What happened**

The gardens produced more than expected, and people valued them as places to meet, not only for
food. The community kitchens served about 1,800 meals a day at their peak. Health agents'
monitoring showed food insecurity falling in the neighbourhoods with gardens and kitchens, but
we can't say yet how much of this is due to the mission and how much to rising incomes
nationally.

**What we learned**

- Working through neighbourhood associations gave the gardens legitimacy but also meant that
  quality varied a lot.
- The **community health agents** are a great source of data. They know every household.
- We need a comparison: next year we will extend the monitoring to neighbourhoods where the
  mission is not yet active.""",
        "replies": [
            {
                "author": "kwame-asante",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Your plan to extend monitoring to neighbourhoods without mission activity is exactly right. It
won't be a perfect experiment, but it gives you a comparison that helps distinguish the
mission's contribution from national trends. Documenting the social value of gardens — meeting
places, trust — would also strengthen the case for the mission beyond food security.""",
            },
            {
                "author": "gareth-pryce",
                "hours_after": 50,
                "accepted": False,
                "body": """\
Interesting that community health agents turned out to be a data source as well as a service.
That's exactly what we found with our community health workers. Maybe we should compare notes
on how we record what they learn without turning them into data collectors.""",
            },
            {
                "author": "beatriz-almeida",
                "hours_after": 80,
                "accepted": False,
                "body": """\
Colleague of Caio. Update on procurement: the cooperatives that supply the community kitchens
are now also bidding for the school meals lots. The kitchens became a training ground for them.""",
            },
        ],
    },
    {
        "key": "mission-unit-first-months",
        "kind": "CASE_EXAMPLE",
        "title": "Setting up a cross-government mission unit: the first four months",
        "author": "aoife-brennan",
        "pillars": ["ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["GOVERNMENT_DEPARTMENT", "LOCAL_REGIONAL_GOVERNMENT"],
        "topics": ["governance", "capabilities", "skills", "housing"],
        "visibility": "MEMBERS",
        "closed": False,
        "days_ago": 20,
        "body": """\
Members only, because this includes some candid observations about colleagues in other
departments.

Some of you followed Siobhán's thread about governance of our housing mission. The new model
was approved: a mission unit at the centre of government, seconded staff from five departments,
a small pooled fund and two local government seats on the board. Here is what the first four
months have been like.

**What we did**

- Recruited eight secondees through an open call in the five departments. We had 31 applicants,
  more than expected.
- Spent the first month building a shared picture: a map of every programme that touches the
  mission, with budgets and owners.
- Used the pooled fund for three cross-departmental projects that no single department would
  fund: a shared data platform on housing retrofit, a pilot for modular construction on public
  land, and a local authority capacity programme.

**What happened**

The shared map was the most valuable product so far. It showed that two departments were
funding almost identical retrofit advice services. Secondees are enthusiastic, but their home
departments still expect them to answer emails and attend meetings, so in practice they have
about half the time we agreed. One department sent a secondee who clearly had been chosen to
report back rather than to contribute.

**What we learned**

- Secondments need a **written agreement** with the home department on time, priorities and
  line management. Ours was too vague.
- The pooled fund gives the unit legitimacy: departments come to us because there is money to
  co-fund.
- Local government members have changed the tone of board meetings. Questions are more
  practical.""",
        "replies": [
            {
                "author": "fatima-hussain",
                "hours_after": 6,
                "accepted": False,
                "body": """\
Very recognisable, especially the "half the time" problem. What worked for us was a quarterly
meeting between the mission lead and the managers of all secondees to review the arrangement.
It forced the home departments to say openly if they wanted their people back.""",
            },
            {
                "author": "hannah-whitcombe",
                "hours_after": 20,
                "accepted": False,
                "body": """\
It's striking how quickly the shared map paid off. It's an example of a capability that no
department had on its own: **seeing across the system**. The secondment problems you describe
are common, and the fix you propose (written agreements) is right. I would add: make the
secondees' contribution to the mission part of their performance review in their home
department.""",
            },
            {
                "author": "karin-sjoberg",
                "hours_after": 40,
                "accepted": False,
                "body": """\
The duplicated advice services is a classic finding. Our map found three overlapping grant
schemes for industrial energy efficiency. We merged two of them; the third department refused.
Sometimes the map's value is simply that the duplication is visible to ministers.""",
            },
            {
                "author": "siobhan-murphy",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Thanks for writing this up, Aoife. I'd add to the lessons: the unit needs a **communications
plan** for the departments, not only for the public. Many colleagues still don't know what the
unit does and see it as a competitor.""",
            },
        ],
    },
    {
        "key": "satellite-data-crop-insurance",
        "kind": "CASE_EXAMPLE",
        "title": "Satellite data for smallholder crop insurance: a partnership with insurers",
        "author": "thandiwe-mokoena",
        "pillars": ["ROUTES_AND_DIRECTIONS", "RISKS_AND_REWARDS"],
        "organisation_types": ["SPACE_AGENCY", "INTERNATIONAL_AGENCY", "PUBLIC_BANK"],
        "topics": ["space", "risk-sharing", "food-systems", "data"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 112,
        "body": """\
Smallholder farmers in our region are highly exposed to droughts, but almost none of them have
insurance: traditional crop insurance requires field visits to assess losses, which is far too
expensive for small plots. Our agency has been developing **satellite-based drought indices**
for years for disaster response.

Two years ago we started a partnership to use them for **index insurance**: payouts are
triggered automatically when the satellite index shows drought in an area, without field
visits.

**What we did**

- Provided the drought index as an open public service, free of charge, with a commitment to
  maintain it for ten years.
- Partnered with two private insurers and a farmers' cooperative union to design products.
- The agriculture ministry subsidised 50% of premiums in the first three years, tapering
  afterwards.
- We kept responsibility for the **quality of the index** and for an appeals process when
  farmers disagreed with it.

**What happened**

About 40,000 farmers are now insured. In last year's drought, payouts reached farmers within
three weeks, compared to months for disaster relief. However, in two districts the index missed
local droughts, and farmers lost trust. We improved the index with higher-resolution data and
ground stations.

**What we learned**

1. **Public ownership of the index** was essential for trust. Farmers and insurers both
   accepted it because it wasn't controlled by one side.
2. Basis risk (the index not matching actual losses) is the key weakness. The appeals process
   was more important than we expected.
3. The open data service also attracted new uses we hadn't planned: seed companies and a public
   bank now use it.""",
        "replies": [
            {
                "author": "pieter-van-der-merwe",
                "hours_after": 16,
                "accepted": False,
                "body": """\
Colleague of Thandiwe. One figure that impressed our ministry: the cost of payouts through
insurance was significantly lower than the cost of emergency relief for comparable droughts,
because money arrived before farmers had to sell their animals.""",
            },
            {
                "author": "otieno-ochieng",
                "hours_after": 40,
                "accepted": False,
                "body": """\
This is exactly the kind of "avoided loss" evidence that governments need to justify investing
in adaptation before disasters rather than after. Do you have the figures in a form that could
be shared with other governments?""",
            },
            {
                "author": "jonas-thygesen",
                "hours_after": 60,
                "accepted": False,
                "body": """\
The decision to keep the index public is the crucial design choice here. The index is
effectively infrastructure for a new market, and whoever controls it controls how risk is
defined. By keeping it public, open and appealable, the agency shaped the market in favour of
farmers' trust rather than insurers' convenience.""",
            },
            {
                "author": "rodrigo-menezes",
                "hours_after": 90,
                "accepted": False,
                "body": """\
Banco Verde would be interested in using a similar index for our agricultural credit, to
trigger automatic loan restructuring in drought years. I'll get in touch.""",
            },
        ],
    },
    {
        "key": "community-drought-contingency-fund",
        "kind": "CASE_EXAMPLE",
        "title": "A community-managed drought contingency fund: three years on",
        "author": "brian-mwangi",
        "pillars": ["ROUTES_AND_DIRECTIONS", "RISKS_AND_REWARDS"],
        "organisation_types": ["LOCAL_REGIONAL_GOVERNMENT", "INTERNATIONAL_AGENCY"],
        "topics": ["climate", "public-finance", "citizen-engagement"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 38,
        "body": """\
Before our county adopted its water security mission, we ran a smaller pilot that is now
becoming part of it: a **drought contingency fund** managed by communities.

**What we did**

- The county put a small amount into a fund every year, matched by a development partner. Each
  of 12 wards received an allocation held by a ward committee elected by residents.
- Committees drew up drought plans with residents: which actions to take at which stage of
  drought (water trucking, animal feed, destocking, cash for the most vulnerable).
- The release of money was linked to an **early warning system** run by the national drought
  authority: when the warning reached a certain level, the committees could spend without
  waiting for county approval.

**What happened**

In the drought two years ago, money reached households weeks earlier than the national
response. Livestock losses in participating wards were lower than in neighbouring areas,
although it is difficult to say how much of that is due to the fund. Two committees had
governance problems, and one allocation was misused.

**What we learned**

- **Pre-agreed triggers and plans** made speed possible. Without them, the county's procedures
  would have delayed everything.
- Community management builds ownership but needs support and oversight. We have since
  introduced public reporting at ward meetings.
- The fund is too small for a severe drought. It works for early action, not for the full
  response.""",
        "replies": [
            {
                "author": "achieng-odhiambo",
                "hours_after": 10,
                "accepted": False,
                "body": """\
Colleague of Brian. This pilot is one of the reasons we have a mission at all: it showed that
early, local action works. We want to build the mission's water governance on the ward
committees rather than creating new structures.""",
            },
            {
                "author": "wanjiru-kamau",
                "hours_after": 40,
                "accepted": False,
                "body": """\
This is a model that could be scaled in the region. Our agency would be interested in
supporting an evaluation that compares participating and non-participating wards more
systematically. It could also strengthen the case for contingency finance in national budgets.""",
            },
        ],
    },
    {
        "key": "results-based-finance-mission-metrics",
        "kind": "CASE_EXAMPLE",
        "title": (
            "Results-based finance for a maternal health mission: what the metrics did to the "
            "programme"
        ),
        "author": "adaeze-nwosu",
        "pillars": ["ASSESSMENT", "RISKS_AND_REWARDS"],
        "organisation_types": ["INTERNATIONAL_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["metrics", "public-finance", "evaluation", "health"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 82,
        "body": """\
Our facility co-financed a five-year **maternal and newborn health mission** in three
countries, using results-based financing: part of the funding to governments was released only
when agreed indicators were met. Indicators included the share of births in health facilities,
the number of antenatal visits and the availability of essential medicines.

**What we did**

- Agreed on seven indicators with the three health ministries, with independent verification by
  a national statistics office.
- Released 40% of funding based on results, 60% upfront for investment.
- Allowed the ministries to decide how to reach the targets.

**What happened**

All three countries met most of their indicator targets. Facility births rose strongly. But a
qualitative review found some worrying effects: in some facilities, women were pressured to
give birth there even when the facility lacked staff and equipment; some antenatal visits
became very short to meet the numbers; and activities that weren't measured, like postnatal
care at home, got less attention.

**What we learned**

1. Indicators **steer behaviour**, including in ways you don't want. Facility births were a
   proxy for safe births, and the proxy was optimised instead of the goal.
2. We should have combined the quantitative indicators with regular **qualitative reviews** and
   given them weight in the funding decisions.
3. Ministries valued the flexibility in how to reach the targets. That part worked.

In the next phase, results-based funding will be reduced to 20%, and indicators will include
quality measures and women's own reports of their experience.""",
        "replies": [
            {
                "author": "kwame-asante",
                "hours_after": 20,
                "accepted": False,
                "body": """\
Thank you for sharing this so openly. It's a textbook example of what happens when the
measurement system is treated as neutral. For missions, where the goal is complex and
long-term, indicators should be used for **learning and steering** rather than as the sole
basis for payment. Including women's experience as an indicator is an important change: it
brings the people the mission is for into the assessment.""",
            },
            {
                "author": "aroha-whaanga",
                "hours_after": 40,
                "accepted": False,
                "body": """\
This is very relevant for our access mission. We have been asked to introduce results-based
contracts with providers, and your experience suggests we should be careful about what we pay
for.""",
            },
            {
                "author": "pierre-alain-dufour",
                "hours_after": 54,
                "accepted": False,
                "body": """\
Colleague of Adaeze. One thing we also learned: the verification by the statistics offices
strengthened their capacity, which was a positive side effect. In one country, the office now
uses the same methods for other sectors.""",
            },
            {
                "author": "fatima-hussain",
                "hours_after": 70,
                "accepted": False,
                "body": """\
This resonates with our worries about how to measure our healthy-ageing mission. Indicators
with money attached are much more powerful than indicators for learning, for good and for bad.""",
            },
        ],
    },
    {
        "key": "mission-mapping-workshops",
        "kind": "CASE_EXAMPLE",
        "title": "Mission mapping workshops with four provincial departments",
        "author": "marcus-leblanc",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": ["STRATEGIC_DESIGN_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["governance", "experimentation", "citizen-engagement"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 20,
        "body": """\
Over the past six months, our studio ran **mission mapping workshops** with four provincial
departments that wanted to frame their work as missions: children's mental health, affordable
housing, rural broadband and wildfire resilience.

**What we did**

- A sequence of three workshops per department: (1) framing the mission goal with the people
  affected, (2) mapping the system around it, (3) identifying a first portfolio of
  interventions and who else needs to be involved.
- In every workshop, at least a third of participants came from outside the department: other
  departments, municipalities, community organisations and, for the children's mental health
  mission, young people themselves.
- We produced a one-page "mission card" per department instead of a report.

**What happened**

Two departments (children's mental health and wildfire resilience) changed their mission goal
significantly after the first workshop. The housing department couldn't agree on a goal and
paused the process. The broadband department produced a goal that was really a technology
target ("100% coverage"); we couldn't move them towards an outcome.

**What we learned**

1. The people affected change the framing. Young people reframed the mental health mission from
   "access to services" to "feeling supported at school and at home".
2. Missions work when there is a **real problem that nobody can solve alone**. Broadband didn't
   feel like that to the department.
3. One-page mission cards were read and discussed; our past reports were not.""",
        "replies": [
            {
                "author": "emilie-tremblay",
                "hours_after": 12,
                "accepted": False,
                "body": """\
Colleague of Marcus. One addition: the housing department's pause was partly political, since a
major housing announcement was expected. Sometimes the best thing a design agency can do is
recognise that the moment isn't right.""",
            },
            {
                "author": "rafael-dominguez",
                "hours_after": 40,
                "accepted": False,
                "body": """\
Lovely case. Point 2 is a good test for whether a mission is the right frame at all. Not
everything needs to be a mission, and a technology roll-out with a clear owner may be better
run as a programme. The value of these workshops is that they also help departments discover
that.""",
            },
            {
                "author": "aino-virtanen",
                "hours_after": 60,
                "accepted": False,
                "body": """\
We've had similar experiences with technology-framed missions: the department owns the solution
and sees no problem that needs others. Would you share your mission card template? We might try
it with our next ministry.""",
            },
        ],
    },
    {
        "key": "open-payment-rails-farmers",
        "kind": "CASE_EXAMPLE",
        "title": (
            "Open payment rails for farmers: digital infrastructure in service of a food mission"
        ),
        "author": "ananya-iyer",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ASSESSMENT"],
        "organisation_types": ["DIGITAL_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["digital-public-infrastructure", "food-systems", "data", "evaluation"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 145,
        "body": """\
Our agency designed the protocols for an **open, interoperable payment system**: any bank or
payment app can connect, and payments between any two accounts are instant and nearly free. It
was built as general infrastructure. This case is about how it became the backbone of a food
and farming mission.

**What we did**

- Worked with the agriculture ministry to pay farm support directly into farmers' accounts via
  the open rails, replacing cash and cheques distributed through intermediaries.
- Connected agricultural markets, so that buyers could pay farmers instantly, and farmers could
  sell to buyers outside their local market.
- Built a consent-based data layer, so that farmers could share their payment history with
  lenders to get credit.

**What happened**

Support payments now reach around 90% of eligible farmers directly, compared with about 60%
before, and leakage through intermediaries dropped sharply. Farmers selling through connected
markets received better prices on average. Credit based on payment histories is growing, but
slowly, and mostly for larger farmers.

**What we learned**

- The infrastructure mattered because the **mission gave it a purpose**. Without the ministry's
  decision to pay farmers directly, adoption would have been much slower.
- Interoperability prevented any single company from controlling the farmers' payment data.
- Digital inclusion is not automatic: women farmers and farmers in remote areas lagged behind.
  We now measure adoption by group and work with local agents.""",
        "replies": [
            {
                "author": "vikram-desai",
                "hours_after": 16,
                "accepted": False,
                "body": """\
Colleague of Ananya. This is the case that convinced me that DPI should be framed as an enabler
of missions, not as a mission in itself. The adoption curve changed completely when the
agriculture ministry made it the default payment route.""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 50,
                "accepted": False,
                "body": """\
The measurement by group is an important lesson. Averages hide who is left out. It would be
valuable to see an evaluation that looks at how the distribution of benefits changed — for
example, whether smaller farmers gained as much as larger ones from access to new markets and
credit.""",
            },
            {
                "author": "rodrigo-menezes",
                "hours_after": 80,
                "accepted": False,
                "body": """\
Very interesting for Brazil. Our credit lines for small farmers still rely on intermediaries.
Using payment histories to assess creditworthiness could open credit for many family farmers
who have no formal records.""",
            },
        ],
    },
    {
        "key": "evaluation-three-missions-lessons",
        "kind": "CASE_EXAMPLE",
        "title": "What we learned evaluating three national missions at mid-term",
        "author": "mette-kjaergaard",
        "pillars": ["ASSESSMENT", "ORGANISATIONAL_CAPACITY"],
        "organisation_types": [
            "GOVERNMENT_DEPARTMENT",
            "RESEARCH_INNOVATION_AGENCY",
            "PUBLIC_BANK",
        ],
        "topics": ["evaluation", "metrics", "portfolio", "governance"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 100,
        "body": """\
Over the past year, our centre carried out **mid-term evaluations of three national missions**
in two countries: one on climate-neutral agriculture, one on circular plastics and one on
healthy school environments. We used a common approach, so some comparisons are possible.
Here's a summary; the full report is linked below.

**What we did**

- Assessed each mission at three levels: the **system** (is the problem changing?), the
  **portfolio** (do the interventions add up?), and the **organisation** (has the way
  government works changed?).
- Combined indicator data with 120 interviews, portfolio mapping and document analysis.
- Ran "sense-making" workshops with mission teams before writing conclusions.

**What we found**

- **System level**: early signs of change in all three, strongest in school environments (where
  the mission controlled most levers), weakest in agriculture (where markets and EU policy
  dominate).
- **Portfolio level**: all three portfolios were heavily weighted towards R&D projects.
  Regulation, procurement and finance were underused.
- **Organisation level**: the biggest changes were in cross-departmental relationships. The
  weakest point everywhere was the ability to **reallocate** money during the mission.

**What we learned about evaluating missions**

1. A mid-term evaluation is most useful as a **portfolio review**, not a verdict.
2. Baselines were missing for several system indicators. This should be part of mission design.
3. Mission teams engaged much more when they took part in interpreting the findings.

Report: [mid-term evaluation of three
missions](https://oresund-transitions-centre.example/reports/mid-term-three-missions).""",
        "replies": [
            {
                "author": "lena-gruber",
                "hours_after": 8,
                "accepted": False,
                "body": """\
The finding that portfolios are dominated by R&D projects matches what we see in our own
portfolios. Innovation agencies fund what they know. How did the missions you evaluated react
to this finding?""",
            },
            {
                "author": "mette-kjaergaard",
                "hours_after": 20,
                "accepted": False,
                "body": """\
Lena, with recognition and some frustration: the agencies said they don't control regulation or
procurement, and the ministries said they expected the agencies to bring them in. It's a
governance gap, not only a portfolio gap. One mission has since created a working group with
the regulator.""",
            },
            {
                "author": "karin-sjoberg",
                "hours_after": 30,
                "accepted": False,
                "body": """\
The reallocation problem is exactly what we have been working on with our flexible reserve.
Interesting to see it confirmed as the weak point across the board, and useful to cite with our
finance ministry.""",
            },
            {
                "author": "jonas-thygesen",
                "hours_after": 44,
                "accepted": False,
                "body": """\
Colleague of Mette. One point from the interviews that didn't make it into the summary: people
inside the missions described the evaluation itself as a moment of **permission** to talk about
what wasn't working. That's an argument for building regular reflective evaluation into
missions rather than waiting for the mid-term.""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 60,
                "accepted": False,
                "body": """\
Congratulations on this. The three-level structure (system, portfolio, organisation) is a
useful way of operationalising the assessment pillar. I'd be interested in how you handled
contribution at the system level — did the missions have an explicit theory of change at the
start?""",
            },
            {
                "author": "mette-kjaergaard",
                "hours_after": 72,
                "accepted": False,
                "body": """\
Kwame, only one of the three did. For the other two we reconstructed one with the teams, which
was useful but clearly less rigorous. We recommended that every mission document its theory of
change and update it at each portfolio review.""",
            },
            {
                "author": "camille-laurent",
                "hours_after": 96,
                "accepted": False,
                "body": """\
We would like to use the three-level structure in our next round of peer reviews. Could we talk
about aligning our approaches? It would be valuable for countries to see comparable
assessments.""",
            },
            {
                "author": "ciaran-doyle",
                "hours_after": 130,
                "accepted": False,
                "body": """\
Very timely for us, as we prepare a mid-term review of our housing mission. The point about
sense-making workshops before writing conclusions is something we'll build in.""",
            },
        ],
    },
    {
        "key": "peer-review-mission-design",
        "kind": "CASE_EXAMPLE",
        "title": (
            "Peer review of mission design: piloting the self-assessment tool with three countries"
        ),
        "author": "camille-laurent",
        "pillars": ["ORGANISATIONAL_CAPACITY", "ASSESSMENT"],
        "organisation_types": ["INTERNATIONAL_AGENCY", "GOVERNMENT_DEPARTMENT"],
        "topics": ["governance", "evaluation", "capabilities"],
        "visibility": "PUBLIC",
        "closed": False,
        "days_ago": 33,
        "body": """\
After the discussion on mission-washing earlier this year, a working group of the network
drafted a **self-assessment tool for mission design**: twelve questions across the four ROAR
pillars, with short descriptions of what "emerging", "developing" and "established" practice
looks like. Our forum offered to pilot it as part of our peer reviews.

**What we did**

- Three countries used the tool for their own missions, with a half-day workshop each, before
  our peer review team visited.
- The peer reviewers (officials from two other countries plus one of our staff) then discussed
  the self-assessment with the mission team.
- No scores were published. Each country received a short confidential note with three
  priorities.

**What happened**

The self-assessments were more critical than we expected, especially on assessment and on risks
and rewards. Teams rated themselves "emerging" on questions like "can the mission reallocate
resources?" and "does the public share in the returns of mission investments?". The peer
conversations were more open than in our usual reviews, because the countries had already named
their weaknesses.

**What we learned**

- Self-assessment first, peer review second, works much better than the reverse.
- Not publishing scores was essential for honesty.
- Some questions were too abstract for teams without prior knowledge of the framework. We'll
  revise the wording with concrete examples.

The revised tool will be shared with the network in the spring.""",
        "replies": [
            {
                "author": "julien-moreau",
                "hours_after": 12,
                "accepted": False,
                "body": """\
Colleague of Camille. It's good to see that the mission-washing discussion led to something
constructive. The shift from external judgement to self-assessment plus peer conversation
changed the dynamic completely.""",
            },
            {
                "author": "ignacio-fuentes",
                "hours_after": 30,
                "accepted": False,
                "body": """\
Our ministry was one of the three pilot countries. I can confirm that not publishing scores
made the difference. Our team was much more honest than in any previous review, and the three
priorities we received are now in our work plan.""",
            },
            {
                "author": "kwame-asante",
                "hours_after": 50,
                "accepted": False,
                "body": """\
As a member of the working group: thank you for piloting so thoroughly. Revising the wording
with concrete examples is a good idea, and we might also add a short version for smaller
organisations, following the ROAR-at-small-scale discussion.""",
            },
        ],
    },
]
