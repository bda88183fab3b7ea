"""Word lists for the generated network: policy vocabulary, names, places, topics.

Only the shape of the text matters to a benchmark (lengths, a realistic spread of
common and rare words for full-text search), so the posts are word salad drawn
from this vocabulary with Zipf-like frequencies: the first words of each list are
the most common. Keep the lists moderate in size: a thread with thousands of
replies must still fit one tsvector (1 MB; at most 256 positions per lexeme).
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


# Ordered roughly by how often they occur in the forum's posts (most common first).
NOUNS = _words("""
public investment innovation mission policy government agency programme funding
risk market capacity procurement evaluation strategy network project finance
bank challenge research design experiment portfolio data service city region
outcome impact value partnership stakeholder citizen budget ministry economy
technology sector industry skill team process governance assessment reward
transition climate health energy mobility housing water food digital platform
infrastructure regulation standard tender contract supplier startup firm
university institute lab pilot prototype evidence indicator metric framework
direction route pathway objective target goal milestone decade community
council municipality parliament cabinet treasury audit oversight mandate
instrument grant loan equity guarantee subsidy tax incentive fund capital
investor lender borrower entrepreneur business ecosystem cluster consortium
knowledge learning capability competence leadership culture mindset routine
organisation department unit directorate board committee panel workshop
meeting conference report review paper case example lesson practice method
tool toolkit guideline template manual canvas roadmap plan scenario forecast
model simulation analysis study survey interview dataset dashboard system
architecture software cloud algorithm security privacy identity access
procurement-rule competition prize challenge-prize demand spillover
externality productivity growth employment wage inequality inclusion
justice fairness sustainability resilience adaptation mitigation emission
carbon hydrogen battery grid renewable solar wind heat retrofit transport
rail bus bicycle street neighbourhood school hospital care ageing nutrition
agriculture soil biodiversity ocean forest waste circularity material
satellite orbit launch space observation mission-board directionality
legitimacy accountability transparency trust participation deliberation
co-creation experimentation iteration failure uncertainty volatility
""")

VERBS = _words("""
build fund design test scale evaluate assess measure manage share learn
support align coordinate govern regulate procure invest finance de-risk
steer shape create co-create launch pilot prototype iterate adapt monitor
report publish review compare combine integrate mobilise engage involve
convene negotiate agree decide prioritise select choose define frame
articulate communicate explain justify defend protect expand reduce lower
raise increase improve strengthen accelerate reform restructure transform
""")

ADJECTIVES = _words("""
public mission-oriented strategic dynamic long-term national local regional
european international digital green social economic fiscal financial
experimental ambitious bold cautious risky patient transformative systemic
directional cross-sectoral interdepartmental collaborative open shared
difficult complex uncertain measurable clear concrete practical early late
new old existing current future successful failed promising sustainable
inclusive resilient agile flexible formal informal legal political technical
""")

FUNCTION_WORDS = _words("""
the the the of of of to to and and a a in in for for with on by
from as at is are was were be been has have had that this these those
we our us they their it its which who how what when where not also
more most many some every each across between within without through
""")

TOPICS = _words("""
procurement public-finance capabilities evaluation climate health mobility
energy housing digital-government data space innovation-agencies
green-finance development-banks challenge-prizes experimentation
outcome-budgeting tax-policy industrial-strategy skills regulation
participation citizen-engagement circular-economy food-systems water
urban-regeneration ai-in-government cybersecurity open-source
grant-design portfolio-management risk-sharing patient-capital
state-investment-banks mission-boards metrics theory-of-change
legal-frameworks interoperability public-value
""")

FIRST_NAMES = _words("""
Anna Ben Carla David Elena Farid Greta Hugo Ines Jonas Kaja Lars Maria Nils
Olga Pablo Quentin Rosa Sanna Tomas Ursula Viktor Wanda Xavier Yasmin Zofia
Amara Bruno Chiara Diego Emma Felix Gabriela Henrik Ilse Joao Karin Luca
Mariam Noah Oskar Paula Rafael Sofia Theo Uma Vera Willem Yusuf Zainab Aiko
Bianca Cem Dalia Erik Fatima Giorgio Hana Ivan Julia Kofi Leila Marek Nora
Omar Petra Ravi Selin Tariq Valeria Wei Ximena Yara Zeynep
""")

LAST_NAMES = _words("""
Andersen Bauer Costa Duarte Eriksen Fischer Garcia Hansen Ivanova Jensen
Kowalski Larsen Moreau Nielsen Okafor Petrov Quintero Rossi Schmidt Tanaka
Urban Varga Weber Xu Yilmaz Zimmermann Almeida Berg Conti Dubois Esposito
Fernandes Gruber Horvat Ito Jovanovic Keller Lindqvist Mancini Novak Oliveira
Popescu Richter Santos Takahashi Ueda Vasquez Wagner Young Zeller Adeyemi
Banerjee Chen Dimitrov Eze Fontaine Gupta Haddad Iqbal Kim Lopez Mensah
Nakamura Osei Park Rahman Silva Torres Uddin Volkov Wang Yamamoto Zhou
""")

# Syllables for fictional place names: the network's members are made up.
PLACE_SYLLABLES = _words("""
al an ar be bor ca da del en er fa gar han is ka kel la lin mar mo na nor
os pa ri ros sa sel ta tor ul va ven wes ya zor bri cal dor fen gal hel
""")

COUNTRIES = _words("""
GB DE FR NL SE NO FI DK IT ES PT AT BE IE PL CZ EE LV LT SI HR GR CY MT
CH IS CA US BR CL CO MX ZA KE NG GH IN JP KR AU NZ SG
""")

ORG_AREAS = _words("""
Economy Innovation Finance Industry Enterprise Climate Health Transport
Digital Affairs Science Education Energy Environment Infrastructure
Employment Agriculture Culture Housing Justice
""")

# Name patterns per organisation type; {p} is a fictional place, {a} an area.
ORG_NAME_PATTERNS = {
    "GOVERNMENT_DEPARTMENT": ["Ministry of {a} of {p}", "{p} Department for {a}", "{p} Treasury"],
    "PUBLIC_BANK": ["{p} Development Bank", "{p} Investment Bank", "{p} Green Investment Fund"],
    "INTERNATIONAL_AGENCY": ["{p} Cooperation Agency", "International {a} Organisation of {p}"],
    "STRATEGIC_DESIGN_AGENCY": ["{p} Policy Lab", "{p} Design Agency", "{p} Mission Studio"],
    "RESEARCH_INNOVATION_AGENCY": [
        "{p} Innovation Agency",
        "{p} Research Council",
        "{p} Agency for {a} Innovation",
    ],
    "DIGITAL_AGENCY": ["{p} Digital Service", "{p} Agency for Digital Government"],
    "LOCAL_REGIONAL_GOVERNMENT": ["City of {p}", "{p} Regional Government", "{p} County Council"],
    "SPACE_AGENCY": ["{p} Space Agency", "{p} Space Office"],
    "RESEARCH_INSTITUTE": [
        "Institute for Innovation and Public Purpose of {p}",
        "{p} School of Public Policy",
        "{p} Centre for Mission Research",
    ],
}

TITLE_PATTERNS = [
    "How did you {v} {adj} {n} for {n2}?",
    "{Adj} {n}: how do we {v} the {n2}?",
    "Lessons from a {adj} {n} {n2} programme",
    "Case example: {adj} {n} in the {n2} sector",
    "Who has tried to {v} {n} through {adj} {n2}?",
    "Looking for experience with {adj} {n} and {n2}",
    "What counts as {adj} {n} when we {v} {n2}?",
    "Designing a {adj} {n} for {n2} missions",
    "Our {n} {n2} pilot: what we would do differently",
    "Can a {n} {v} {adj} {n2} without new {n}?",
]
