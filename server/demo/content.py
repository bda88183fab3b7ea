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

THREADS: list[dict] = []
