"""The Dutch words of claims: diseases and symptoms, topics, claim verbs, advice and side effects.

Word lists are written in a small notation that `claims.py` compiles (see `lexicon.py`):
a stem matches its Dutch inflections and compounds ("kramp" finds "kuitkrampen",
"krampjes", "krampaanval"); `<stem` only as the last part of a compound ("pijn": "rugpijn",
never "pijnboompitten"); `<<stem` only inside a compound ("probleem" in "slaapproblemen",
not "geen probleem"); `~word` only as a whole word. Phrases are regular expressions over
folded text (lower case, no accents).
"""

# --- diseases and symptoms: a claim to prevent, treat or relieve one is medicinal (BLOCK) ---

DISEASE_WORDS = """
migraine hoofdpijn <pijn <<pijnen pijnklacht <klacht <klachtje <<probleem <<problemen
kramp krampje spasme spasmen spierspasme <trekking zenuwtrek ~tic ~tics ~trillende <trilling
diabetes ~diabeet ~diabeten ~diabetici ~diabeticus ~diabetisch ~diabetische suikerziekte
depressie ~depressief ~depressieve ~depressiviteit ~somberheid neerslachtig
osteoporose botontkalking osteopenie botverlies botbreuk fractuur artritis artrose reuma jicht
kanker tumor alzheimer dementie geheugenverlies
astma hypertensie slapeloosheid insomnia slaapstoornis <<stoornis <<stoornissen
hartziekte hartaandoening hartfalen hartinfarct hartaanval hartritmestoornis hartklopping
boezemfibrilleren aritmie beroerte herseninfarct trombose aderverkalking atherosclerose
cholesterol <ziekte <ziektes <ziekten aandoening ~kwaal ~kwalen syndroom symptoom symptomen
eclampsie zwangerschapsvergiftiging fibromyalgie ~adhd ~add autisme ~rls
verstopping obstipatie constipatie diarree misselijk misselijkheid zuurbranden reflux maagzuur
niersteen nierstenen tekort tekorten deficientie hypomagnesiemie
~pms premenstrueel opvlieger opvliegers ontsteking infectie griep verkoudheid koorts
~burnout burn-out overspannenheid ~overspannen tinnitus oorsuizen epilepsie ~stuipen
tinteling tintelingen gevoelloosheid paniekaanval angstaanval angststoornis
stemmingswisseling prikkelbaarheid ~prikkelbaar blessure ~kater jetlag eczeem acne psoriasis
haaruitval overgewicht obesitas insulineresistentie ischias hernia stijfheid ~spit
hersenschudding concentratiestoornis
"""

DISEASE_PHRASES = (
    r"(?:te )?hoge bloeddruk",
    r"verhoogde bloeddruk",
    r"(?:te )?hoge bloedsuiker\w*",
    r"rusteloze benen",
    r"chronische vermoeidheid",
    r"brandend maagzuur",
    r"doof gevoel",
    r"epileptische aanval\w*",
    r"metabool syndroom",
    r"onregelmatige hartslag",
    r"hart- en vaatziekte\w*",
    r"me/cvs|\bcvs",
    r"trillende (?:oogleden|ooglid|handen|spieren)",
    r"stijve spieren",
    r"zware benen",
    r"dunne ontlasting",
    r"opgeblazen gevoel",
    r"verlies van eetlust",
    r"verstoorde? (?:hartritme|slaap|nachtrust|darmflora|spijsvertering|stoelgang)\w*",
    r"onregelmatige? (?:hartritme|hartslag)\w*",
)

# Complaints a high magnesium dose itself can cause: named as side effects ("kan dunne
# ontlasting geven", "minder kans op diarree dan oxide") they make no claim.
GUT_WORDS = ("diarree", "dunne ontlasting", "misselijk", "maag", "buik", "darm", "opgeblazen")

# --- unauthorised topics (WARN): slug -> (strong words, strong phrases, weak words, weak
# phrases). A strong word is a claim wherever it stands in shop copy; a weak one only with an
# effect word (`EFFECT`) in its clause ("sterke botten", "geeft je energie").

TOPICS: dict[str, tuple[str, tuple[str, ...], str, tuple[str, ...]]] = {
    "sleep": (
        "slaap slapen inslapen doorslapen nachtrust ~uitgerust ~uitgeslapen",
        (r"in slaap (?:vallen|valt)", r"fris (?:en \w+ )?wakker", r"goede nacht\b"),
        "",
        (),
    ),
    "anxiety": (
        "angst ~angstig ~angstige paniek piekeren ~zenuwachtig nervositeit onrust",
        (),
        "",
        (),
    ),
    "stress": ("stress", (r"anti-stress",), "<spanning", (r"dagelijkse (?:druk|spanning\w*)",)),
    "calm": (
        "kalm kalmte ~kalmeert ~kalmerend ~kalmerende rustgevend ontspan ontspanning ~ontspant "
        "~ontspannen ~ontspannend ~ontspannende ~zen",
        (
            r"tot rust (?:komen|komt|te komen)",
            r"rustig(?:e|er)? (?:hoofd|gevoel|geest|lijf)",
            r"innerlijke rust",
            r"rust in je hoofd",
        ),
        "",
        (),
    ),
    "blood-pressure": ("bloeddruk", (), "", ()),
    "blood-sugar": ("bloedsuiker bloedglucose insuline suikerspiegel glucosespiegel", (), "", ()),
    "immunity": (
        "immuun immuunsysteem afweer ~weerstand afweersysteem immuniteit",
        (r"natuurlijke (?:afweer|verdediging)",),
        "",
        (),
    ),
    "heart": (
        "hartgezondheid hartfunctie hartritme hartspier hartslag hartwerking hartvaten "
        "cardiovasculair cardiovasculaire",
        (
            r"(?:je|jouw|uw|het|een|gezond|gezonde) hart\b(?! van| en ziel| voor (?:de|het|ons|onze)| op de)",
            r"hart- en bloedvaten",
        ),
        "",
        (),
    ),
    "circulation": (
        "bloedsomloop doorbloeding bloedvat bloedvaten ~aderen circulatie vaatwand",
        (r"koude (?:handen|voeten)",),
        "",
        (),
    ),
    "detox": (
        "detox ontgift ontgifting ontgiften ontzuren ontzuring verzuring afvalstoffen ~zuivert "
        "zuurbase",
        (
            r"zuur-base\w*",
            r"(?:reinigt|zuivert|zuiveren|reinigen) (?:je|jouw|uw|het) (?:lichaam|bloed)",
            r"\bph-?(?:waarde|balans)",
        ),
        "",
        (),
    ),
    "cognition": (
        "geheugen concentratie concentreren cognitie cognitief cognitieve denkvermogen "
        "alertheid leervermogen ~hersenen hersenfunctie breinfunctie",
        (r"helder(?:e)? (?:hoofd|geest)", r"mentale scherpte", r"scherp(?:e)? brein"),
        "~focus ~brein ~scherp ~alert ~helder",
        (),
    ),
    "recovery": ("herstel ~herstelt ~herstellen spierherstel recuperatie", (), "", ()),
    "performance": (
        "prestatie prestaties sportprestatie uithoudingsvermogen duurvermogen spiermassa "
        "spieropbouw spiergroei explosiviteit",
        (),
        "~conditie ~kracht",
        (),
    ),
    "hormones": (
        "testosteron hormoon hormonen hormoonbalans libido vruchtbaarheid ~potentie erectie "
        "schildklier schildklierfunctie lustopwekkend",
        (r"zin in seks",),
        "~overgang",
        (),
    ),
    "weight": (
        "afvallen afslanken gewichtsverlies vetverbranding vetverbrander",
        (r"kilo'?s kwijt", r"af te vallen", r"val(?:t|len)? (?:je |jij |u )?(?:\w+ )?af\b"),
        "~gewicht stofwisseling metabolisme ~eetlust ~verzadigd",
        (),
    ),
    "skin-hair-nails": (
        "haargroei",
        (r"(?:stralende|mooie|gave|gezonde|egale) huid", r"sterke nagels"),
        "~huid ~haren ~nagels",
        (),
    ),
    "joints": ("kraakbeen", (r"soepele gewrichten",), "gewricht gewrichten", ()),
    "mood": (
        "levenslust geluksgevoel",
        (
            r"goed(?:e)? (?:humeur|gevoel)",
            r"mentale veerkracht",
            r"betere stemming",
            r"positieve stemming",
        ),
        "~humeur ~stemming veerkracht welzijn welbevinden",
        (),
    ),
    # Topics an authorised claim covers, in other words than the register's (WARN too).
    "energy": (
        "energieboost ~energiek ~energieker",
        (r"vol energie", r"boordevol energie"),
        "energie ~vitaliteit ~vitaal ~fit ~fitter",
        (),
    ),
    "fatigue": ("", (), "vermoeidheid moeheid ~moe ~vermoeid uitputting ~uitgeput ~lusteloos", ()),
    "muscles": ("spierkracht spierfunctie spierwerking spieropbouw", (), "spier spieren", ()),
    "bones-teeth": (
        "botdichtheid botsterkte botgezondheid",
        (),
        "~bot ~botten gebit ~tanden ~tand tandvlees ~skelet",
        (),
    ),
    "nerves": ("", (), "zenuw zenuwen zenuwstelsel", ()),
    "psychological": (
        "",
        (r"mentale gezondheid",),
        "~psychisch ~psychische ~psychologisch "
        "~psychologische ~mentaal ~mentale ~geestelijk ~geestelijke",
        (),
    ),
    "cell-division": ("celgroei celvernieuwing", (), "celdeling celdelingsproces", ()),
}

# Phrases in which a topic word names no effect ("slaapkamer", "met hart en ziel").
TRAPS = (
    r"slaapkamer\w*",
    r"slaapzak\w*",
    r"slaapbank\w*",
    r"slaapplaats\w*",
    r"slaapkleding",
    r"slaapmasker\w*",
    r"slapengaan",
    r"voor het (?:slapen|naar bed)\w*( gaan)?",
    r"(?:voor|na) het slapen gaan",
    r"stress-?vrij(?:e)? (?:bestellen|winkelen|verzending|verpakking|"
    r"retourneren|shoppen|betalen)",
    r"hart en ziel",
    r"hart voor de zaak",
    r"(?:in )?het hart van",
    r"cardiotraining\w*",
    r"bloeddrukmeter\w*",
    r"weerstandsband\w*",
    r"rustig(?:jes)? (?:in|door|aan)",
    r"rustige plek",
    r"op de huid",
    r"(?:spoel|was|droog) (?:je|de|uw) huid",
    r"ontspannen sfeer",
    r"focus ligt",
    r"onze focus",
    r"in de overgang van",
)

# --- words that make a disease mention a claim (BLOCK) -------------------------------------
# `voorkomen` is decided by its construction in `claims.py` ("voorkomt krampen" prevents,
# "kan voorkomen bij ouderen" occurs).

STRONG_CUES = (
    r"ter voorkoming",
    r"voorkoming",
    r"preventie\w*",
    r"preventief\w*",
    r"behoedt?",
    r"behoeden",
    r"bescherm\w*",
    r"behandel\w*",
    r"genee?s\w*",
    r"genezing\w*",
    r"genezen",
    r"heelt",
    r"helend\w*",
    r"heling",
    r"remedie\w*",
    r"therapie\w*",
    r"therapeutisch\w*",
    r"verlicht\w*",
    r"verzacht\w*",
    r"verhelp\w*",
    r"bestrijd\w*",
    r"pakt\b.{0,40}\baan",
    r"aanpak\w*",
    r"aan te pakken",
    r"helpt (?:bij|tegen|met|je van|je af)",
    r"helpen (?:bij|tegen)",
    r"werkt?\w* (?:goed |prima )?(?:tegen|bij)",
    r"effectief",
    r"verminder\w*",
    r"verlaag\w*",
    r"verklein\w*",
    r"vermindering",
    r"minder",
    r"normaliseer\w*",
    r"normaliseert",
    r"reguleer\w*",
    r"reguleert",
    r"stopt",
    r"stoppen",
    r"stilt",
    r"stillen",
    r"\w*stillend\w*",
    r"\w*remmend\w*",
    r"\w*verlagend\w*",
    r"remt",
    r"remmen",
    r"verdwijn\w*",
    r"verdwenen",
    r"nooit meer",
    r"geen\b.{1,40}\bmeer",
    r"vaarwel",
    r"weg met",
    r"dag tegen",
    r"tot ziens",
    r"verleden tijd",
    r"een einde aan",
    r"rekent af",
    r"afrekenen",
    r"verlost?",
    r"verlossing",
    r"kwijt",
    r"onder controle",
    r"de baas",
    r"geen kans",
    r"oplossing",
    r"antwoord op",
    r"overwin\w*",
    r"herstelt",
    r"corrigeer\w*",
    r"corrigeert",
    r"vult\b.{0,30}\baan",
    r"aanvull\w*",
    r"tegengaan",
    r"gaat\b.{0,30}\btegen",
    r"tegen te gaan",
    r"klinisch\w*",
    r"bewezen",
    r"iets aan (?:te )?doen",
    r"er iets aan",
    r"natuurlijke? (?:medicijn|geneesmiddel|middel|remedie|pijnstiller|alternatief)\w*",
    r"alternatief voor",
    r"in plaats van (?:medicijnen|pijnstillers|slaappillen|medicatie)",
)
# Weaker words: a claim with a disease in the same unit, unless the context rescues it.
CUES = STRONG_CUES + (
    r"tegen",
    r"helpt",
    r"helpen",
    r"hulp bij",
    r"ideaal",
    r"speciaal",
    r"onmisbaar",
    r"essentieel",
    r"ondersteun\w*",
    r"goed (?:voor|bij|tegen)",
    r"dankzij",
    r"verbeter\w*",
    r"zonder",
    r"last van",
    r"lijd\w*",
    r"patient\w*",
    r"mensen met",
    r"wie last",
    r"iedereen met",
    r"vrouwen met",
    r"mannen met",
    r"kinderen met",
    r"ouderen met",
    r"sporters met",
    r"bij",
    r"voor",
    r"anti-?\w+",
    r"\w+-?vrij\w*",
    r"neem",
    r"nemen",
    r"innemen",
    r"gebruik",
    r"gebruiken",
    r"formule",
    r"kuur",
    r"complex",
    r"ondersteuning",
    r"steun",
    r"herstel\w*",
    r"weg",
)
# Cues that only count right before the disease ("bij kramp", "voor migraine") or right
# after it ("kramp weg", "migraineformule" is one word and needs no rule).
ADJACENT_CUES = ("bij", "voor", "zonder", "tegen")
ADJACENT_AFTER = ("weg", "formule", "kuur", "complex")

# --- contexts that rescue a mention --------------------------------------------------------

ADVICE = (
    r"raadpleeg\w*",
    r"overleg\w*",
    r"vraag\w* (?:\w+ ){0,3}(?:je|jouw|uw|de|een) (?:huis)?arts\w*",
    r"vraag\w* (?:\w+ ){0,3}(?:je|jouw|uw|de|een) (?:apotheker|verloskundige|specialist)\w*",
    r"(?:ga|gaan) (?:dan |eerst )?naar (?:je|jouw|uw|de|een) (?:huis)?arts",
    r"neem contact op",
    r"niet (?:gebruiken|geschikt|bedoeld|aanbevolen|innemen|combineren)",
    r"gebruik (?:geen|niet)",
    r"neem geen",
    r"geen magnesium",
    r"geen geneesmiddel",
    r"geen medicijn",
    r"geen vervanging",
    r"vervangt? geen",
    r"stop (?:dan )?(?:met|het gebruik)",
    r"staak",
    r"informeer",
    r"in overleg",
    r"medisch (?:advies|toezicht)",
    r"onder (?:medisch )?toezicht",
    r"advies van (?:je|jouw|uw|een|de)",
    r"houd\b.{0,40}\b(?:uur|afstand)",
    r"(?:minstens|ten minste) \d+ uur",
    r"bij twijfel",
    r"laat\b.{0,40}\bcontroleren",
    r"zonder (?:overleg|advies|toestemming)",
    r"tenzij",
    r"niet voor (?:mensen|kinderen|vrouwen)",
    r"(?:huis)?arts of apotheker",
    r"je (?:huis)?arts",
    r"uw (?:huis)?arts",
    r"de (?:huis)?arts",
    r"je apotheker",
    r"uw apotheker",
    r"verloskundige",
    r"geen (?:medische|gezondheids)?claims?",
)
# Disclaimers deny every claim word of their sentence ("niet bedoeld om te voorkomen,
# behandelen of genezen").
DISCLAIMERS = (
    r"niet bedoeld",
    r"geen geneesmiddel",
    r"geen medicijn",
    r"geen (?:medische )?claims?",
    r"(?:geneest|voorkomt|behandelt|verhelpt) (?:niet|geen)",
    r"kan\b.{0,30}\bniet (?:genezen|voorkomen|behandelen)",
    r"vervangt? geen",
    r"geen vervanging",
)
SIDE_EFFECT = (
    r"kan\b.{0,40}\b(?:geven|veroorzaken|krijgen)",
    r"veroorzaak\w*",
    r"last krijgen",
    r"krijg\w*\b.{0,20}\blast",
    r"bijwerking\w*",
    r"na (?:de )?inname",
    r"na het innemen",
    r"bij (?:een )?hoge(?:re)? dos\w*",
    r"in het begin",
    r"minder (?:snel|kans|vaak)\b.{0,60}\bdan",
    r"dan (?:bij )?(?:oxide|citraat|andere)",
    r"mild voor",
    r"vriendelijk voor",
    r"licht laxerend",
    r"laxerend effect",
    r"te veel magnesium",
    r"het kan voorkomen dat",
    r"kan het voorkomen dat",
    r"merk je",
    r"als je\b.{0,30}\bmerkt",
)
MEDICATION_NOUNS = (
    r"(?:medicijn|medicatie|geneesmiddel|middel|pil|tablet)\w*",
    r"\w+(?:remmer|remmers|verlager|verlagers|"
    r"verdunner|verdunners|medicatie|middelen|medicijnen|pillen)",
    r"bisfosfonaten?",
    r"antibiotica?",
    r"insuline",
    r"statines?",
    r"diuretica?",
    r"plaspillen",
    r"maagzuurremmers?",
)
MEDICATION_USER = (r"je", r"jouw", r"uw", r"gebruik\w*", r"neem\w*", r"slik\w*", r"voor", r"van")
OCCURRENCE = (
    r"komt\b.{0,40}\bvoor",
    r"komen\b.{0,40}\bvoor",
    r"vaker",
    r"vaak gemist",
    r"risicogroep\w*",
    r"in verband gebracht",
    r"onderzoek\w*",
    r"studies",
    r"ontstaat",
    r"oorza\w*",
    r"verlies\w*",
    r"lopen\b.{0,20}\brisico",
    r"hebben vaker",
    r"wordt\b.{0,30}\bgezien",
    r"een teken",
    r"signalen",
    r"kan (?:wijzen|duiden) op",
    r"wordt vaak",
    r"gemist",
)
NEGATIONS = (r"niet", r"geen", r"nooit")
QUESTION_PRODUCT = (r"dit", r"deze", r"magnesium", r"onze?", r"probeer", r"neem", r"kies")

# --- effect words that make a weak topic word a claim (WARN) --------------------------------

EFFECT = (
    r"ondersteun\w*",
    r"steun\w*",
    r"boost\w*",
    r"verbeter\w*",
    r"versterk\w*",
    r"bevorder\w*",
    r"help\w*",
    r"stimul\w*",
    r"draagt\b.{0,30}\bbij",
    r"bijdraagt",
    r"bijdragen",
    r"speelt\b.{0,25}\brol",
    r"zorgt? voor",
    r"geeft",
    r"geef",
    r"houdt",
    r"goed voor",
    r"essentieel",
    r"belangrijk",
    r"nodig voor",
    r"onmisbaar",
    r"meer",
    r"beter\w*",
    r"minder",
    r"gezond\w*",
    r"sterk\w*",
    r"stevig\w*",
    r"soepel\w*",
    r"scherp\w*",
    r"optima\w*",
    r"verhoog\w*",
    r"verlaag\w*",
    r"verminder\w*",
    r"vermindering",
    r"bescherm\w*",
    r"op peil",
    r"in balans",
    r"balans",
    r"energiek",
    r"vitaal",
    r"krachtig\w*",
    r"opbouw",
    r"bouwt",
    r"maakt",
    r"extra",
    r"sneller",
    r"vol(?:doende)?",
    r"verhelp\w*",
    r"bestrijd\w*",
    r"tegen",
    r"voeden",
    r"voedt",
    r"laat je",
    r"oppepper",
    r"opkikker",
    r"herstel\w*",
    r"prestatie\w*",
    r"ontspann\w*",
    r"normale?",
    r"fitter",
    r"omgaan met",
    r"om te gaan",
    r"weerbaar\w*",
)
EFFECT_BEFORE = (r"voor",)  # counts only a few words before the topic ("voor sterke botten")

# Frames of the authorised claims: what is left of them after the exact wording is removed
# is a misquote ("draagt bij tot een normale spierwerking").
CLAIM_FRAMES = (
    r"(?:draagt|dragen)\b.{0,60}\bbij\b",
    r"bijdraagt",
    r"bijdragen",
    r"speelt\b.{0,30}\brol",
    r"heeft een rol",
    r"een rol (?:bij|in)",
)
